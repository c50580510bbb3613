import { password as passwordSchema, username as usernameSchema } from '../../../../../electron/common/accounts';
import { displayName as displayNameSchema } from '../../../../../electron/common/dto';
import { text } from '../../../i18n';

const t = text.educator.gate;

/**
 * The window's own checks of an account form, with the contract's own schemas (the main process
 * checks again): each answers the sentence to show under the field, or null when it is fine.
 */
export function usernameProblem(value: string): string | null {
  if (value.trim() === '') return t.usernameMissing;
  return usernameSchema.safeParse(value).success ? null : t.usernameInvalid;
}

export function displayNameProblem(value: string): string | null {
  return displayNameSchema.safeParse(value).success ? null : t.nameMissing;
}

export function newPasswordProblem(value: string): string | null {
  return passwordSchema.safeParse(value).success ? null : t.passwordTooShort;
}

export function againProblem(first: string, again: string): string | null {
  return first === again ? null : t.passwordsDiffer;
}

/** Field name → problem; the first field with one gets focus, so its message is read at once. */
export type FieldProblems<F extends string> = Partial<Record<F, string>>;

export function collectProblems<F extends string>(checks: Array<[F, string | null]>): FieldProblems<F> {
  const problems: FieldProblems<F> = {};
  for (const [field, problem] of checks) if (problem && !problems[field]) problems[field] = problem;
  return problems;
}
