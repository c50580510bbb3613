import { useEffect, useRef, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ThemeTag } from '../pathway/ThemeTag';
import { activityIntro, activityTitle, findInPathway, themeInterest, usePathway } from '../pathway/use-pathway';
import { MatchingGame } from './MatchingGame';
import { QuizActivity } from './QuizActivity';

const t = text.activity;

function BackButton() {
  const goTo = useAppStore((s) => s.goTo);
  return (
    <button type="button" className="button" onClick={() => goTo({ name: 'pathway' })}>
      {t.backToPathway}
    </button>
  );
}

/** One activity of one objective, themed for this learner; "Try again" starts a fresh run. */
export function ActivityScreen({ loId, activityId }: { loId: string; activityId: string }) {
  const pathway = usePathway();
  const [run, setRun] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (run > 0) headingRef.current?.focus();
  }, [run]);

  const found = pathway ? findInPathway(pathway, loId, activityId) : null;
  if (!found) {
    return (
      <div className="activity-screen">
        <h1>{t.notFound}</h1>
        <BackButton />
      </div>
    );
  }
  const { objective, item, subjectTitle } = found;
  if (objective.state === 'locked') {
    return (
      <div className="activity-screen">
        <h1>{objective.objective.title}</h1>
        <p>{t.locked(objective.waitingFor.join(', '))}</p>
        <BackButton />
      </div>
    );
  }
  const interest = themeInterest(item);
  const context = {
    loId,
    objectiveTitle: objective.objective.title,
    masteryThreshold: objective.objective.masteryThreshold,
    onTryAgain: () => setRun((r) => r + 1),
  };
  return (
    <div className="activity-screen">
      <p className="muted activity-goal">{t.goalLine(subjectTitle, objective.objective.title)}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        {activityTitle(item)}
      </h1>
      {interest && (
        <p className="tag-row">
          <ThemeTag interest={interest} label={t.themeLine(interest.label)} />
        </p>
      )}
      <p className="lead">{activityIntro(item)}</p>
      {item.activity.type === 'quiz' ? (
        <QuizActivity key={run} activity={item.activity} {...context} />
      ) : (
        <MatchingGame key={run} activity={item.activity} {...context} />
      )}
    </div>
  );
}
