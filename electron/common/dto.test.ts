import { describe, expect, it } from 'vitest';
import { addActivityAttemptInput, createLearnerProfileInput, displayName, isoTimestamp, jsonObject, learnerId, score } from './dto';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('DTO building blocks', () => {
  it('isoTimestamp takes only real UTC times with milliseconds', () => {
    expect(ok(isoTimestamp, '2026-03-02T09:30:00.000Z')).toBe(true);
    expect(ok(isoTimestamp, '2024-02-29T00:00:00.000Z')).toBe(true);
    for (const bad of ['2026-03-02T09:30:00Z', '2026-03-02T09:30:00.000+01:00', '2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-03-02 09:30:00.000Z']) {
      expect(ok(isoTimestamp, bad), bad).toBe(false);
    }
  });

  it('score is a finite number in 0..1', () => {
    for (const good of [0, 0.5, 1]) expect(ok(score, good)).toBe(true);
    for (const bad of [-0.001, 1.0001, Number.NaN, Number.POSITIVE_INFINITY, '0.5']) expect(ok(score, bad), String(bad)).toBe(false);
  });

  it('learnerId and displayName', () => {
    expect(ok(learnerId, 'abc_DEF-123')).toBe(true);
    for (const bad of ['', 'a b', 'ä', 'x'.repeat(65), "o'brien"]) expect(ok(learnerId, bad), bad).toBe(false);
    expect(displayName.parse("  Zoë O'Brien  ")).toBe("Zoë O'Brien");
    for (const bad of ['', '  ', 'x'.repeat(101), 'a\u0000b', 'a\u007fb']) expect(ok(displayName, bad), JSON.stringify(bad)).toBe(false);
  });

  it('jsonObject takes an object of JSON values up to 20 000 characters', () => {
    expect(ok(jsonObject, { a: [1, 'two', null, { b: true }] })).toBe(true);
    for (const bad of [[1], 'text', null, { f: () => 1 }, { big: 'x'.repeat(20_000) }]) expect(ok(jsonObject, bad)).toBe(false);
  });
});

describe('strict input objects', () => {
  it('reject unknown keys', () => {
    expect(ok(createLearnerProfileInput, { displayName: 'Ada', nickname: 'A' })).toBe(false);
    expect(ok(addActivityAttemptInput, { learnerId: 'L1', loId: 'L', activityId: 'a', activityType: 'quiz', completed: true, timestamp: 'x' })).toBe(false);
  });

  it('an attempt needs completed and takes an optional UUID', () => {
    const base = { learnerId: 'L1', loId: 'MATH_LO_001', activityId: 'a', activityType: 'quiz' };
    expect(ok(addActivityAttemptInput, base)).toBe(false);
    expect(ok(addActivityAttemptInput, { ...base, completed: false, attemptUid: '6f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c' })).toBe(true);
    expect(ok(addActivityAttemptInput, { ...base, completed: false, attemptUid: 'not-a-uuid' })).toBe(false);
  });
});

describe('jsonObject depth', () => {
  it('accepts details as deep as a profile file allows and refuses deeper ones', async () => {
    const { jsonObject, MAX_JSON_DEPTH } = await import('./dto');
    const nest = (levels: number): Record<string, unknown> => {
      let value: Record<string, unknown> = {};
      for (let i = 1; i < levels; i++) value = { a: value };
      return value;
    };
    expect(jsonObject.safeParse(nest(MAX_JSON_DEPTH)).success).toBe(true);
    expect(jsonObject.safeParse(nest(MAX_JSON_DEPTH + 1)).success).toBe(false);
  });
});
