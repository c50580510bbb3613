import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DalaError } from '../../../electron/common/errors';
import { APP_VERSION_FOR_TESTS, resign, transferArb } from '../../test-support/transfer-fixtures';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileContent, parseBackupFile, sumCounts, type BackupV1 } from '../backup-file';
import { canonicalDocumentText } from '../canonical-json';
import type { LearnerTransfer } from '../profile-file';
import { readBackupStream } from './read-backup';

/**
 * The streamed reader accepts and refuses exactly what the whole-file reader does: for valid
 * backups in every layout, for a corpus of damaged ones, and for generated files cut into random
 * chunks (so every boundary falls inside a string, an escape, a number or a key somewhere).
 */

const NOW = '2026-03-09T12:00:00.000Z';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents edited field by field to forge damaged ones
type Doc = Record<string, any>;

/** Attempt uids are global: each learner's get their own (the generators reuse a few). */
function ownAttempts(t: LearnerTransfer, learner: number): LearnerTransfer {
  const uid = (i: number) => `${learner.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return { ...t, records: { ...t.records, activityAttempts: t.records.activityAttempts.map((a, i) => ({ ...a, attemptUid: uid(i) })) } };
}

function backupOf(transfers: LearnerTransfer[]): Doc {
  const unique = [...new Map(transfers.map((t) => [t.learner.id, t])).values()].map(ownAttempts);
  const body = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: APP_VERSION_FOR_TESTS,
    createdAt: NOW,
    filters: {},
    metadata: { learners: unique.length, counts: sumCounts(unique) },
    learners: unique,
  };
  return JSON.parse(canonicalDocumentText(body).text) as Doc;
}

/** The text cut into pieces at the given sizes (cycled), as bytes, to feed the streamed reader. */
function chunked(text: string | Uint8Array, sizes: number[]): () => Promise<AsyncIterable<Uint8Array>> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : Buffer.from(text);
  return async () =>
    (async function* () {
      let at = 0;
      for (let i = 0; at < bytes.length; i++) {
        const size = sizes[i % sizes.length] ?? 1;
        yield bytes.subarray(at, at + size);
        at += size;
      }
    })();
}

type Verdict = { ok: true; learners: number } | { ok: false; code: string };
function wholeVerdict(text: string | Uint8Array): Verdict {
  try {
    return { ok: true, learners: parseBackupFile(text).learners.length };
  } catch (error) {
    if (error instanceof DalaError) return { ok: false, code: error.code };
    throw error;
  }
}
async function streamedVerdict(text: string | Uint8Array, sizes: number[]): Promise<Verdict> {
  try {
    const read = await readBackupStream(chunked(text, sizes));
    return { ok: true, learners: read.learnerIds.length };
  } catch (error) {
    if (error instanceof DalaError) return { ok: false, code: error.code };
    throw error;
  }
}

const sample = (): Doc =>
  backupOf(fc.sample(transferArb, { numRuns: 3, seed: 7 }).map((t, i) => ({ ...t, learner: { ...t.learner, id: `learner-${i}` } })));
const text = (d: Doc) => JSON.stringify(d);
const edited = (change: (d: Doc) => void) => {
  const d = sample();
  change(d);
  return text(resign(d));
};
const checksumLast = (d: Doc) => {
  const { checksum, ...rest } = d;
  const body = JSON.stringify(JSON.parse(canonicalDocumentText(rest).text.replace(/^\{"checksum":\{[^}]*\},/, '{')));
  return `${body.slice(0, -1)},"checksum":${JSON.stringify(checksum)}}\n`;
};

const CORPUS: Array<{ name: string; bytes: () => string | Uint8Array }> = [
  { name: 'a valid backup in the checksum-first layout', bytes: () => `${backupFileContent(sample() as BackupV1)}\n` },
  { name: 'a valid backup with the checksum last', bytes: () => checksumLast(sample()) },
  { name: 'a valid backup, pretty-printed', bytes: () => JSON.stringify(sample(), null, 2) },
  { name: 'keys in another order', bytes: () => { const { learners, ...rest } = sample(); return JSON.stringify({ learners, ...rest }); } },
  { name: 'an empty backup', bytes: () => text(backupOf([])) },
  { name: 'empty file', bytes: () => new Uint8Array(0) },
  { name: 'only whitespace', bytes: () => '   \n ' },
  { name: 'a JSON array', bytes: () => '[1,2]' },
  { name: 'a number', bytes: () => '42' },
  { name: 'an empty object', bytes: () => '{}' },
  { name: 'truncated', bytes: () => text(sample()).slice(0, 300) },
  { name: 'truncated inside a learner', bytes: () => text(sample()).slice(0, text(sample()).indexOf('"learners"') + 40) },
  { name: 'trailing garbage', bytes: () => `${text(sample())} x` },
  { name: 'a stray comma between learners', bytes: () => text(sample()).replace('},{"learner"', '},,{"learner"') },
  { name: 'a missing comma between members', bytes: () => text(sample()).replace(',"format"', '"format"') },
  { name: 'a trailing comma in the object', bytes: () => `${text(sample()).slice(0, -1)},}` },
  { name: 'a key without quotes', bytes: () => text(sample()).replace('"format"', 'format') },
  { name: 'bad checksum', bytes: () => { const d = sample(); d.appVersion = 'forged'; return text(d); } },
  { name: 'checksum missing', bytes: () => text({ ...sample(), checksum: undefined }) },
  { name: 'learners missing', bytes: () => edited((d) => delete d.learners) },
  { name: 'learners is null', bytes: () => edited((d) => (d.learners = null)) },
  { name: 'learners is an object', bytes: () => edited((d) => (d.learners = {})) },
  { name: 'wrong format', bytes: () => edited((d) => (d.format = 'dala-learner-profile')) },
  { name: 'newer format version', bytes: () => edited((d) => (d.formatVersion = 2)) },
  { name: 'metadata counts wrong', bytes: () => edited((d) => (d.metadata.learners += 1)) },
  { name: 'attempt counts wrong', bytes: () => edited((d) => (d.metadata.counts.activityAttempts += 1)) },
  { name: 'a learner with a bad id', bytes: () => edited((d) => (d.learners[1].learner.id = 'no spaces allowed')) },
  { name: 'a duplicate learner', bytes: () => edited((d) => d.learners.push(d.learners[0]) && (d.metadata.learners += 1)) },
  {
    name: 'an attempt uid held by two learners',
    bytes: () =>
      edited((d) => {
        const a = d.learners.find((l: Doc) => l.records.activityAttempts.length > 0);
        const other = d.learners.find((l: Doc) => l !== a);
        other.records.activityAttempts.push({ ...a.records.activityAttempts[0] });
        d.metadata.counts.activityAttempts += 1;
      }),
  },
  { name: 'learners twice, the last one valid', bytes: () => { const d = sample(); const t = text(d); return t.replace('"learners":', '"learners":[{"junk":true}],"learners":'); } },
  { name: 'learners twice, the last one invalid', bytes: () => { const d = sample(); return `${text(d).slice(0, -1)},"learners":[{"junk":true}]}`; } },
  { name: 'a __proto__ member', bytes: () => text(sample()).replace('{"appVersion"', '{"__proto__":{"x":1},"appVersion"') },
  { name: 'nested 70 levels in a learner', bytes: () => edited((d) => (d.learners[0].records.deep = JSON.parse(`${'['.repeat(70)}${']'.repeat(70)}`))) },
  { name: 'byte-order mark', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(sample()))]) },
  { name: 'UTF-16', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(sample()), 'utf16le')]) },
  { name: 'invalid UTF-8', bytes: () => Buffer.concat([Buffer.from(text(sample()).slice(0, 50)), Buffer.from([0xc3, 0x28]), Buffer.from(text(sample()).slice(50))]) },
  { name: 'escaped quotes and backslashes in names', bytes: () => edited((d) => (d.learners[0].learner.displayName = 'A \\"quoted\\" \\\\ name')) },
  { name: 'a control character inside a string', bytes: () => text(sample()).replace('"learner-0"', '"learner\u0001-0"') },
];

describe('readBackupStream against parseBackupFile', () => {
  for (const { name, bytes } of CORPUS) {
    it(`${name}: the same verdict whole and in chunks of 1, 7 and 4096 bytes`, async () => {
      const input = bytes();
      const expected = wholeVerdict(input);
      // The corpus means what its names say: valid ones are valid, the rest are refused.
      expect(expected.ok, name).toBe(/^(a valid|keys in another|an empty backup|escaped quotes|a __proto__|learners twice, the last one valid)/.test(name));
      for (const sizes of [[1], [7, 3], [4096]]) expect(await streamedVerdict(input, sizes), `chunks ${sizes.join(',')}`).toEqual(expected);
    });
  }

  it('generated backups, damaged or not, cut at random places', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(transferArb, { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.tuple(fc.nat(), fc.constantFrom('cut', 'flip', 'insert')), { nil: undefined }),
        fc.constantFrom('first', 'last', 'pretty'),
        async (transfers, sizes, damage, layout) => {
          const d = backupOf(transfers);
          let t = layout === 'first' ? text(d) : layout === 'last' ? checksumLast(d) : JSON.stringify(d, null, 1);
          if (damage) {
            const at = damage[0] % t.length;
            t = damage[1] === 'cut' ? t.slice(0, at) : damage[1] === 'flip' ? `${t.slice(0, at)}${t[at] === '1' ? '2' : '1'}${t.slice(at + 1)}` : `${t.slice(0, at)},${t.slice(at)}`;
          }
          const whole = wholeVerdict(t);
          if (!damage) expect(whole.ok).toBe(true);
          expect(await streamedVerdict(t, sizes)).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });
});
