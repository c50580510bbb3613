import { newTransferPassphrase } from '../../../../electron/common/transfer-passphrase';
import { text } from '../../i18n';

const t = text.transfer.protection;

/**
 * What is wrong with a new passphrase, in the panel's words: the contract's own rules (at least
 * 12 characters, not only spaces), checked before anything is sent so the teacher fixes it in place.
 */
export function newPassphraseProblem(passphrase: string): string | undefined {
  const checked = newTransferPassphrase.safeParse(passphrase);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  if (issue?.code === 'too_small') return t.tooShort;
  if (issue?.code === 'too_big') return t.tooLong;
  return t.onlySpaces;
}

/** The second typing, once the first is good: they must match. */
export function passphraseAgainProblem(passphrase: string, again: string): string | undefined {
  return passphrase === again ? undefined : t.mismatch;
}

/** The codes with which opening a protected file asks for its passphrase; nothing was changed. */
export const needsPassphrase = (error: { code: string } | null): boolean => error?.code === 'passphrase_required' || error?.code === 'wrong_passphrase';
