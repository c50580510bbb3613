import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDocumentText, canonicalJson, checksumOfCanonicalDocument, payloadChecksum } from '../database/transfer/canonical-json';

/**
 * The canonical JSON writer takes shortcuts (JSON.stringify for values already in canonical key
 * order, sorted copies for rows) and the checksum can be checked by hashing a file in the canonical
 * layout. Both must give exactly what the plain definition gives: checksums of existing files
 * depend on it.
 */

/** The definition, written plainly (the first version of canonical-json.ts). */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${Array.from(value, (v) => reference(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}
const referenceChecksum = (doc: Record<string, unknown>) => {
  const { checksum: _c, ...payload } = doc;
  return createHash('sha256').update(reference(payload), 'utf8').digest('hex');
};

const keyArb = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '1', '2', '10', '01', '4294967295', '__proto__', 'constructor', 'é', 'Z', 'a', '\u{1f98a}', '\ud800'));
const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -0, 1.5, 1e21, NaN, Infinity, undefined),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 5 }),
    // Objects whose keys are already sorted, as the app's rows and the files it writes are.
    fc.uniqueArray(fc.string({ maxLength: 5 }), { maxLength: 5 }).chain((keys) =>
      fc.tuple(...keys.sort().map(() => tie('value'))).map((values) => Object.fromEntries(keys.sort().map((k, i) => [k, values[i]]))),
    ),
  ),
})).value;

describe('canonicalJson', () => {
  it('is the plain definition for every value', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles integer-like keys, "__proto__" and null prototypes like the definition', () => {
    const cases = [
      { 10: 'a', 2: 'b', 1: 'c', b: 1, a: 2 },
      JSON.parse('{"__proto__": {"x": 1}, "a": [1, {"b": 2, "__proto__": 3}]}'),
      Object.assign(Object.create(null), { z: 1, a: 2 }),
      { attemptUid: 'u', score: 0.5, activityId: 'x', attemptDetails: { time_ms: 1, answers: [1, 'ça'] } },
      [undefined, { a: undefined, b: 1 }],
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(reference(value));
  });

  it('checksums like the definition', () => {
    fc.assert(
      fc.property(fc.dictionary(keyArb, valueArb, { maxKeys: 6 }), (doc) => {
        expect(payloadChecksum(doc)).toBe(referenceChecksum(doc));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('the canonical document layout', () => {
  const payload = { format: 'dala-learner-profile', learner: { id: 'ada', displayName: 'Zoë 🦊' }, records: { b: [1, { y: 2, x: 1 }], a: null } };

  it('is ordinary JSON whose checksum is that of its payload, and hashing the text finds it', () => {
    const { text, checksum } = canonicalDocumentText(payload);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toEqual({ ...payload, checksum: { algorithm: 'sha256', value: checksum } });
    expect(checksum).toBe(referenceChecksum(payload));
    expect(checksumOfCanonicalDocument(text)).toBe(checksum);
    expect(checksumOfCanonicalDocument(`${text}\n`)).toBe(checksum);
  });

  it('says "not sure" for other layouts and a changed text', () => {
    const { text, checksum } = canonicalDocumentText(payload);
    expect(checksumOfCanonicalDocument(JSON.stringify(JSON.parse(text), null, 1))).toBeUndefined();
    expect(checksumOfCanonicalDocument(`${text}\n\n`)).toBeUndefined();
    expect(checksumOfCanonicalDocument(text.replace('ada', 'adb'))).not.toBe(checksum);
    expect(checksumOfCanonicalDocument('{}')).toBeUndefined();
  });

  it('keeps a given checksum as it is (a file is written as it was signed)', () => {
    expect(canonicalDocumentText(payload, 'f'.repeat(64)).text).toContain(`"value":"${'f'.repeat(64)}"`);
  });
});
