import { useId, useMemo, useRef, useState } from 'react';
import { assessmentProgress } from '../../../../electron/common/assessment-progress';
import type { FullLearnerProfile } from '../../../../electron/common/profile';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { DiagnosticStep } from './DiagnosticStep';
import { FinishedStep } from './FinishedStep';
import { InterestsStep } from './InterestsStep';
import { PreferenceTaskStep } from './PreferenceTaskStep';
import { StepIndicator } from './StepIndicator';
import { StrugglesStep } from './StrugglesStep';
import { blockedReason, doneSteps, FINISHED_POSITION, positionOf, STEPS, type AnswerStep } from './steps';
import { useChanged } from './use-changed';

function StepContent({ step }: { step: AnswerStep }) {
  switch (step.kind) {
    case 'interests':
      return <InterestsStep />;
    case 'struggles':
      return <StrugglesStep />;
    case 'preference':
      return <PreferenceTaskStep index={step.index} />;
    case 'diagnostic':
      return <DiagnosticStep index={step.index} />;
  }
}

/**
 * The holistic learner-profile assessment: interests → struggle areas → preference tasks →
 * diagnostic games → finished. It opens where the saved answers say the learner left off; the
 * position itself is never stored.
 */
function Wizard({ profile }: { profile: FullLearnerProfile }) {
  const progress = useMemo(() => assessmentProgress(profile), [profile]);
  const [position, setPosition] = useState(() => positionOf(progress.resumeAt));
  const [furthest, setFurthest] = useState(position);
  const done = doneSteps(profile, furthest);
  const reachable = Math.max(furthest, positionOf(progress.resumeAt));
  const stepRef = useRef<HTMLDivElement>(null);
  const hintId = useId();

  // A new step: focus its heading, so keyboard and screen-reader users start at its top.
  useChanged(position, () => {
    const heading = stepRef.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  });

  const open = (target: number) => {
    setPosition(target);
    setFurthest((f) => Math.max(f, target));
  };

  const step = STEPS[position];
  const blocked = step ? blockedReason(step, done[position] === true) : null;
  const isLast = position === STEPS.length - 1;
  const t = text.assessment;
  return (
    <div className="assessment">
      <StepIndicator current={position} done={done} reachable={reachable} onJump={open} />
      <div className="assessment-step" ref={stepRef} key={position}>
        {step ? <StepContent step={step} /> : <FinishedStep progress={progress} onContinue={() => open(positionOf(progress.resumeAt))} />}
      </div>
      <div className="wizard-nav">
        {position > 0 && (
          <button type="button" className="button" onClick={() => open(position - 1)}>
            <span aria-hidden="true">← </span>
            {t.back}
          </button>
        )}
        {step && (
          <button
            type="button"
            className="button button-primary"
            disabled={blocked !== null}
            aria-describedby={blocked ? hintId : undefined}
            onClick={() => open(isLast ? FINISHED_POSITION : position + 1)}
          >
            {isLast ? t.finish : t.next}
            <span aria-hidden="true"> →</span>
          </button>
        )}
        {blocked && (
          <p id={hintId} className="wizard-hint">
            {blocked}
          </p>
        )}
      </div>
    </div>
  );
}

export function AssessmentWizard() {
  const profile = useAppStore((s) => s.profile);
  if (!profile) return null;
  return <Wizard key={profile.profile.id} profile={profile} />;
}
