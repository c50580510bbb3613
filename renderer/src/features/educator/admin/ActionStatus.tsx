import { forwardRef } from 'react';
import type { ActionOutcome } from './use-admin-action';

/**
 * The status line of one admin action: "Saving…" or the result, announced politely (the region
 * is always there so screen readers hear each change); a failure is an alert. Focusable, so focus
 * has somewhere to go when a confirmation closes.
 */
export const ActionStatus = forwardRef<HTMLDivElement, { busy: boolean; busyText: string; outcome: ActionOutcome | null }>(function ActionStatus({ busy, busyText, outcome }, ref) {
  return (
    <div ref={ref} tabIndex={-1} className="status-anchor">
      <p className="call-status result-ok" role="status">
        {busy ? busyText : outcome?.ok ? outcome.message : ''}
      </p>
      {!busy && outcome && !outcome.ok && (
        <p className="banner banner-error" role="alert">
          {outcome.message}
        </p>
      )}
    </div>
  );
});
