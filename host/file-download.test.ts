import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupCheckView, JobStatusView, SavedTransferFileView, TransferFileView } from '../electron/common/transfer-views';
import { contentDisposition } from './file-download';
import type { BrowserHost } from './server';
import { binaryRequest, download, ok, upload } from './test-support/file-requests';
import { unlockAsFirstAdmin, useTempHosts } from './test-support/host-fixture';

const hosts = useTempHosts();
const PASSPHRASE = 'four words for the stick';
const learnerCount = (host: BrowserHost): number => (host.database.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get() as { n: number }).n;

async function finishedJob(host: BrowserHost, jobId: string): Promise<JobStatusView> {
  for (let i = 0; i < 500; i++) {
    const status = await ok<JobStatusView>(host, 'getJobStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** saveTransferFile in the browser host: a same-origin download address. */
async function downloadAddress(host: BrowserHost, fileId: string): Promise<{ url: string; fileName: string }> {
  const saved = await ok<SavedTransferFileView>(host, 'saveTransferFile', { fileId });
  if (saved.kind !== 'download') throw new Error(`not a download: ${saved.kind}`);
  return saved;
}

async function exportedProfile(host: BrowserHost, displayName: string): Promise<TransferFileView> {
  await unlockAsFirstAdmin(host);
  await ok(host, 'createLearnerProfile', { displayName, id: 'zoe' });
  return ok<TransferFileView>(host, 'exportLearnerProfile', { learnerId: 'zoe' });
}

describe('GET /files/<fileId>?key=', () => {
  it('a protected backup downloads once, uploads into an empty host, checks and restores there', async () => {
    const { host: first } = await hosts.start();
    await unlockAsFirstAdmin(first);
    for (const displayName of ['Ada', 'Ben']) await ok(first, 'createLearnerProfile', { displayName });
    const backup = await finishedJob(first, (await ok<{ jobId: string }>(first, 'startBackup', { passphrase: PASSPHRASE })).jobId);
    if (backup.result?.kind !== 'backup') throw new Error(`backup failed: ${JSON.stringify(backup.error)}`);
    const made = backup.result.file;
    expect(made).toMatchObject({ fileName: expect.stringMatching(/^dala-backup-\d{4}-\d{2}-\d{2}\.json\.age$/), passphraseProtected: true });

    const address = await downloadAddress(first, made.fileId);
    expect(address).toEqual({ kind: 'download', url: `/files/${made.fileId}?key=${address.url.split('key=')[1]}`, fileName: made.fileName });
    const response = await download(first, address.url);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-length': String(made.sizeBytes),
      'content-disposition': `attachment; filename="${made.fileName}"; filename*=UTF-8''${made.fileName}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.any(String),
    });
    expect(response.body.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(response.body.length).toBe(made.sizeBytes);
    // The key is used up; the file itself stays for "Save again" (a new key).
    expect((await download(first, address.url)).status).toBe(404);
    expect((await download(first, (await downloadAddress(first, made.fileId)).url)).body).toEqual(response.body);

    const { host: second } = await hosts.start();
    await unlockAsFirstAdmin(second);
    const uploaded = await upload(second, address.fileName, response.body);
    expect(uploaded).toMatchObject({ fileName: made.fileName, sizeBytes: made.sizeBytes, passphraseProtected: true, compressed: false });
    expect(await ok<BackupCheckView>(second, 'checkBackupFile', { fileId: uploaded.fileId, passphrase: PASSPHRASE })).toMatchObject({ learners: 2, appVersion: '9.9.9-test' });
    expect(learnerCount(second)).toBe(0);
    const restore = await finishedJob(second, (await ok<{ jobId: string }>(second, 'startRestore', { fileId: uploaded.fileId, passphrase: PASSPHRASE, replace: false, dryRun: false })).jobId);
    expect(restore).toMatchObject({ state: 'done', result: { kind: 'restore' } });
    expect(learnerCount(second)).toBe(2);
  });

  it('a wrong key, no key or an unknown file is 404 in plain text, and does not use up the right key', async () => {
    const { host } = await hosts.start();
    const file = await exportedProfile(host, 'Zoe');
    const { url } = await downloadAddress(host, file.fileId);
    for (const wrong of [`/files/${file.fileId}?key=${'0'.repeat(48)}`, `/files/${file.fileId}?key=`, `/files/${file.fileId}`, `/files/nope?key=${url.split('key=')[1]}`, '/files/', '/files/%E0%A4%A?key=x']) {
      const response = await download(host, wrong);
      expect(response.status, wrong).toBe(404);
      expect(response.headers['content-type'], wrong).toBe('text/plain; charset=utf-8');
      expect(response.body.toString('utf8'), wrong).toMatch(/used or has expired/);
    }
    expect((await download(host, url)).status).toBe(200);
  });

  it('a non-ASCII name has an ASCII fallback and the exact name in filename*', async () => {
    const { host } = await hosts.start();
    const file = await exportedProfile(host, 'Zoë');
    expect(file.fileName).toMatch(/^Zoë-\d{4}-\d{2}-\d{2}\.dalaprofile$/);
    const response = await download(host, (await downloadAddress(host, file.fileId)).url);
    expect(response.status).toBe(200);
    const rest = file.fileName.slice('Zoë'.length);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="Zo_${rest}"; filename*=UTF-8''Zo%C3%AB${rest}`);
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ format: expect.any(String) });
  });

  it('quotes, backslashes and RFC 5987\'s reserved characters are escaped', () => {
    expect(contentDisposition('a "b"\\c (1)*\'.json')).toBe(`attachment; filename="a _b__c (1)*'.json"; filename*=UTF-8''a%20%22b%22%5Cc%20%281%29%2A%27.json`);
  });

  it('the renderer folder cannot answer for /files/, and only GET is allowed there', async () => {
    const { host, rendererDir } = await hosts.start();
    fs.mkdirSync(path.join(rendererDir, 'files'));
    fs.writeFileSync(path.join(rendererDir, 'files', 'a.txt'), 'static\n');
    const response = await download(host, '/files/a.txt');
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).not.toContain('static');
    const file = await exportedProfile(host, 'Zoe');
    const { url } = await downloadAddress(host, file.fileId);
    for (const method of ['POST', 'HEAD', 'DELETE']) expect((await binaryRequest(host.port, { method, path: url })).status, method).toBe(405);
    expect((await download(host, url)).status).toBe(200);
  });
});
