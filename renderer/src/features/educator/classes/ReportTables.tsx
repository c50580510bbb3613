import type { ReactNode } from 'react';
import type { ClassReportLearner, ClassReportView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { ReportCell } from './ReportCell';

const t = text.educator.classes.report;

type Objective = ClassReportView['objectives'][number];

/** A wide table in a region that scrolls sideways, reachable and scrollable with the keyboard. */
function ScrollRegion({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="report-scroll" role="region" aria-label={t.tableRegion(caption)} tabIndex={0}>
      {children}
    </div>
  );
}

function aboutMe(a: ClassReportLearner['assessment']): string {
  return a.finished ? t.assessmentFinished : t.assessmentPart(a.preferencesDone, a.preferencesTotal, a.diagnosticsDone, a.diagnosticsTotal, a.interests);
}

/** Per learner: the "About me" assessment, how many goals are done, and the badges. */
export function ReportOverviewTable({ report }: { report: ClassReportView }) {
  const total = report.objectives.length;
  return (
    <ScrollRegion caption={t.overviewCaption}>
      <table className="data-table class-report-table">
        <caption>{t.overviewCaption}</caption>
        <thead>
          <tr>
            {[t.learnerColumn, t.assessmentColumn, t.goalsColumn, t.badgesColumn].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.learners.map((l) => (
            <tr key={l.learnerId}>
              <th scope="row" className="break-anywhere">
                {l.displayName}
              </th>
              <td>{aboutMe(l.assessment)}</td>
              <td>{t.goalsDone(Object.values(l.objectives).filter((o) => o.status === 'completed').length, total)}</td>
              <td>{l.badges.length === 0 ? <span className="muted">{t.noBadges}</span> : l.badges.map((b) => b.badgeName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Learners × the learning goals of one subject: how far each got, and their best score. */
export function ReportSubjectTable(props: { subjectTitle: string; objectives: Objective[]; learners: ClassReportLearner[] }) {
  const caption = t.subjectCaption(props.subjectTitle);
  return (
    <ScrollRegion caption={caption}>
      <table className="data-table class-report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.learnerColumn}</th>
            {props.objectives.map((o) => (
              <th key={o.loId} scope="col">
                {o.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.learners.map((l) => (
            <tr key={l.learnerId}>
              <th scope="row" className="break-anywhere">
                {l.displayName}
              </th>
              {props.objectives.map((o) => (
                <td key={o.loId}>
                  <ReportCell progress={l.objectives[o.loId]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
