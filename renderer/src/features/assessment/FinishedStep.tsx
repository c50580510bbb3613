import type { AssessmentProgress } from '../../../../electron/common/assessment-progress';
import { CELEBRATION_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';

/** The end of the wizard: well done, and on to the pathway (or back to what is still open). */
export function FinishedStep({ progress, onContinue }: { progress: AssessmentProgress; onContinue(): void }) {
  const goTo = useAppStore((s) => s.goTo);
  const t = text.assessment.finished;
  if (!progress.finished) {
    return (
      <>
        <h1>{t.notYet(progress.totalParts - progress.doneParts)}</h1>
        <button type="button" className="button button-primary" onClick={onContinue}>
          {t.continue}
        </button>
      </>
    );
  }
  return (
    <>
      <h1>
        <ContentIcon icon={CELEBRATION_ICON} alt="" size={36} />
        {t.title}
      </h1>
      <p className="lead">{t.intro}</p>
      <p>
        <button type="button" className="button button-primary" onClick={() => goTo({ name: 'pathway' })}>
          {t.pathway}
        </button>
      </p>
      <p className="muted">{t.change}</p>
    </>
  );
}
