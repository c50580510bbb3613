import { useEffect, useRef } from 'react';
import { CELEBRATION_ICON, WARNING_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import type { AttemptSave } from './use-attempt-recorder';

const t = text.activity;
const percent = (score: number): number => Math.round(score * 100);

export interface ActivityResultProps {
  loId: string;
  objectiveTitle: string;
  masteryThreshold: number;
  /** False when the learner left before the end. */
  finished: boolean;
  summary: string;
  score: number;
  save: AttemptSave;
  onRetrySave: () => void;
  onTryAgain: () => void;
}

/** What the objective's stored progress says now: only what the database has confirmed. */
function ObjectiveLine({ loId, objectiveTitle, masteryThreshold, save }: Pick<ActivityResultProps, 'loId' | 'objectiveTitle' | 'masteryThreshold' | 'save'>) {
  const progress = useAppStore((s) => s.profile?.loProgress.find((p) => p.loId === loId));
  if (save.state !== 'saved') return null;
  if (save.result?.loProgressChange === 'completed') {
    return (
      <p className="result-objective result-completed">
        <ContentIcon icon={CELEBRATION_ICON} alt="" size={28} />
        {t.objectiveCompleted(objectiveTitle)}
      </p>
    );
  }
  if (progress?.status === 'completed') return <p className="result-objective">{t.objectiveDone(objectiveTitle, percent(progress.score ?? 0))}</p>;
  const best = progress?.score ?? null;
  return <p className="result-objective">{t.keepPractising(objectiveTitle, percent(masteryThreshold), best === null ? null : percent(best))}</p>;
}

/** The end of an activity: the score, whether it was saved, the objective's progress, what next. */
export function ActivityResult(props: ActivityResultProps) {
  const { finished, summary, score, save, onRetrySave, onTryAgain } = props;
  const goTo = useAppStore((s) => s.goTo);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const saveText = save.state === 'saving' ? t.saving : save.state === 'saved' ? t.saved : save.state === 'failed' ? t.notSaved : '';
  return (
    <section className="card activity-result" aria-labelledby="activity-result-title">
      <h2 id="activity-result-title" ref={headingRef} tabIndex={-1}>
        {finished ? t.resultTitle : t.stoppedTitle}
      </h2>
      <p className="result-score">{summary}</p>
      <p className="result-percent">{t.scorePercent(percent(score))}</p>
      <p className={`result-save result-save-${save.state}`} role="status" aria-live="polite">
        {save.state === 'failed' && <ContentIcon icon={WARNING_ICON} alt="" size={22} />}
        {saveText}
      </p>
      <ObjectiveLine {...props} />
      {save.state === 'failed' && (
        <div className="result-retry">
          <button type="button" className="button button-primary" onClick={onRetrySave}>
            {t.saveAgain}
          </button>
          <p className="muted">{t.leaveUnsaved}</p>
        </div>
      )}
      <div className="button-row">
        {save.state === 'saved' && (
          <button type="button" className="button button-primary" onClick={onTryAgain}>
            {t.tryAgain}
          </button>
        )}
        <button type="button" className="button" onClick={() => goTo({ name: 'pathway' })}>
          {t.backToPathway}
        </button>
      </div>
    </section>
  );
}
