import { text } from '../../i18n';
import { FINISHED_POSITION, STEPS, stepLabel } from './steps';

interface StepIndicatorProps {
  /** 0-based position of the step on screen; FINISHED_POSITION for the finished page. */
  current: number;
  done: boolean[];
  /** Steps up to this position may be opened directly. */
  reachable: number;
  onJump(position: number): void;
}

/**
 * "Step 3 of 10" and the list of steps. Done steps carry a tick *and* the word "done" (never colour
 * alone); every step the learner has reached is a button to jump back to.
 */
export function StepIndicator({ current, done, reachable, onJump }: StepIndicatorProps) {
  const total = STEPS.length;
  return (
    <nav className="step-indicator" aria-label={text.assessment.stepsLabel}>
      <p className="step-count">{current >= FINISHED_POSITION ? text.assessment.allStepsDone(total) : text.assessment.stepOf(current + 1, total)}</p>
      <ol className="step-list">
        {STEPS.map((step, position) => {
          const isDone = done[position] === true;
          const isCurrent = position === current;
          const spoken = `${text.assessment.stepPrefix(position + 1)}${stepLabel(step)}${isDone ? text.assessment.stepDone : ''}`;
          // One hidden text for screen readers ("Step 2: Tricky things (done)"); the tick or number and
          // the label are what is seen.
          const content = (
            <>
              <span className="visually-hidden">{spoken}</span>
              <span className="step-number" aria-hidden="true">
                {isDone ? '✓' : position + 1}
              </span>
              <span className="step-label" aria-hidden="true">
                {stepLabel(step)}
              </span>
            </>
          );
          const className = `step-item${isDone ? ' step-done' : ''}${isCurrent ? ' step-current' : ''}`;
          return (
            <li key={position} className={className} aria-current={isCurrent ? 'step' : undefined}>
              {!isCurrent && position <= reachable ? (
                <button type="button" className="step-button" onClick={() => onJump(position)}>
                  {content}
                </button>
              ) : (
                <span className="step-static">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
