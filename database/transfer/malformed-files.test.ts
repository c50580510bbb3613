import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DalaError } from '../../electron/common/errors';
import { openDatabase, type OpenedDatabase } from '../open';
import { testManager } from '../test-support/channel-caller';
import { APP_VERSION_FOR_TESTS, ATTEMPT_UIDS, lastImportExists, normalizeRecords, resign, sampleTransfer, transferJson, withRawSqlite, writeTextFile } from '../test-support/transfer-fixtures';
import { contentHash, openManager, runDala, useTempDirs } from '../test-support/temp-database';
import { canonicalJson } from './canonical-json';
import { buildProfileDocument, parseProfileFile } from './profile-file';
import { importTransfers } from './profile-import';

/**
 * The malformed corpus: every file is refused by parseProfileFile with its own clear, one-line
 * message (asserted by a substring each, and all messages distinct), and an import of it leaves
 * the database exactly as it was.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed file edited field by field to forge malformed ones
type Doc = Record<string, any>;
const baseDoc = (): Doc => JSON.parse(JSON.stringify(buildProfileDocument(sampleTransfer(), APP_VERSION_FOR_TESTS, '2026-03-05T10:00:00.000Z'))) as Doc;
/** A valid document changed by `change` and signed again, so the schema (not the checksum) must catch it. */
const edited = (change: (d: Doc) => void): string => {
  const d = baseDoc();
  change(d);
  return JSON.stringify(resign(d));
};
const pretty = () => JSON.stringify(baseDoc(), null, 1);
const nested = (depth: number): Doc => (depth === 0 ? { leaf: true } : { inner: nested(depth - 1) });
const MB = 1_048_576;

export const MALFORMED: Array<{ name: string; bytes: () => string | Uint8Array; says: string }> = [
  { name: 'truncated JSON (cut inside a string)', bytes: () => pretty().slice(0, pretty().indexOf('Amara') + 3), says: 'is cut off (truncated)' },
  { name: 'not JSON at all', bytes: () => 'Dear teacher, here is Amara’s profile.', says: 'is not valid JSON' },
  { name: 'empty file', bytes: () => new Uint8Array(0), says: 'The profile file is empty.' },
  { name: 'a JSON array', bytes: () => '[1, 2, 3]', says: 'does not hold a DALA document (expected a JSON object)' },
  { name: 'a backup file instead of a profile', bytes: () => edited((d) => (d.format = 'dala-backup')), says: 'format is "dala-backup", expected "dala-learner-profile"' },
  { name: 'missing format', bytes: () => edited((d) => delete d.format), says: 'format is null' },
  { name: 'newer format version', bytes: () => edited((d) => (d.formatVersion = 2)), says: 'made by a newer version of DALA (format version 2); this app reads version 1. Update the app' },
  { name: 'format version is not a number', bytes: () => edited((d) => (d.formatVersion = '1')), says: 'has no valid format version. (at formatVersion)' },
  { name: 'format version 0', bytes: () => edited((d) => (d.formatVersion = 0)), says: '(at formatVersion)' },
  { name: 'bad checksum (one value changed, JSON still valid)', bytes: () => JSON.stringify({ ...baseDoc(), records: { ...baseDoc().records, activityAttempts: baseDoc().records.activityAttempts.map((a: Doc, i: number) => (i === 0 ? { ...a, score: 0.6 } : a)) } }), says: 'was changed or damaged after it was made (its checksum does not match). (at checksum.value)' },
  { name: 'checksum missing', bytes: () => JSON.stringify({ ...baseDoc(), checksum: undefined }), says: 'expected object, received undefined (at checksum)' },
  { name: 'checksum with another algorithm', bytes: () => JSON.stringify({ ...baseDoc(), checksum: { ...baseDoc().checksum, algorithm: 'md5' } }), says: '(at checksum.algorithm)' },
  { name: 'counts not matching the rows', bytes: () => edited((d) => (d.counts.activityAttempts = 3)), says: 'says it has 3 activityAttempts but holds 2. (at counts.activityAttempts)' },
  { name: 'counts missing', bytes: () => edited((d) => delete d.counts), says: '(at counts)' },
  { name: 'records missing', bytes: () => edited((d) => delete d.records), says: '(at records)' },
  { name: 'score as a string', bytes: () => edited((d) => (d.records.activityAttempts[0].score = '0.5')), says: 'expected number, received string (at records.activityAttempts[0].score)' },
  { name: 'completed is "yes"', bytes: () => edited((d) => (d.records.activityAttempts[0].completed = 'yes')), says: 'expected boolean, received string (at records.activityAttempts[0].completed)' },
  { name: 'score 1.5', bytes: () => edited((d) => (d.records.activityAttempts[1].score = 1.5)), says: 'must be between 0 and 1 (at records.activityAttempts[1].score)' },
  { name: 'negative progress score', bytes: () => edited((d) => (d.records.loProgress[0].score = -0.1)), says: 'must be between 0 and 1 (at records.loProgress[0].score)' },
  { name: 'status "done"', bytes: () => edited((d) => (d.records.loProgress[0].status = 'done')), says: '(at records.loProgress[0].status)' },
  { name: 'completedAt before startedAt', bytes: () => edited((d) => (d.records.loProgress[0].completedAt = '2026-03-01T08:00:00.000Z')), says: 'completedAt must not be before startedAt (at records.loProgress[0].completedAt)' },
  { name: 'completed without completedAt', bytes: () => edited((d) => (d.records.loProgress[0].completedAt = null)), says: 'completedAt must be set exactly when status is completed' },
  { name: 'timestamp in another format', bytes: () => edited((d) => (d.records.interests[0].timestamp = '2026-03-01 09:00')), says: 'must be a UTC time like 2026-01-31T09:30:00.000Z (at records.interests[0].timestamp)' },
  { name: 'impossible date (30 February)', bytes: () => edited((d) => (d.records.badges[0].earnedDate = '2026-02-30T09:00:00.000Z')), says: 'is not a real date and time (at records.badges[0].earnedDate)' },
  { name: 'missing learner', bytes: () => edited((d) => delete d.learner), says: 'expected object, received undefined (at learner)' },
  { name: 'learner id with spaces', bytes: () => edited((d) => (d.learner.id = 'amara b')), says: 'may contain only letters, digits, - and _ (at learner.id)' },
  { name: 'empty display name', bytes: () => edited((d) => (d.learner.displayName = '   ')), says: 'must not be empty (at learner.displayName)' },
  { name: 'display name of 101 characters', bytes: () => edited((d) => (d.learner.displayName = 'x'.repeat(101))), says: 'must be at most 100 characters (at learner.displayName)' },
  { name: 'a 1 MB string value', bytes: () => edited((d) => (d.records.activityAttempts[1].attemptDetails = { note: 'x'.repeat(MB) })), says: 'must be at most 20000 characters as JSON (at records.activityAttempts[1].attemptDetails)' },
  { name: 'duplicate attempt uids', bytes: () => edited((d) => (d.records.activityAttempts[1].attemptUid = ATTEMPT_UIDS[1])), says: `duplicate attempt uid "${ATTEMPT_UIDS[1]}" (also at index 0) (at records.activityAttempts[1])` },
  { name: 'duplicate interests', bytes: () => edited((d) => (d.records.interests[1].interestName = 'Space')), says: 'duplicate interest "Space" (also at index 0)' },
  { name: 'invalid attempt uuid', bytes: () => edited((d) => (d.records.activityAttempts[0].attemptUid = 'not-a-uuid')), says: 'must be a UUID (at records.activityAttempts[0].attemptUid)' },
  { name: 'details nested 50 levels deep', bytes: () => edited((d) => (d.records.loProgress[0].details = nested(50))), says: 'must not be nested more than 16 levels deep (at records.loProgress[0].details)' },
  { name: '100000 nested arrays inside the details', bytes: () => edited((d) => (d.records.activityAttempts[0].attemptDetails = { deep: 0 })).replace('{"deep":0}', `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), says: 'nested too deeply' },
  { name: 'a file over 32 MB', bytes: () => Buffer.alloc(33 * MB, 0x20), says: 'is too large (33.0 MB; at most 32 MB)' },
  { name: 'UTF-8 byte-order mark', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(baseDoc()))]), says: 'starts with a byte-order mark' },
  { name: 'UTF-16 LE text', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(baseDoc()), 'utf16le')]), says: 'is UTF-16 text, not UTF-8' },
  { name: 'invalid UTF-8 bytes (0xC3 0x28)', bytes: () => Buffer.from(Buffer.from(JSON.stringify(baseDoc())).toString('latin1').replace('Amara', 'Am\u00c3(ra'), 'latin1'), says: 'is not UTF-8 text' },
  { name: 'a stray comma in a pretty-printed export', bytes: () => pretty().replace('"interests": [', '"interests": [ ,'), says: 'is not valid JSON: Unexpected token' },
  { name: 'learner last updated before created', bytes: () => edited((d) => (d.learner.lastUpdatedAt = '2025-12-31T23:59:59.999Z')), says: '(at learner.lastUpdatedAt)' },
];

function messageOf(bytes: string | Uint8Array): string {
  try {
    parseProfileFile(bytes);
  } catch (error) {
    if (error instanceof DalaError) return `${error.code}: ${error.message}`;
    return `not a DalaError: ${String(error)}`;
  }
  return 'accepted';
}

const dirs = useTempDirs();

describe('the malformed profile corpus', () => {
  it('has at least 30 files', () => expect(MALFORMED.length).toBeGreaterThanOrEqual(30));

  it.each(MALFORMED.map((c) => [c.name, c] as const))('refuses %s with its own one-line message and writes nothing', async (_name, c) => {
    const bytes = c.bytes();
    const message = messageOf(bytes);
    expect(message.startsWith('invalid_input: ')).toBe(true);
    expect(message).toContain(c.says);
    expect(message).not.toMatch(/[\r\n]/);
    expect(message.length).toBeLessThan(300);
    // The import path (parse, then import) refuses it before anything is written.
    const { database } = await openManager(dirs);
    const hash = contentHash(database.sqlite);
    await expect(importBytes(database, bytes)).rejects.toBeInstanceOf(DalaError);
    expect(contentHash(database.sqlite)).toBe(hash);
  });

  it('gives every malformed file a different message', () => {
    const messages = MALFORMED.map((c) => messageOf(c.bytes()));
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('reports a file cut off anywhere as cut off (truncated), not as some other JSON error', () => {
    const text = pretty();
    const cuts = [text.indexOf('"formatVersion": 1') + '"formatVersion": 1'.length, text.indexOf('"score": 0.9') + '"score": 0.9'.length, text.indexOf('"steps": [') + '"steps": ['.length + 2, text.length - 3];
    for (const at of cuts) expect(messageOf(text.slice(0, at)), `cut at ${at}: ${JSON.stringify(text.slice(at - 20, at))}`).toContain('is cut off (truncated)');
  });
});

describe('forward compatibility and what the checksum covers', () => {
  it('accepts unknown fields from a newer app (top level and in a row) and ignores them', async () => {
    const d = baseDoc();
    d.syncHints = { device: 'lab-2', nested: [1, 2] };
    d.records.activityAttempts[0].mood = 'happy';
    const file = parseProfileFile(JSON.stringify(resign(d)));
    expect(file.records.activityAttempts[0]).not.toHaveProperty('mood');
    const fresh = (await openManager(dirs)).database;
    await importBytes(fresh, JSON.stringify(resign(d)));
    const t = sampleTransfer();
    expect(transferJson(fresh.sqlite, t.learner.id)).toBe(canonicalJson({ learner: t.learner, records: normalizeRecords(t.records) }));
  });

  it('details nested exactly 16 levels deep are accepted, 17 are not', () => {
    const withDetails = (depth: number) => edited((d) => (d.records.loProgress[0].details = nested(depth - 1)));
    expect(messageOf(withDetails(16))).toBe('accepted');
    expect(messageOf(withDetails(17))).toContain('must not be nested more than 16 levels deep');
  });

  it('the checksum covers the raw payload: an unknown field added after signing is refused', () => {
    const d = baseDoc();
    d.addedLater = true;
    expect(messageOf(JSON.stringify(d))).toContain('checksum does not match');
  });

  it('key order and formatting do not matter (canonical form)', () => {
    const d = baseDoc();
    expect(messageOf(canonicalJson(d))).toBe('accepted');
    expect(messageOf(JSON.stringify(d, null, 4))).toBe('accepted');
    expect(messageOf(Buffer.from(`\n${JSON.stringify(d)}\n\n`))).toBe('accepted');
  });
});

describe('dala import refuses a handful of them (spawned CLI)', () => {
  const picked = ['truncated JSON (cut inside a string)', 'newer format version', 'bad checksum (one value changed, JSON still valid)', 'score 1.5', 'UTF-8 byte-order mark', 'a stray comma in a pretty-printed export'];
  it.each(picked)('%s: exit 1, one line on stderr naming the problem, database unchanged', async (name) => {
    const c = MALFORMED.find((m) => m.name === name);
    if (!c) throw new Error(`no case ${name}`);
    const dataDir = dirs.make();
    const database = await openDatabase({ dataDir });
    testManager(database).createLearnerProfile({ id: 'already-here', displayName: 'Ben' });
    database.close();
    const hash = withRawSqlite(dataDir, contentHash);
    const file = writeTextFile(dirs.make(), 'amara.dalaprofile', c.bytes());
    const result = runDala(['--data-dir', dataDir, 'import', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dala: The profile file /);
    expect(lines[0]).toContain(c.says);
    expect(withRawSqlite(dataDir, contentHash)).toBe(hash);
    expect(lastImportExists(dataDir)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'snapshots'))).toBe(false);
  });
});

function importBytes(database: OpenedDatabase, bytes: string | Uint8Array) {
  return (async () => importTransfers(database, [parseProfileFile(bytes)], { policy: 'merge', dryRun: false, source: 'bad.dalaprofile' }))();
}
