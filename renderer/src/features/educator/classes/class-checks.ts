import { text } from '../../../i18n';

const t = text.educator.classes;

/** As the contract's className allows (electron/common/classes.ts): checked here so the teacher hears why at once. */
export const CLASS_NAME_MAX = 100;

export function classNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return t.nameMissing;
  if (trimmed.length > CLASS_NAME_MAX) return t.nameTooLong(CLASS_NAME_MAX);
  return null;
}

/** As the contract's learner secret allows: exactly four digits. */
export const pinProblem = (pin: string): string | null => (/^\d{4}$/.test(pin) ? null : t.pinInvalid);
