import { z } from 'zod';

/**
 * Validation fast paths for the per-row fields of profile and backup files (a 100,000-row backup
 * has hundreds of thousands of timestamps and JSON details). `withFastAccept(schema, accepts)` is
 * a copy of `schema` (same definition, so the same JSON Schema and the same messages) whose run
 * first asks `accepts`: a value it accepts is valid for `schema` as it is and passes unchanged;
 * anything else goes through `schema` itself. So a fast path can only ever be stricter than the
 * schema, never looser: tests/fast-accept.test.ts checks that on generated and boundary values.
 *
 * It replaces the schema instance's `_zod.run` (zod 4 internals; zod is pinned). Apply it to the
 * finished schema: `.refine()` and friends make new instances without the fast path.
 */
type Run = (payload: { value: unknown; issues: unknown[] }, ctx: unknown) => unknown;

/**
 * The general form: `fast(value)` either returns exactly what `schema` would give for `value`
 * (`{ value: output }`) or `undefined` ("not sure": `schema` decides, with its own messages).
 */
export function withFastPath<S extends z.ZodType>(schema: S, fast: (value: unknown) => { value: z.output<S> } | undefined): S {
  const copy = schema.clone() as S;
  const internals = (copy as unknown as { _zod: { run: Run } })._zod;
  const run = internals.run;
  if (typeof run !== 'function') throw new Error('withFastPath: this zod version has no _zod.run');
  internals.run = (payload, ctx) => {
    const quick = fast(payload.value);
    if (quick === undefined) return run(payload, ctx);
    payload.value = quick.value;
    return payload;
  };
  return copy;
}

export function withFastAccept<S extends z.ZodType>(schema: S, accepts: (value: unknown) => boolean): S {
  return withFastPath(schema, (value) => (accepts(value) ? { value: value as z.output<S> } : undefined));
}

/**
 * A test for values of a plain string schema (length limits and a pattern, nothing else), read
 * from the schema's own JSON Schema so that it follows the schema if its limits change.
 */
type Def = { type?: string; check?: string; format?: string; checks?: Array<{ _zod: { def: { check?: string; format?: string } } }> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Whether the schema's checks are only of the kinds given (no trim, no refine, no transform). */
function onlyChecks(schema: z.ZodType, allowed: readonly string[]): boolean {
  return (defOf(schema).checks ?? []).every((c) => allowed.includes(`${c._zod.def.check}${c._zod.def.format ? `:${c._zod.def.format}` : ''}`));
}

export function stringRule(schema: z.ZodType): (value: unknown) => value is string {
  const def = defOf(schema);
  const json = z.toJSONSchema(schema, { io: 'input' }) as { type?: unknown; minLength?: number; maxLength?: number; pattern?: string };
  const known = new Set(['$schema', 'type', 'minLength', 'maxLength', 'pattern', 'format']);
  const plain = def.type === 'string' && onlyChecks(schema, ['min_length', 'max_length', 'string_format:regex']) && (def.format === undefined || json.pattern !== undefined);
  if (!plain || json.type !== 'string' || Object.keys(json).some((k) => !known.has(k))) throw new Error(`stringRule: not a plain string schema: ${JSON.stringify(json)}`);
  const min = json.minLength ?? 0;
  const max = json.maxLength ?? Number.POSITIVE_INFINITY;
  const pattern = json.pattern === undefined ? undefined : new RegExp(json.pattern);
  return (value): value is string => typeof value === 'string' && value.length >= min && value.length <= max && (pattern === undefined || pattern.test(value));
}

/** A test for values of a plain number schema (finite, optional minimum and maximum), read from its JSON Schema. */
export function numberRule(schema: z.ZodType): (value: unknown) => value is number {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { type?: unknown; minimum?: number; maximum?: number };
  const known = new Set(['$schema', 'type', 'minimum', 'maximum']);
  const plain = defOf(schema).type === 'number' && onlyChecks(schema, ['greater_than', 'less_than']);
  if (!plain || json.type !== 'number' || Object.keys(json).some((k) => !known.has(k))) throw new Error(`numberRule: not a plain number schema: ${JSON.stringify(json)}`);
  const min = json.minimum ?? Number.NEGATIVE_INFINITY;
  const max = json.maximum ?? Number.POSITIVE_INFINITY;
  return (value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A UTC time like 2026-01-31T09:30:00.000Z that is a real date and time (dto.isoTimestamp), by arithmetic. */
export function isRealIsoTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_UTC_MS.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  if (Number(value.slice(11, 13)) > 23 || Number(value.slice(14, 16)) > 59 || Number(value.slice(17, 19)) > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** Depth of a plain JSON value as records-schema counts it (objects and arrays are levels), or -1 if it is not plain JSON. */
function plainJsonDepth(value: unknown, depth: number): number {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return depth;
  if (typeof value === 'number') return Number.isFinite(value) ? depth : -1;
  if (typeof value !== 'object') return -1;
  let deepest = depth + 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return -1;
      const d = plainJsonDepth(value[i], depth + 1);
      if (d < 0) return -1;
      if (d > deepest) deepest = d;
    }
    return deepest;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return -1;
  for (const key of Object.keys(value)) {
    // zod's record drops a "__proto__" key: such an object is not passed through unchanged.
    if (key === '__proto__') return -1;
    const d = plainJsonDepth((value as Record<string, unknown>)[key], depth + 1);
    if (d < 0) return -1;
    if (d > deepest) deepest = d;
  }
  return deepest;
}

/**
 * A plain JSON object (no array, no class instance, finite numbers) nested at most `maxDepth`
 * levels whose JSON text has at most `maxChars` characters: dto.jsonObject plus the depth rule of
 * the file formats.
 */
export function smallJsonObject(maxChars: number, maxDepth: number): (value: unknown) => boolean {
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const depth = plainJsonDepth(value, 0);
    return depth >= 0 && depth <= maxDepth && JSON.stringify(value).length <= maxChars;
  };
}
