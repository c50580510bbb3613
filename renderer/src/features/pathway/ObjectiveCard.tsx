import { OBJECTIVE_STATE_ICONS } from '../../../../electron/common/content/icons';
import type { PathwayObjective, ThemedActivity } from '../../../../electron/common/pathway';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ThemeTag } from './ThemeTag';
import { activityIntro, activityTitle, percent, themeInterest } from './use-pathway';

const t = text.pathway;

/** The objective's state in words and an icon, never by colour alone. */
export function ObjectiveState({ objective }: { objective: PathwayObjective }) {
  const { state, bestScore } = objective;
  const detail = state === 'locked' ? t.finishFirst(objective.waitingFor) : bestScore !== null && state !== 'available' ? t.bestScore(percent(bestScore)) : null;
  return (
    <p className={`objective-state objective-state-${state}`}>
      <ContentIcon icon={OBJECTIVE_STATE_ICONS[state]} alt="" size={20} />
      <strong>{t.states[state]}</strong>
      {detail && <span>{` · ${detail}`}</span>}
    </p>
  );
}

export function StartButton({ loId, item }: { loId: string; item: ThemedActivity }) {
  const goTo = useAppStore((s) => s.goTo);
  return (
    <button
      type="button"
      className="button button-primary"
      aria-label={t.startActivity(activityTitle(item))}
      onClick={() => goTo({ name: 'activity', loId, activityId: item.activity.id })}
    >
      {t.start}
    </button>
  );
}

function ActivityItem({ loId, item, target, finished }: { loId: string; item: ThemedActivity; target: number; finished: boolean }) {
  const theme = themeInterest(item);
  return (
    <li className="activity-item">
      <div className="activity-item-text">
        <p className="activity-item-title">
          <strong>{activityTitle(item)}</strong>
        </p>
        <p className="activity-item-intro">{activityIntro(item)}</p>
        <p className="tag-row">
          <span className="tag">{t.activityTypes[item.activity.type] ?? item.activity.type}</span>
          <span className="tag">{t.level(item.activity.difficulty)}</span>
          {item.activity.difficulty === target && <span className="tag tag-accent">{t.justRight}</span>}
          {theme && <ThemeTag interest={theme} label={t.themeTag(theme.label)} />}
          {finished && <span className="tag tag-done">{t.doneBefore}</span>}
        </p>
      </div>
      <StartButton loId={loId} item={item} />
    </li>
  );
}

export function ObjectiveCard({ objective, target, finished }: { objective: PathwayObjective; target: number; finished: ReadonlySet<string> }) {
  const { objective: lo, state } = objective;
  const levels = lo.activities.map((a) => a.difficulty);
  const headingId = `objective-${lo.id}`;
  return (
    <li className={`objective-card objective-${state}`}>
      <h3 id={headingId}>
        {(state === 'completed' || state === 'locked') && <ContentIcon icon={OBJECTIVE_STATE_ICONS[state]} alt="" size={22} />}
        {lo.title}
      </h3>
      <ObjectiveState objective={objective} />
      <p>{lo.description}</p>
      <p className="tag-row">
        <span className="tag">{t.levels(Math.min(...levels), Math.max(...levels))}</span>
        {objective.addressesStruggles.length > 0 && <span className="tag tag-accent">{t.helpsWith(objective.addressesStruggles)}</span>}
      </p>
      {state !== 'locked' && (
        <>
          {state !== 'completed' && <p className="muted">{t.masteryHint(percent(lo.masteryThreshold))}</p>}
          <ul className="activity-list" aria-label={t.activitiesLabel(lo.title)}>
            {objective.activities.map((item) => (
              <ActivityItem key={item.activity.id} loId={lo.id} item={item} target={target} finished={finished.has(`${lo.id}/${item.activity.id}`)} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
