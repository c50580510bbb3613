import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-database';
import { createTransferFileStore, transferFilesDir } from './transfer-file-store';

const dirs = useTempDirs();

describe('the transfer file store', () => {
  it('a user file is described (size, envelope) and never deleted; a file this process made goes on release', () => {
    const dataDir = dirs.make();
    const userFile = path.join(dirs.make(), 'Ada.dalaprofile');
    fs.writeFileSync(userFile, 'age-encryption.org/v1\n-> scrypt ...');
    const store = createTransferFileStore(dataDir);
    const incoming = store.registerIncoming(userFile);
    expect(incoming).toEqual({ fileId: expect.any(String), fileName: 'Ada.dalaprofile', sizeBytes: fs.statSync(userFile).size, passphraseProtected: true, compressed: false });
    const owned = store.createOwned('../../evil/dala-backup.json.gz');
    expect(owned.fileName).toBe('dala-backup.json.gz');
    expect(path.dirname(path.dirname(owned.path))).toBe(transferFilesDir(dataDir));
    fs.writeFileSync(owned.path, Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(store.describe(owned.fileId)).toMatchObject({ compressed: true, passphraseProtected: false, sizeBytes: 4 });
    store.release(owned.fileId);
    store.release(incoming.fileId);
    expect(fs.existsSync(owned.path)).toBe(false);
    expect(fs.existsSync(userFile)).toBe(true);
    expect(() => store.resolve(owned.fileId)).toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining('Choose it again') }));
  });

  it('close removes its own folder; another process folder is left unless a day old', () => {
    const dataDir = dirs.make();
    const other = path.join(transferFilesDir(dataDir), 'another-process');
    const crashed = path.join(transferFilesDir(dataDir), 'crashed-run');
    for (const dir of [other, crashed]) fs.mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    fs.utimesSync(crashed, old, old);
    const store = createTransferFileStore(dataDir);
    const owned = store.createOwned('a.json');
    fs.writeFileSync(owned.path, '{}');
    expect(fs.existsSync(other)).toBe(true);
    expect(fs.existsSync(crashed)).toBe(false);
    store.close();
    expect(fs.readdirSync(transferFilesDir(dataDir))).toEqual(['another-process']);
  });

  it('a folder or a missing file is refused by name; a file unused for an hour is forgotten', () => {
    let now = 0;
    const store = createTransferFileStore(dirs.make(), () => now);
    const folder = dirs.make();
    expect(() => store.registerIncoming(folder)).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('is a folder') }));
    expect(() => store.registerIncoming(path.join(folder, 'gone.dalaprofile'))).toThrow(expect.objectContaining({ code: 'not_found' }));
    const file = path.join(folder, 'f.json');
    fs.writeFileSync(file, '{}');
    const { fileId } = store.registerIncoming(file);
    now += 61 * 60_000;
    store.registerIncoming(file);
    expect(() => store.resolve(fileId)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('a download key works once, and only for its file', () => {
    const store = createTransferFileStore(dirs.make());
    const a = store.createOwned('a.json');
    const b = store.createOwned('b.json');
    const key = store.downloadKey(a.fileId);
    expect(store.takeDownload(b.fileId, key)).toBeUndefined();
    expect(store.takeDownload(a.fileId, 'x')).toBeUndefined();
    expect(store.takeDownload(a.fileId, key)?.path).toBe(a.path);
    expect(store.takeDownload(a.fileId, key)).toBeUndefined();
  });
});
