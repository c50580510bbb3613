import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transferFilesDir } from '../database/transfer/transfer-file-store';
import type { SavedTransferFileView, TransferFileView, ImportPreviewView } from '../electron/common/transfer-views';
import { DEFAULT_UPLOAD_LIMIT_BYTES, uploadedFileName } from './file-upload';
import type { BrowserHost } from './server';
import { download, ok, stagedFiles, upload, uploadRequest } from './test-support/file-requests';
import { apiRequest, unlockAsFirstAdmin, useTempHosts } from './test-support/host-fixture';

const hosts = useTempHosts();
const AGE_FILE = Buffer.concat([Buffer.from('age-encryption.org/v1\n-> scrypt abc 18\nxyz\n--- tag\n'), Buffer.alloc(100, 7)]);
const json = (body: Buffer): unknown => JSON.parse(body.toString('utf8'));

/** Headers declaring `length` bytes and a few bytes of body: an answer can only come from the declared length. */
function declaredOnly(host: BrowserHost, length: number): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: '/api/files',
      agent: false,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream', 'X-Dala-File-Name': 'big.json', 'Content-Length': String(length) },
    });
    const timer = setTimeout(() => reject(new Error('no answer: the host is waiting for the body')), 3_000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      req.destroy();
    });
    req.on('error', () => undefined);
    req.write('{"format":');
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

describe('POST /api/files', () => {
  it('stores the bytes under the store\'s folder and answers the file\'s view', async () => {
    const { host, dataDir } = await hosts.start();
    const bytes = Buffer.from('{"format":"dala-backup"}\n');
    const view = await upload(host, 'dala-backup-2026-03-02.json', bytes);
    expect(view).toEqual({ fileId: expect.any(String), fileName: 'dala-backup-2026-03-02.json', sizeBytes: bytes.length, passphraseProtected: false, compressed: false });
    const staged = stagedFiles(dataDir);
    expect(staged).toHaveLength(1);
    expect(fs.readFileSync(path.join(transferFilesDir(dataDir), staged[0] ?? ''))).toEqual(bytes);
    // Gone when the host stops.
    await host.close();
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('an age file is passphrase-protected, gzip is compressed; a non-ASCII name and a chunked body arrive intact', async () => {
    const { host } = await hosts.start();
    expect(await upload(host, 'Zoë — 4B.json.age', AGE_FILE)).toMatchObject({ fileName: 'Zoë — 4B.json.age', sizeBytes: AGE_FILE.length, passphraseProtected: true, compressed: false });
    const gzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(300_000, 1)]);
    const response = await uploadRequest(host, gzip, { fileName: 'b.json.gz', chunked: true });
    expect(response.status).toBe(200);
    expect(json(response.body)).toMatchObject({ ok: true, value: { fileName: 'b.json.gz', sizeBytes: gzip.length, passphraseProtected: false, compressed: true } });
  });

  it('a profile uploaded to another host previews there by its fileId', async () => {
    const { host: first } = await hosts.start();
    await unlockAsFirstAdmin(first);
    await ok(first, 'createLearnerProfile', { displayName: 'Ada', id: 'ada' });
    const exported = await ok<TransferFileView>(first, 'exportLearnerProfile', { learnerId: 'ada' });
    const saved = await ok<SavedTransferFileView>(first, 'saveTransferFile', { fileId: exported.fileId });
    if (saved.kind !== 'download') throw new Error(`not a download: ${saved.kind}`);
    const bytes = (await download(first, saved.url)).body;

    const { host: second } = await hosts.start();
    await unlockAsFirstAdmin(second);
    const uploaded = await upload(second, saved.fileName, bytes);
    expect(uploaded).toMatchObject({ fileName: exported.fileName, sizeBytes: exported.sizeBytes });
    const preview = await ok<ImportPreviewView>(second, 'previewProfileImport', { fileId: uploaded.fileId });
    expect(preview).toMatchObject({ fileName: exported.fileName, existingLearners: 0, preview: { learners: [{ learnerId: 'ada', outcome: 'created' }] } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: `Bearer ${'f'.repeat(64)}` }],
  ])('%s is 401 and stores nothing', async (_, headers) => {
    const { host, dataDir } = await hosts.start();
    const response = await uploadRequest(host, AGE_FILE, { fileName: 'a.json', headers: { Authorization: '', ...headers } });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(json(response.body)).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('an upload from another origin is 403 and stores nothing', async () => {
    const { host, dataDir } = await hosts.start();
    const response = await uploadRequest(host, AGE_FILE, { fileName: 'a.json', headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a broken escape', '%E0%A4%A'],
    ['only a folder', 'backups%2F'],
    ['..', '..'],
    ['a control character', 'a%00b.json'],
    ['256 characters', 'a'.repeat(256)],
  ])('a file name that is %s is 400 invalid_input and stores nothing', async (_, header) => {
    const { host, dataDir } = await hosts.start();
    const response = await uploadRequest(host, AGE_FILE, { headers: header === undefined ? {} : { 'X-Dala-File-Name': header } });
    expect(response.status).toBe(400);
    expect(json(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/name/) } });
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('only the last segment of a path is kept as the name', () => {
    expect(uploadedFileName(encodeURIComponent('C:\\fakepath\\Zoë.dalaprofile'))).toBe('Zoë.dalaprofile');
    expect(uploadedFileName('..%2F..%2Fetc%2Fpasswd')).toBe('passwd');
    expect(uploadedFileName('a'.repeat(255))).toBe('a'.repeat(255));
  });

  it.each(['application/json', 'text/plain', 'multipart/form-data; boundary=x', ''])('Content-Type "%s" is 415 and stores nothing', async (contentType) => {
    const { host, dataDir } = await hosts.start();
    const response = await uploadRequest(host, AGE_FILE, { fileName: 'a.json', headers: { 'Content-Type': contentType } });
    expect(response.status).toBe(415);
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('GET is 405', async () => {
    const { host } = await hosts.start();
    const response = await apiRequest(host, 'files', undefined, { method: 'GET', body: undefined });
    expect(response.status).toBe(405);
  });

  it('the limit is the largest backup plus 1 MiB; a declared length over it is 413 before any body is read', async () => {
    expect(DEFAULT_UPLOAD_LIMIT_BYTES).toBe(1025 * 1024 * 1024);
    const { host, dataDir } = await hosts.start();
    expect(await declaredOnly(host, DEFAULT_UPLOAD_LIMIT_BYTES + 1)).toEqual({ status: 413, connection: 'close' });
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('a body that streams past a lowered limit is 413, leaves no file, and the host keeps serving; one at the limit is stored', async () => {
    const { host, dataDir } = await hosts.start({ uploadLimitBytes: 100_000 });
    expect((await declaredOnly(host, 100_001)).status).toBe(413);
    const response = await uploadRequest(host, Buffer.alloc(500_000, 1), { fileName: 'big.json', chunked: true });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(json(response.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The file is larger than 100000 bytes.' } });
    expect(stagedFiles(dataDir)).toEqual([]);
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
    expect(await upload(host, 'just.json', Buffer.alloc(100_000, 1))).toMatchObject({ sizeBytes: 100_000 });
    expect(stagedFiles(dataDir)).toHaveLength(1);
  });

  it('a client that goes away mid-upload leaves no file and the host serving', async () => {
    const { host, dataDir } = await hosts.start();
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/files',
        agent: false,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream', 'X-Dala-File-Name': 'a.json', 'Content-Length': '1000000' },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(200_000, 1), () => {
        // Cut off only once the host has started writing the file.
        until(() => stagedFiles(dataDir).length === 1).then(() => req.destroy(), () => req.destroy());
      });
    });
    await until(() => stagedFiles(dataDir).length === 0);
    expect((await apiRequest(host, 'listLearners', {})).status).toBe(200);
  });
});
