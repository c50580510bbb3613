import type { z } from 'zod';

/**
 * Who may call a channel (DESIGN.md, "Who may do what"). The one dispatch path checks it before
 * the handler runs; a refused call answers `forbidden` and writes nothing.
 *
 * - `anyone`: whoever is at the window (app info, the picker's names, signing in);
 * - `ownRecords`: the learner named by the input's `learnerId` when signed in, an educator of one
 *   of their classes, or an admin;
 * - `learnersEducator`: an educator of that learner's class, or an admin (exports, reports);
 * - `educator`: any unlocked educator (the handler narrows a coach to their classes);
 * - `admin`: an unlocked admin only (restores, deletion, settings, accounts).
 */
export type AccessLevel = 'anyone' | 'ownRecords' | 'learnersEducator' | 'educator' | 'admin';

/** A fixed level, or one that depends on the parsed input (a replace import needs an admin). */
export type Access<I> = AccessLevel | ((input: I) => AccessLevel);

export interface ChannelSpec<S extends z.ZodType, O> {
  input: S;
  access: Access<z.output<S>>;
  /** Largest request accepted, in bytes of JSON received (default DEFAULT_PAYLOAD_LIMIT_BYTES). */
  maxRequestBytes?: number;
  /** Phantom: carries the output type only (boxed, so that `null` outputs survive NonNullable). */
  output?: [O];
}

/** Levels that name a learner: the input must carry the `learnerId` the dispatcher checks. */
export type LearnerAccessLevel = 'ownRecords' | 'learnersEducator';
type UnscopedLevel = Exclude<AccessLevel, LearnerAccessLevel>;

/** `channel<Output>()(inputSchema, access, options?)` for channels that are not about one learner. */
export const channel =
  <O>() =>
  <S extends z.ZodType>(input: S, access: UnscopedLevel | ((input: z.output<S>) => UnscopedLevel), options: { maxRequestBytes?: number } = {}): ChannelSpec<S, O> => ({
    input,
    access,
    ...options,
  });

/** `learnerChannel<Output>()(inputSchema, level)`: the schema's output must have a `learnerId`. */
export const learnerChannel =
  <O>() =>
  <S extends z.ZodType<{ learnerId: string }>>(input: S, access: LearnerAccessLevel, options: { maxRequestBytes?: number } = {}): ChannelSpec<S, O> => ({
    input,
    access,
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
