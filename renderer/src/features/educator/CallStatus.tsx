import type { ReactNode } from 'react';
import type { ErrorCode } from '../../../../electron/common/errors';
import { text } from '../../i18n';

const t = text.educator;

/**
 * The status line of a panel: what is running now, or what the last call found (announced
 * politely), and on failure a plain-words message with a retry button.
 */
export function CallStatus(props: { busy: boolean; busyText: string; doneText?: ReactNode; doneClassName?: string; error: ErrorCode | null; onRetry(): void }) {
  const { busy, busyText, doneText, doneClassName, error, onRetry } = props;
  return (
    <>
      <p className={`call-status ${!busy && !error && doneClassName ? doneClassName : ''}`} role="status">
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" /> {busyText}
          </>
        ) : (
          !error && doneText
        )}
      </p>
      {error && !busy && (
        <div className="banner banner-error" role="alert">
          <p>{t.errors[error]}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t.retry}
          </button>
        </div>
      )}
    </>
  );
}
