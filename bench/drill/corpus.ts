import fs from 'node:fs';
import path from 'node:path';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { invokeChannel } from '../dispatch';
import { openDatabase } from '../../database/open';
import { snapshotsDir } from '../../database/snapshots';
import { payloadChecksum } from '../../database/transfer/canonical-json';
import type { JobStatusView } from '../../electron/common/transfer-views';
import { inspect } from './db-state';
import type { DrillResult } from './report';

/**
 * The malformed-file corpus: bad .dalaprofile files (and a few bad backups), each offered to the
 * real handlers as a file the OS opened (the bytes as they are on disk) or as text. Every one must
 * be refused with a typed invalid_input error, and the database, its snapshots and the undo record
 * must be exactly as before.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed file edited field by field to forge malformed ones
type Doc = Record<string, any>;
const MB = 1_048_576;

/** A copy of `doc` changed by `change` and signed again, so that only the schema can catch it. */
function edited(doc: Doc, change: (d: Doc) => void): string {
  const d = JSON.parse(JSON.stringify(doc)) as Doc;
  change(d);
  const { checksum: _old, ...body } = d;
  return JSON.stringify({ ...body, checksum: { algorithm: 'sha256', value: payloadChecksum(body) } });
}

const nested = (depth: number): unknown => (depth === 0 ? { leaf: true } : { inner: nested(depth - 1) });

function profileCorpus(text: string): Array<{ name: string; bytes: string | Buffer }> {
  const doc = JSON.parse(text) as Doc;
  const e = (change: (d: Doc) => void) => edited(doc, change);
  const attempts = (d: Doc) => d.records.activityAttempts as Doc[];
  return [
    { name: 'cut off at 10 %', bytes: text.slice(0, Math.floor(text.length / 10)) },
    { name: 'cut off at 50 %', bytes: text.slice(0, Math.floor(text.length / 2)) },
    { name: 'cut off one character short', bytes: text.trimEnd().slice(0, -1) },
    { name: 'cut off inside a string', bytes: text.slice(0, text.indexOf('"displayName"') + 18) },
    { name: 'not JSON at all', bytes: 'Dear teacher, here is the profile you asked for.' },
    { name: 'empty file', bytes: Buffer.alloc(0) },
    { name: 'only whitespace', bytes: ' \n\t\n' },
    { name: 'a JSON array', bytes: '[1, 2, 3]' },
    { name: 'a JSON string', bytes: '"dala-learner-profile"' },
    { name: 'JSON null', bytes: 'null' },
    { name: 'a backup instead of a profile', bytes: e((d) => (d.format = 'dala-backup')) },
    { name: 'no format', bytes: e((d) => delete d.format) },
    { name: 'newer format version', bytes: e((d) => (d.formatVersion = 2)) },
    { name: 'format version as text', bytes: e((d) => (d.formatVersion = '1')) },
    { name: 'format version 1.5', bytes: e((d) => (d.formatVersion = 1.5)) },
    { name: 'bad checksum (one score changed after signing)', bytes: text.replace(/"score":0\.(\d)/, (_m, digit: string) => `"score":0.${digit === '9' ? '8' : '9'}`) },
    { name: 'no checksum', bytes: JSON.stringify({ ...doc, checksum: undefined }) },
    { name: 'checksum with md5', bytes: JSON.stringify({ ...doc, checksum: { ...doc.checksum, algorithm: 'md5' } }) },
    { name: 'checksum not hex', bytes: JSON.stringify({ ...doc, checksum: { ...doc.checksum, value: 'z'.repeat(64) } }) },
    { name: 'score as text', bytes: e((d) => (attempts(d)[0]!.score = '0.5')) },
    { name: 'completed is "yes"', bytes: e((d) => (attempts(d)[0]!.completed = 'yes')) },
    { name: 'attempts not an array', bytes: e((d) => (d.records.activityAttempts = { 0: attempts(d)[0] })) },
    { name: 'learner is null', bytes: e((d) => (d.learner = null)) },
    { name: 'no records', bytes: e((d) => delete d.records) },
    { name: 'counts do not match the rows', bytes: e((d) => (d.counts.activityAttempts += 1)) },
    { name: 'score 1.5', bytes: e((d) => (attempts(d)[0]!.score = 1.5)) },
    { name: 'negative score', bytes: e((d) => (attempts(d)[0]!.score = -0.1)) },
    { name: 'infinite score (1e999)', bytes: e((d) => (attempts(d)[0]!.score = 7777)).replace('7777', '1e999') },
    { name: '30 February', bytes: e((d) => (attempts(d)[0]!.attemptTimestamp = '2026-02-30T09:00:00.000Z')) },
    { name: 'hour 25', bytes: e((d) => (attempts(d)[0]!.attemptTimestamp = '2026-03-02T25:00:00.000Z')) },
    { name: 'local time without Z', bytes: e((d) => (attempts(d)[0]!.attemptTimestamp = '2026-03-02 09:00')) },
    { name: 'completed before it started', bytes: e((d) => ((d.records.loProgress as Doc[])[0]!.completedAt = '2000-01-01T00:00:00.000Z')) },
    { name: 'duplicate attempt uids', bytes: e((d) => (attempts(d)[1]!.attemptUid = attempts(d)[0]!.attemptUid)) },
    { name: 'duplicate interests', bytes: e((d) => ((d.records.interests as Doc[])[1]!.interestName = (d.records.interests as Doc[])[0]!.interestName)) },
    { name: 'attempt uid not a UUID', bytes: e((d) => (attempts(d)[0]!.attemptUid = 'not-a-uuid')) },
    { name: 'learner id with spaces', bytes: e((d) => (d.learner.id = 'amara b')) },
    { name: 'display name of 101 characters', bytes: e((d) => (d.learner.displayName = 'x'.repeat(101))) },
    { name: 'control character in the name', bytes: e((d) => (d.learner.displayName = 'Ada\u0007')) },
    { name: 'a 1 MB string in the details', bytes: e((d) => (attempts(d)[0]!.attemptDetails = { note: 'x'.repeat(MB) })) },
    { name: 'details nested 50 levels', bytes: e((d) => (attempts(d)[0]!.attemptDetails = nested(50))) },
    { name: '100,000 nested arrays', bytes: `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    { name: 'a file over 32 MB', bytes: Buffer.alloc(33 * MB, 0x20) },
    { name: 'UTF-8 byte-order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) },
    { name: 'UTF-16 LE', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
    { name: 'UTF-16 BE', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) },
    { name: 'invalid UTF-8 (0xC3 0x28)', bytes: Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(40))]) },
    { name: 'Latin-1 text', bytes: Buffer.from(e((d) => (d.learner.displayName = 'Zoë Müller')), 'latin1') },
    { name: 'NUL bytes', bytes: Buffer.alloc(4_096) },
  ];
}

function backupCorpus(text: string): Array<{ name: string; content: string }> {
  const doc = JSON.parse(text) as Doc;
  const e = (change: (d: Doc) => void) => edited(doc, change);
  return [
    { name: 'backup cut off', content: text.slice(0, Math.floor(text.length * 0.7)) },
    { name: 'backup with a bad checksum', content: text.replace('"completed":true', '"completed":false') },
    { name: 'backup naming a learner twice', content: e((d) => d.learners.push(d.learners[0])) },
    { name: 'backup where two learners share an attempt uid', content: e((d) => (d.learners[1].records.activityAttempts[0].attemptUid = d.learners[0].records.activityAttempts[0].attemptUid)) },
    { name: 'backup from a newer app', content: e((d) => (d.formatVersion = 2)) },
    { name: 'backup with wrong metadata counts', content: e((d) => (d.metadata.learners += 1)) },
  ];
}

/** `profile` and `backup` are valid files (as the app writes them) that the corpus breaks. */
export async function corpusDrill(dataDir: string, profile: string, backup: string, scratch: string): Promise<DrillResult> {
  const files = profileCorpus(profile).map((c, i) => ({ ...c, file: path.join(scratch, `bad-${String(i).padStart(2, '0')}.dalaprofile`) }));
  for (const f of files) fs.writeFileSync(f.file, f.bytes);
  const byId = new Map(files.map((f, i) => [`file-${i}`, f.file]));

  const database = await openDatabase({ dataDir });
  const handlers = createChannelDispatcher(database, { appVersion: 'drill', shell: 'browser', resolveProfileFile: (id) => byId.get(id) });
  const losses: string[] = [];
  const snapshotsBefore = fs.existsSync(snapshotsDir(dataDir)) ? fs.readdirSync(snapshotsDir(dataDir)).length : 0;
  const hashBefore = inspect(dataDir).hash;
  let tried = 0;
  const refusedWith = (name: string, answer: { ok: boolean; error?: { code: string; message: string } }) => {
    if (answer.ok) losses.push(`${name}: accepted`);
    else if (answer.error?.code !== 'invalid_input') losses.push(`${name}: refused with ${answer.error?.code}, expected invalid_input (${answer.error?.message})`);
  };
  try {
    for (const [i, f] of files.entries()) {
      tried++;
      refusedWith(`${f.name} (opened by the OS)`, (await invokeChannel(handlers, 'previewProfileImport', { fileId: `file-${i}` })) as never);
      tried++;
      // The same file chosen in a dialog or uploaded: an id of the transfer file store.
      const chosen = handlers.context.transferFiles.registerIncoming(f.file);
      refusedWith(`${f.name} (chosen)`, (await invokeChannel(handlers, 'previewProfileImport', { fileId: chosen.fileId })) as never);
    }
    for (const [i, b] of backupCorpus(backup).entries()) {
      const file = path.join(scratch, `bad-backup-${String(i).padStart(2, '0')}.json`);
      fs.writeFileSync(file, b.content);
      const { fileId } = handlers.context.transferFiles.registerIncoming(file);
      tried++;
      refusedWith(`${b.name} (checkBackupFile)`, (await invokeChannel(handlers, 'checkBackupFile', { fileId })) as never);
      tried++;
      const started = await invokeChannel(handlers, 'startRestore', { fileId, replace: true, dryRun: false });
      if (!started.ok) refusedWith(`${b.name} (startRestore)`, started as never);
      else {
        let view: JobStatusView | undefined;
        for (let n = 0; n < 1_500 && (!view || view.state === 'running'); n++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const status = await invokeChannel(handlers, 'getJobStatus', { jobId: (started.value as { jobId: string }).jobId });
          if (status.ok) view = status.value as JobStatusView;
        }
        if (view?.state !== 'failed' || view.error?.code !== 'invalid_input') losses.push(`${b.name} (startRestore): the job ended ${view?.state} ${view?.error?.code ?? ''}`);
      }
    }
  } finally {
    await handlers.close();
    database.close();
  }
  const after = inspect(dataDir);
  if (after.hash !== hashBefore) losses.push('the database changed');
  if (after.integrity !== 'ok') losses.push(`integrity_check: ${after.integrity}`);
  const snapshotsAfter = fs.existsSync(snapshotsDir(dataDir)) ? fs.readdirSync(snapshotsDir(dataDir)).length : 0;
  if (snapshotsAfter !== snapshotsBefore) losses.push(`${snapshotsAfter - snapshotsBefore} snapshot(s) were left behind`);
  if (fs.existsSync(path.join(dataDir, 'last-import.json'))) losses.push('an undo record was written');
  return {
    name: `malformed-file corpus (${files.length} bad profiles, ${backupCorpus(backup).length} bad backups)`,
    tried,
    losses,
    detail: 'each refused with a typed invalid_input error; tables, snapshots and undo record unchanged',
  };
}
