import { forwardRef } from 'react';
import { text } from '../../../i18n';
import { CallStatus } from '../CallStatus';
import type { ClassAction } from './use-class-action';

/**
 * The status line of one section: working, what the last change did (announced politely), or
 * what went wrong in plain words with Try again. Focusable, so a closed confirmation can hand
 * keyboard focus to what happens next.
 */
export const ActionStatus = forwardRef<HTMLDivElement, { action: ClassAction }>(function ActionStatus({ action }, ref) {
  return (
    <div ref={ref} tabIndex={-1} className="status-anchor">
      <CallStatus busy={action.busy} busyText={text.educator.working} doneText={action.done ?? undefined} doneClassName="result-ok" error={action.error} onRetry={action.retry} />
      {action.problem && (
        <p className="field-error" role="alert">
          {action.problem}
        </p>
      )}
    </div>
  );
});
