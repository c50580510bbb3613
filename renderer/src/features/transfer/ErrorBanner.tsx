import { text } from '../../i18n';
import type { CallFailure } from './use-transfer-call';

const t = text.transfer;

/**
 * What went wrong in plain words, and a way to try again. The handlers' own messages are written
 * for people (a file's problem and where it is, an expired import); a storage failure's message
 * may hold technical detail, so it is replaced by a sentence saying what to do. A string is shown
 * as it is (the window's own checks, such as a file that is too large).
 */
function messageOf(error: CallFailure, fileProblem: boolean): string {
  const own = error.message.trim();
  if (error.code === 'storage' || !own) return t.errors[error.code];
  if (error.code === 'invalid_input') return fileProblem ? `${t.fileProblem} ${own}` : t.errors.invalid_input;
  // not_found and conflict: the handlers' own plain words ("This import has expired…").
  return own;
}

export function ErrorBanner(props: { error: CallFailure | string; onRetry?: () => void; fileProblem?: boolean }) {
  const { error, onRetry, fileProblem = false } = props;
  const message = typeof error === 'string' ? error : messageOf(error, fileProblem);
  return (
    <div className="banner banner-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
