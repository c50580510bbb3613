import { z } from 'zod';

/**
 * Educators, learners' sign-in and sessions as the contract carries them (DESIGN.md, "Who may do
 * what"). Passwords and secrets travel only inward, in inputs, and never come back out.
 */

export const EDUCATOR_ROLES = ['admin', 'coach'] as const;
export type EducatorRole = (typeof EDUCATOR_ROLES)[number];
export const educatorRole = z.enum(EDUCATOR_ROLES);

export const username = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, ., - and _');

export const MIN_PASSWORD_LENGTH = 8;
export const password = z.string().min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`).max(200, 'must be at most 200 characters');

export const SIGN_IN_METHODS = ['none', 'pin', 'picture'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
export const signInMethod = z.enum(SIGN_IN_METHODS);

/**
 * The nine pictures of a picture password, for children who cannot read yet: bundled icons
 * (resources/content/icons) with a name a screen reader says.
 */
export const SIGN_IN_PICTURES = [
  { id: 'animals', name: 'dog' },
  { id: 'space', name: 'rocket' },
  { id: 'football', name: 'ball' },
  { id: 'music', name: 'music' },
  { id: 'drawing', name: 'paint' },
  { id: 'dinosaurs', name: 'dinosaur' },
  { id: 'robots', name: 'robot' },
  { id: 'ocean', name: 'wave' },
  { id: 'trains', name: 'train' },
] as const;
export type SignInPictureId = (typeof SIGN_IN_PICTURES)[number]['id'];
export const PICTURE_PASSWORD_LENGTH = 3;
const pictureId = z.enum(SIGN_IN_PICTURES.map((p) => p.id) as [SignInPictureId, ...SignInPictureId[]]);

/** A learner's secret: four digits, or three different pictures in the order they were picked. */
export const learnerSecret = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pin'), pin: z.string().regex(/^\d{4}$/, 'must be four digits') }),
  z.strictObject({
    kind: z.literal('picture'),
    pictures: z
      .array(pictureId)
      .length(PICTURE_PASSWORD_LENGTH, `must be ${PICTURE_PASSWORD_LENGTH} pictures`)
      .refine((p) => new Set(p).size === p.length, 'must be different pictures'),
  }),
]);
export type LearnerSecret = z.output<typeof learnerSecret>;

export interface EducatorView {
  id: string;
  username: string;
  displayName: string;
  role: EducatorRole;
  disabled: boolean;
  /** The classes a coach looks after (admins look after all). */
  classIds: string[];
}

export interface SessionView {
  learner: { id: string; displayName: string } | null;
  educator: { id: string; username: string; displayName: string; role: EducatorRole } | null;
  /** No educator account exists yet: Educator tools offer "set up the first admin". */
  setupNeeded: boolean;
  /** What the window needs to know to lock itself in time (minutes of no use). */
  idle: { educatorMinutes: number; learnerMinutes: number };
  /** Whether learners may make their own profile from the picker. */
  learnerSelfSignUp: boolean;
}

/** What the picker needs to ask a learner before signing them in. */
export interface LearnerSignInView {
  learnerId: string;
  displayName: string;
  method: SignInMethod;
  /** False when the method needs a secret the learner has not chosen yet: this sign-in chooses it. */
  secretSet: boolean;
}
