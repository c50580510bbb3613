import { STAR_ICON } from '../../../../electron/common/content/icons';
import type { Pathway } from '../../../../electron/common/pathway';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { StartButton } from './ObjectiveCard';
import { ThemeTag } from './ThemeTag';
import { activityTitle, themeInterest } from './use-pathway';

const t = text.pathway;
const SHOWN = 3;

/** The top suggestions, with the reason each one is suggested and its theme. */
export function NextUp({ pathway }: { pathway: Pathway }) {
  const subjectTitle = (id: string) => pathway.subjects.find((s) => s.subject.id === id)?.subject.title ?? id;
  const top = pathway.suggestions.slice(0, SHOWN);
  return (
    <section className="next-up" aria-labelledby="next-up-title">
      <h2 id="next-up-title">
        <ContentIcon icon={STAR_ICON} alt="" size={28} />
        {t.nextUpTitle}
      </h2>
      {top.length === 0 ? (
        <p>{t.allDone}</p>
      ) : (
        <>
          <p className="muted">{t.nextUpIntro}</p>
          <ul className="next-up-list">
            {top.map((s) => {
              const first = s.activities[0];
              const theme = first ? themeInterest(first) : null;
              const why = s.addressesStruggles.length > 0 ? t.helpsWith(s.addressesStruggles) : s.state === 'in_progress' ? t.alreadyStarted : t.nextStepIn(subjectTitle(s.subjectId));
              return (
                <li key={s.objective.id} className="next-up-card">
                  <h3>{s.objective.title}</h3>
                  <p className="muted">{subjectTitle(s.subjectId)}</p>
                  <p>{why}</p>
                  {first && (
                    <>
                      <p>
                        <strong>{activityTitle(first)}</strong>
                      </p>
                      <p className="tag-row">
                        <span className="tag">{t.activityTypes[first.activity.type] ?? first.activity.type}</span>
                        {theme && <ThemeTag interest={theme} label={t.themeTag(theme.label)} />}
                      </p>
                      <StartButton loId={s.objective.id} item={first} />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
