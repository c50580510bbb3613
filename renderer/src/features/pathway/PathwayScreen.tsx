import { text } from '../../i18n';
import { NextUp } from './NextUp';
import { ObjectiveCard } from './ObjectiveCard';
import { useFinishedActivityIds, usePathway } from './use-pathway';

const t = text.pathway;

/**
 * The learner's pathway, derived from their stored profile: what to do next, then each subject's
 * objectives in pathway order with their state and activities.
 */
export function PathwayScreen() {
  const pathway = usePathway();
  const finished = useFinishedActivityIds();
  if (!pathway) return <h1>{t.title}</h1>;
  return (
    <div className="pathway">
      <h1>{t.title}</h1>
      <p className="lead">{t.difficultyLine(pathway.targetDifficulty)}</p>
      <NextUp pathway={pathway} />
      {pathway.subjects.map(({ subject, objectives }) => {
        const done = objectives.filter((o) => o.state === 'completed').length;
        return (
          <section key={subject.id} className="subject-section" aria-labelledby={`subject-${subject.id}`}>
            <h2 id={`subject-${subject.id}`}>{subject.title}</h2>
            <p className="muted">{t.subjectProgress(done, objectives.length)}</p>
            <ol className="objective-list" aria-label={t.objectivesLabel(subject.title)}>
              {objectives.map((o) => (
                <ObjectiveCard key={o.objective.id} objective={o} target={pathway.targetDifficulty} finished={finished} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
