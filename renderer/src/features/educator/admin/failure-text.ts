import { DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';

/**
 * A failed admin call in words an admin can act on. `conflict` and `not_found` carry the
 * handlers' own sentences ("This is the last admin who can sign in…", "There is already an
 * educator called…"); the other codes may carry technical detail, so the panel's sentence is shown.
 */
export function failureText(error: unknown): string {
  if (!(error instanceof DalaCallError)) return text.educator.errors.storage;
  const own = error.message.trim();
  if ((error.code === 'conflict' || error.code === 'not_found') && own) return own;
  return text.educator.errors[error.code];
}

export const isForbidden = (error: unknown): boolean => error instanceof DalaCallError && error.code === 'forbidden';
