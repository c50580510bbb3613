import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChannelDispatcher, type ChannelDispatcher } from '../channels/dispatch';
import { openDatabase } from '../open';
import { TEST_ADMIN } from '../test-support/accounts';
import { contentHash, useTempDirs } from '../test-support/temp-database';
import { writeRichProfile } from '../test-support/transfer-fixtures';
import { testManager } from '../test-support/channel-caller';
import { windowCaller, type WindowCaller } from '../test-support/window-caller';
import { transferFilesDir } from './transfer-file-store';

/** Files that leave the machine through the channels: written and read in this process, by id, with passphrases. */

const dirs = useTempDirs();
const dispatchers: ChannelDispatcher[] = [];
// Registered after useTempDirs, so it runs first: jobs stop before their databases close.
afterEach(async () => {
  for (const d of dispatchers.splice(0)) await d.close();
});
const PASSPHRASE = 'mango kettle baobab river';
const SCHOOL = 'the school passphrase of Kgosi Primary';

async function machine(): Promise<{ dispatcher: ChannelDispatcher; dataDir: string; hash: () => string; ok: WindowCaller['ok']; call: WindowCaller['call'] }> {
  const database = dirs.track(await openDatabase({ dataDir: dirs.make() }));
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', downloadUrl: (id, key) => `/files/${id}?key=${key}` });
  dispatchers.push(dispatcher);
  const { call, ok } = windowCaller(dispatcher);
  await ok('setUpFirstAdmin', TEST_ADMIN);
  return { dispatcher, dataDir: database.dataDir, hash: () => contentHash(database.sqlite), ok, call };
}

type Machine = Awaited<ReturnType<typeof machine>>;
type FileView = { fileId: string; fileName: string; passphraseProtected: boolean };

/** The other machine gets the file as a user would hand it over: a path on its disk. */
function carry(from: Machine, to: Machine, fileId: string): string {
  const source = from.dispatcher.context.transferFiles.resolve(fileId).path;
  const copy = path.join(dirs.make(), path.basename(from.dispatcher.context.transferFiles.resolve(fileId).fileName));
  fs.copyFileSync(source, copy);
  return to.dispatcher.context.transferFiles.registerIncoming(copy).fileId;
}

describe('protected profile files through the channels', () => {
  it('an export protected with a passphrase is previewed only with it; without it or with a wrong one nothing changes', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    const file = (await lab.ok('exportLearnerProfile', { learnerId: 'thandi', passphrase: PASSPHRASE })) as FileView;
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^Thandi-\d{4}-\d{2}-\d{2}\.dalaprofile$/), passphraseProtected: true });

    const home = await machine();
    const fileId = carry(lab, home, file.fileId);
    const before = home.hash();
    expect(await home.call('previewProfileImport', { fileId })).toMatchObject({ ok: false, error: { code: 'passphrase_required', field: 'passphrase' } });
    expect(await home.call('previewProfileImport', { fileId, passphrase: 'not it' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(home.hash()).toBe(before);
    const preview = (await home.ok('previewProfileImport', { fileId, passphrase: PASSPHRASE })) as { importId: string };
    expect(await home.ok('applyProfileImport', { importId: preview.importId, policy: 'merge' })).toMatchObject({ learners: [{ learnerId: 'thandi', outcome: 'created' }] });
  });

  it('a new passphrase must be long enough, and not given twice', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    expect(await lab.call('exportLearnerProfile', { learnerId: 'thandi', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'passphrase' } });
    expect(await lab.call('exportLearnerProfile', { learnerId: 'thandi', passphrase: PASSPHRASE, useSchoolPassphrase: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not both') } });
    expect(await lab.call('exportLearnerProfile', { learnerId: 'thandi', useSchoolPassphrase: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('No school passphrase is set') } });
    // No file was started for a refused export (the folder is made only for a file that is written).
    const staging = transferFilesDir(lab.dataDir);
    expect(fs.existsSync(staging) ? fs.readdirSync(staging).flatMap((d) => fs.readdirSync(path.join(staging, d))) : []).toEqual([]);
  });

  it('the school passphrase: set by an admin, stored sealed, used when asked for and tried when opening', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    expect(await lab.ok('getTransferPassphraseSetting', {})).toEqual({ schoolPassphraseSet: false });
    expect(await lab.ok('setSchoolTransferPassphrase', { passphrase: SCHOOL })).toEqual({ schoolPassphraseSet: true });
    expect(await lab.ok('getTransferPassphraseSetting', {})).toEqual({ schoolPassphraseSet: true });
    // Nowhere in the data folder in plain text.
    const everything = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everything(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of everything(lab.dataDir)) expect(fs.readFileSync(file).includes(Buffer.from(SCHOOL)), file).toBe(false);

    const file = (await lab.ok('exportLearnerProfile', { learnerId: 'thandi', useSchoolPassphrase: true })) as FileView;
    expect(file.passphraseProtected).toBe(true);
    // Back in on the same machine (the school passphrase is tried without asking) ...
    const again = lab.dispatcher.context.transferFiles.registerIncoming(lab.dispatcher.context.transferFiles.resolve(file.fileId).path);
    expect(await lab.ok('previewProfileImport', { fileId: again.fileId })).toMatchObject({ existingLearners: 1 });
    // ... and on a machine without it, the passphrase is asked for, then works.
    const home = await machine();
    const fileId = carry(lab, home, file.fileId);
    expect(await home.call('previewProfileImport', { fileId })).toMatchObject({ ok: false, error: { code: 'passphrase_required' } });
    expect(await home.ok('previewProfileImport', { fileId, passphrase: SCHOOL })).toMatchObject({ existingLearners: 0 });
    // With a school passphrase set, a file protected with another one still asks (not "wrong").
    await home.ok('setSchoolTransferPassphrase', { passphrase: 'another school entirely here' });
    expect(await home.call('previewProfileImport', { fileId })).toMatchObject({ ok: false, error: { code: 'passphrase_required', message: expect.stringContaining('not the school passphrase') } });
    expect(await lab.ok('setSchoolTransferPassphrase', { passphrase: null })).toEqual({ schoolPassphraseSet: false });
  });

  it('a file changed on disk between the preview and the import is refused, and nothing is written', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    writeRichProfile(testManager(lab.dispatcher.context.database), 'ben', 'Ben');
    const thandi = (await lab.ok('exportLearnerProfile', { learnerId: 'thandi' })) as FileView;
    const ben = (await lab.ok('exportLearnerProfile', { learnerId: 'ben' })) as FileView;
    const home = await machine();
    const fileId = carry(lab, home, thandi.fileId);
    const preview = (await home.ok('previewProfileImport', { fileId })) as { importId: string };
    // Someone saves another learner's file over it while the teacher reads the preview.
    fs.copyFileSync(lab.dispatcher.context.transferFiles.resolve(ben.fileId).path, home.dispatcher.context.transferFiles.resolve(fileId).path);
    const before = home.hash();
    expect(await home.call('applyProfileImport', { importId: preview.importId, policy: 'merge' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed since it was checked') } });
    expect(home.hash()).toBe(before);
  });

  it('saveTransferFile gives the browser host a one-time download address', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    const file = (await lab.ok('exportLearnerProfile', { learnerId: 'thandi' })) as FileView;
    const saved = (await lab.ok('saveTransferFile', { fileId: file.fileId })) as { kind: string; url: string };
    expect(saved).toMatchObject({ kind: 'download', fileName: file.fileName, url: expect.stringMatching(new RegExp(`^/files/${file.fileId}\\?key=[0-9a-f]{48}$`)) });
    const key = new URL(saved.url, 'http://x').searchParams.get('key') as string;
    expect(lab.dispatcher.context.transferFiles.takeDownload(file.fileId, key)?.fileName).toBe(file.fileName);
    expect(lab.dispatcher.context.transferFiles.takeDownload(file.fileId, key)).toBeUndefined();
  });
});

describe('protected backups through the channels', () => {
  it('a gzipped, protected backup is checked and restored into an empty machine only with its passphrase', async () => {
    const lab = await machine();
    writeRichProfile(testManager(lab.dispatcher.context.database), 'thandi', 'Thandi');
    const { jobId } = (await lab.ok('startBackup', { gzip: true, passphrase: PASSPHRASE })) as { jobId: string };
    const done = await lab.dispatcher.context.jobs.finished(jobId);
    if (done.result?.kind !== 'backup') throw new Error(JSON.stringify(done.error));
    expect(done.result.file).toMatchObject({ fileName: expect.stringMatching(/^dala-backup-\d{4}-\d{2}-\d{2}\.json\.age$/), passphraseProtected: true });

    const fresh = await machine();
    const fileId = carry(lab, fresh, done.result.file.fileId);
    const before = fresh.hash();
    expect(await fresh.call('checkBackupFile', { fileId })).toMatchObject({ ok: false, error: { code: 'passphrase_required' } });
    expect(await fresh.call('startRestore', { fileId, passphrase: 'not the passphrase', replace: false, dryRun: false })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(fresh.hash()).toBe(before);
    expect(await fresh.ok('checkBackupFile', { fileId, passphrase: PASSPHRASE })).toMatchObject({ learners: 1 });
    const restore = (await fresh.ok('startRestore', { fileId, passphrase: PASSPHRASE, replace: false, dryRun: false })) as { jobId: string };
    expect(await fresh.dispatcher.context.jobs.finished(restore.jobId)).toMatchObject({ state: 'done', result: { kind: 'restore', report: { learners: [{ learnerId: 'thandi', outcome: 'created' }] } } });
  });
});
