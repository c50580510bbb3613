import type { ReactNode } from 'react';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import type { ReportModel } from './report-model';
import { SubjectProgressChart } from './SubjectProgressChart';

const t = text.profile;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card report-section" aria-labelledby={`report-${id}`}>
      <h2 id={`report-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

const orNone = (value: string | null, none: string) => value ?? <span className="muted">{none}</span>;

function AssessmentSection({ assessment }: { assessment: ReportModel['assessment'] }) {
  return (
    <Section id="assessment" title={t.assessmentTitle}>
      <p>{assessment.finished ? t.assessmentFinished(assessment.totalParts) : t.assessmentPartial(assessment.doneParts, assessment.totalParts)}</p>
      <progress className="report-progress" max={assessment.totalParts} value={assessment.doneParts} aria-label={t.assessmentProgressLabel} />
    </Section>
  );
}

function ListsSection({ model }: { model: ReportModel }) {
  return (
    <>
      <Section id="interests" title={t.interestsTitle}>
        {model.interests.length === 0 ? (
          <p className="muted">{t.noInterests}</p>
        ) : (
          <ul className="chip-list">
            {model.interests.map((i) => (
              <li key={i.label} className="chip">
                {i.icon && <ContentIcon icon={i.icon} alt="" size={20} />}
                {i.label}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="struggles" title={t.strugglesTitle}>
        {model.struggles.length === 0 ? (
          <p className="muted">{t.noStruggles}</p>
        ) : (
          <ul className="chip-list">
            {model.struggles.map((s) => (
              <li key={s} className="chip">
                {s}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function PreferencesSection({ model }: { model: ReportModel }) {
  return (
    <Section id="preferences" title={t.preferencesTitle}>
      {model.preferenceSummary && <p className="report-summary">{model.preferenceSummary}</p>}
      {model.preferences.length === 0 ? (
        <p className="muted">{t.noPreferences}</p>
      ) : (
        <table className="data-table">
          <caption>{t.preferencesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.preferenceQuestion}</th>
              <th scope="col">{t.preferenceChoice}</th>
            </tr>
          </thead>
          <tbody>
            {model.preferences.map((p) => (
              <tr key={p.prompt}>
                <th scope="row">{p.prompt}</th>
                <td>{p.choice}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function MetricsSection({ metrics }: { metrics: ReportModel['metrics'] }) {
  return (
    <Section id="metrics" title={t.metricsTitle}>
      {metrics.length === 0 ? (
        <p className="muted">{t.noMetrics}</p>
      ) : (
        <table className="data-table">
          <caption>{t.metricsCaption}</caption>
          <thead>
            <tr>
              {[t.metricGame, t.metricAccuracy, t.metricAttempts, t.metricTime, t.metricSpan].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m.title}>
                <th scope="row">{m.title}</th>
                <td>{orNone(m.accuracy, t.notMeasured)}</td>
                <td>{orNone(m.attempts, t.notMeasured)}</td>
                <td>{orNone(m.time, t.notMeasured)}</td>
                <td>{orNone(m.span, t.notMeasured)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function BadgesSection({ badges }: { badges: ReportModel['badges'] }) {
  return (
    <Section id="badges" title={t.badgesTitle}>
      {badges.length === 0 ? (
        <p className="muted">{t.noBadges}</p>
      ) : (
        <ul className="report-badges">
          {badges.map((b) => (
            <li key={b.name}>
              <ContentIcon icon={b.icon} alt="" size={40} />
              <span>
                <strong>{b.name}</strong>
                {b.description && <span className="report-badge-description"> {b.description}</span>}
                <span className="muted report-badge-date"> {t.earnedOn(b.earned)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function AttemptsSection({ attempts }: { attempts: ReportModel['recentAttempts'] }) {
  return (
    <Section id="attempts" title={t.attemptsTitle}>
      {attempts.length === 0 ? (
        <p className="muted">{t.noAttempts}</p>
      ) : (
        <table className="data-table">
          <caption>{t.attemptsCaption(attempts.length)}</caption>
          <thead>
            <tr>
              {[t.attemptActivity, t.attemptGoal, t.attemptScore, t.attemptCompleted, t.attemptDate].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {attempts.map((a, i) => (
              <tr key={i}>
                <th scope="row">{a.activity}</th>
                <td>{a.goal}</td>
                <td>{orNone(a.score, t.noScore)}</td>
                <td>{a.completed ? t.yes : t.no}</td>
                <td>{a.date}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** Every section of the report, in the order the printout and the saved page use. */
export function ReportSections({ model }: { model: ReportModel }) {
  return (
    <>
      <AssessmentSection assessment={model.assessment} />
      <ListsSection model={model} />
      <PreferencesSection model={model} />
      <MetricsSection metrics={model.metrics} />
      <Section id="progress" title={t.progressTitle}>
        <SubjectProgressChart subjects={model.subjects} />
      </Section>
      <BadgesSection badges={model.badges} />
      <AttemptsSection attempts={model.recentAttempts} />
    </>
  );
}
