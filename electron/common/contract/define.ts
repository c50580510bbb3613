import type { z } from 'zod';
import type { AuditAction } from '../classes';

/**
 * Who may call a channel (DESIGN.md, "Who may do what"). The one dispatch path checks it before
 * the handler runs; a refused call answers `forbidden` and writes nothing.
 *
 * - `anyone`: whoever is at the window (app info, the picker's names, signing in);
 * - `signUp`: anyone while the machine lets learners make their own profile, else an educator;
 * - `ownRecords`: the learner named by the input's `learnerId` when signed in, an educator of one
 *   of their classes, or an admin;
 * - `learnersEducator`: an educator of that learner's class, or an admin (exports, secrets);
 * - `classEducator`: a coach of the class named by the input's `classId`, or an admin;
 * - `educator`: any unlocked educator (the handler narrows a coach to their classes);
 * - `admin`: an unlocked admin only (restores, deletion, settings, accounts).
 */
export type AccessLevel = 'anyone' | 'signUp' | 'ownRecords' | 'learnersEducator' | 'classEducator' | 'educator' | 'admin';

/** Levels that name a learner: the input must carry the `learnerId` the dispatcher checks. */
export type LearnerAccessLevel = 'ownRecords' | 'learnersEducator';
type UnscopedLevel = Exclude<AccessLevel, LearnerAccessLevel | 'classEducator'>;

/** A fixed level, or one that depends on the parsed input (a replace import needs an admin). */
export type Access<I> = AccessLevel | ((input: I) => AccessLevel);

/** One line the audit log gets for a call: an action and the id it was done to (never contents). */
export interface AuditRecord {
  action: AuditAction;
  targetType?: 'learner' | 'class' | 'educator' | 'snapshot' | 'settings' | 'file' | 'school';
  targetId?: string;
  /** A short code (an import policy, a role), never free text. */
  detail?: string;
}

/** What a successful call writes to the audit log: nothing, one line or several. */
export type AuditSpec<I, O> = (input: I, output: O) => AuditRecord | AuditRecord[] | undefined;

export interface ChannelOptions<I, O> {
  /** Largest request accepted, in bytes of JSON received (default DEFAULT_PAYLOAD_LIMIT_BYTES). */
  maxRequestBytes?: number;
  /** Written to the audit log after the call succeeds (educator actions). */
  audit?: AuditSpec<I, O>;
  /**
   * The handler waits for the user (a native open or save dialog) and touches no database: it runs
   * beside the call queue, so saves made while the dialog is open are not held up.
   */
  waitsForUser?: boolean;
  /**
   * The handler waits on the network (the school hub) and writes only in short transactions of its
   * own: it runs beside the call queue too, so that a slow hub never holds up a learner's save.
   */
  waitsForNetwork?: boolean;
}

export interface ChannelSpec<S extends z.ZodType, O> extends ChannelOptions<z.output<S>, O> {
  input: S;
  access: Access<z.output<S>>;
  /** Phantom: carries the output type only (boxed, so that `null` outputs survive NonNullable). */
  output?: [O];
}

/** `channel<Output>()(inputSchema, access, options?)` for channels that are not about one learner or class. */
export const channel =
  <O>() =>
  <S extends z.ZodType>(input: S, access: UnscopedLevel | ((input: z.output<S>) => UnscopedLevel), options: ChannelOptions<z.output<S>, O> = {}): ChannelSpec<S, O> => ({
    input,
    access,
    ...options,
  });

/** `learnerChannel<Output>()(inputSchema, level)`: the schema's output must have a `learnerId`. */
export const learnerChannel =
  <O>() =>
  <S extends z.ZodType<{ learnerId: string }>>(input: S, access: LearnerAccessLevel, options: ChannelOptions<z.output<S>, O> = {}): ChannelSpec<S, O> => ({
    input,
    access,
    ...options,
  });

/** `classChannel<Output>()(inputSchema)`: a coach of the input's `classId`, or an admin. */
export const classChannel =
  <O>() =>
  <S extends z.ZodType<{ classId: string }>>(input: S, options: ChannelOptions<z.output<S>, O> = {}): ChannelSpec<S, O> => ({
    input,
    access: 'classEducator',
    ...options,
  });

type Duplicates<T extends readonly object[], Seen = never> = T extends readonly [infer H extends object, ...infer R extends readonly object[]]
  ? (keyof H & Seen) | Duplicates<R, Seen | keyof H>
  : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type MergedMaps<T extends readonly object[]> = UnionToIntersection<T[number]>;

/**
 * Merges per-domain maps (contract parts, handler maps) into one. A key in two maps is a compile
 * error naming the key, and a runtime error too: a later key never silently wins.
 */
export function mergeDomainMaps<const T extends readonly object[]>(
  ...maps: [Duplicates<T>] extends [never] ? T : [`declared twice: ${Duplicates<T> & string}`]
): MergedMaps<T> {
  const merged: Record<string, unknown> = {};
  for (const map of maps as readonly object[]) {
    for (const [key, value] of Object.entries(map)) {
      if (key in merged) throw new Error(`"${key}" is declared twice.`);
      merged[key] = value;
    }
  }
  return merged as MergedMaps<T>;
}
