import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as dto from '../electron/common/dto';
import { isRealIsoTimestamp, smallJsonObject, stringRule } from '../electron/common/merge/fast-accept';
import { attemptRowSchema, learnerRecordsSchema, MAX_DETAILS_JSON_CHARS } from '../electron/common/merge/records-schema';

/**
 * The validation fast paths of the file formats (database/transfer/fast-accept.ts) may only ever
 * be stricter than the zod schemas they stand in front of: whatever they accept, zod accepts too
 * and turns into the same value. Checked on generated values near every limit.
 */

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
const isoLike = fc
  .tuple(digits(4, 9999), digits(2, 14), digits(2, 33), digits(2, 25), digits(2, 61), digits(2, 61), digits(3, 999))
  .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);

const reference = dto.jsonObject.refine((v) => depth(v) <= 16);
function depth(value: unknown, d = 0): number {
  if (value === null || typeof value !== 'object') return d;
  let deepest = d + 1;
  for (const v of Object.values(value as Record<string, unknown>)) deepest = Math.max(deepest, depth(v, d + 1));
  return deepest;
}
const nestedArrays = (n: number): unknown => (n === 0 ? 1 : [nestedArrays(n - 1)]);

describe('the zod internals the fast paths rely on', () => {
  // withFastPath replaces a schema instance's private `_zod.run` (zod 4 internals). That is only
  // safe on the zod version it was checked against: an upgrade must fail here, loudly, and be
  // looked at (or the fast paths removed) before it ships.
  it('are those of the pinned zod version', async () => {
    const { version } = (await import('zod/package.json', { with: { type: 'json' } })).default as { version: string };
    expect(version, 'zod was upgraded: re-check database/transfer/fast-accept.ts against its internals').toBe('4.6.7');
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
    expect(pkg.dependencies.zod).toBe('4.6.7');
    expect(typeof (z.string() as unknown as { _zod: { run: unknown } })._zod.run).toBe('function');
  });
});

describe('isRealIsoTimestamp', () => {
  it('accepts exactly what dto.isoTimestamp accepts (calendar, leap years, hours, seconds)', () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string(), fc.constantFrom('2024-02-29T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '1900-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-01-31T24:00:00.000Z')), (s) => {
        expect(isRealIsoTimestamp(s)).toBe(dto.isoTimestamp.safeParse(s).success);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('smallJsonObject (details of a row)', () => {
  const fast = smallJsonObject(MAX_DETAILS_JSON_CHARS, 16);
  it('accepts only what dto.jsonObject with the depth rule accepts, unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 20 }), fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true })), (value) => {
        if (!fast(value)) return;
        const parsed = reference.safeParse(value);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(parsed.data).toEqual(value);
      }),
      { numRuns: 3_000 },
    );
  });

  it('agrees with zod at the limits: length, depth, __proto__, non-finite numbers, arrays', () => {
    const exactly = (chars: number) => ({ n: 'x'.repeat(chars - 8) });
    const cases: unknown[] = [
      exactly(MAX_DETAILS_JSON_CHARS),
      exactly(MAX_DETAILS_JSON_CHARS + 1),
      { a: nestedArrays(14) },
      { a: nestedArrays(15) },
      { a: nestedArrays(16) },
      JSON.parse('{"__proto__": {"x": 1}}'),
      { a: Infinity },
      { a: NaN },
      [1, 2],
      null,
      { a: new Date(0) },
      { a: [1, { b: 'ç' }] },
    ];
    for (const value of cases) {
      if (fast(value)) expect(reference.safeParse(value)).toMatchObject({ success: true, data: value });
    }
    expect(JSON.stringify(exactly(MAX_DETAILS_JSON_CHARS)).length).toBe(MAX_DETAILS_JSON_CHARS);
    expect(fast(exactly(MAX_DETAILS_JSON_CHARS))).toBe(true);
    expect(reference.safeParse(exactly(MAX_DETAILS_JSON_CHARS + 1)).success).toBe(false);
    expect(fast({ a: nestedArrays(15) })).toBe(true);
    expect(fast({ a: nestedArrays(16) })).toBe(false);
  });
});

describe('stringRule', () => {
  it('reads the limits and pattern of plain string schemas, and refuses schemas with more rules', () => {
    const loId = stringRule(dto.loId);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/)), (s) => {
        expect(loId(s)).toBe(dto.loId.safeParse(s).success);
      }),
      { numRuns: 2_000 },
    );
    expect(() => stringRule(dto.displayName)).toThrow();
    expect(() => stringRule(z.number())).toThrow();
  });
});

const attemptArb = fc.record(
  {
    attemptUid: fc.oneof(fc.uuid(), fc.string(), fc.constant('00000000-0000-0000-0000-000000000000')),
    loId: fc.oneof(fc.constantFrom('MATH_LO_001', 'a.b-c_d'), fc.string({ maxLength: 70 })),
    activityId: fc.oneof(fc.constantFrom('math_001_quiz_a', ' spaced id '), fc.string({ maxLength: 110 })),
    activityType: fc.oneof(fc.constantFrom('quiz', 'game'), fc.string({ maxLength: 40 })),
    attemptTimestamp: fc.oneof(isoLike, fc.constant('2026-03-02T09:00:00.000Z')),
    score: fc.oneof(fc.constant(undefined), fc.constant(null), fc.double({ min: -1, max: 2 }), fc.constantFrom(0, 1, Infinity, NaN), fc.string()),
    completed: fc.oneof(fc.boolean(), fc.constantFrom('yes', 1, null)),
    attemptDetails: fc.oneof(fc.constant(undefined), fc.constant(null), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 })), fc.constantFrom([1], 'x')),
    extra: fc.oneof(fc.constant(undefined), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('the attempt row fast path', () => {
  const slow = z.object(attemptRowSchema.shape);
  it('gives exactly what the zod schema gives, or leaves the row to it', () => {
    fc.assert(
      fc.property(attemptArb, (row) => {
        const fast = attemptRowSchema.safeParse(row);
        const reference = slow.safeParse(row);
        expect(fast.success).toBe(reference.success);
        if (fast.success && reference.success) {
          expect(fast.data).toEqual(reference.data);
          expect(Object.keys(fast.data)).toEqual(Object.keys(reference.data));
        }
        if (!fast.success && !reference.success) expect(fast.error.issues.map((i) => [i.path, i.message])).toEqual(reference.error.issues.map((i) => [i.path, i.message]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('still reports duplicate attempt uids of a learner', () => {
    const row = { attemptUid: '0b7c6f1e-8d2a-4c3b-9f4e-5a6b7c8d9e0f', loId: 'MATH_LO_001', activityId: 'a', activityType: 'quiz', attemptTimestamp: '2026-03-02T09:00:00.000Z', completed: true };
    const records = { preferences: [], interests: [], struggles: [], cognitiveMetrics: [], loProgress: [], badges: [], activityAttempts: [row, row] };
    const result = learnerRecordsSchema.safeParse(records);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/duplicate attempt uid/);
  });
});
