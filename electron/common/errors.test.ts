import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addActivityAttemptInput } from './dto';
import { DalaError, ERROR_CODES, invalidInputFromZod, ipcErrorSchema, isDalaError, issuePath, parseInput } from './errors';

describe('DalaError', () => {
  it('crosses IPC as {code, message, field?} and nothing else', () => {
    const withField = new DalaError('invalid_input', 'score: must be between 0 and 1', 'score');
    expect(withField.toIpcError()).toEqual({ code: 'invalid_input', message: 'score: must be between 0 and 1', field: 'score' });
    const without = new DalaError('storage', 'disk full');
    expect(without.toIpcError()).toEqual({ code: 'storage', message: 'disk full' });
    expect(Object.keys(without.toIpcError())).toEqual(['code', 'message']);
    for (const e of [withField, without]) expect(ipcErrorSchema.parse(e.toIpcError())).toEqual(e.toIpcError());
    expect(isDalaError(without)).toBe(true);
    expect(isDalaError(new Error('plain'))).toBe(false);
    expect(ERROR_CODES).toEqual(['not_found', 'invalid_input', 'conflict', 'storage', 'forbidden', 'rate_limited', 'passphrase_required', 'wrong_passphrase']);
  });
});

describe('parseInput and zod failures', () => {
  const base = { learnerId: 'L1', loId: 'MATH_LO_001', activityId: 'q', activityType: 'quiz', completed: true };

  it('returns the parsed data on success', () => {
    expect(parseInput(addActivityAttemptInput, { ...base, score: 0.5 })).toEqual({ ...base, score: 0.5 });
  });

  it('names the first bad field with a dotted path', () => {
    const schema = z.strictObject({ outer: z.strictObject({ list: z.array(z.number()) }) });
    const error = (() => {
      try {
        parseInput(schema, { outer: { list: [1, 'two'] } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DalaError);
    expect((error as DalaError).code).toBe('invalid_input');
    expect((error as DalaError).field).toBe('outer.list.1');
    expect((error as DalaError).message).toMatch(/^outer\.list\.1: /);
  });

  it('has no field for an error about the whole object (unknown keys)', () => {
    const result = addActivityAttemptInput.safeParse({ ...base, surprise: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      const error = invalidInputFromZod(result.error);
      expect(error.field).toBeUndefined();
      expect(error.message).toContain('surprise');
    }
  });

  it('issuePath joins segments and treats an empty path as none', () => {
    expect(issuePath([])).toBeUndefined();
    expect(issuePath(['a', 0, 'b'])).toBe('a.0.b');
  });
});
