import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeLearners, rawBulkInsert, rawInsertPlan } from '../bench/data';
import { invokeChannel } from '../bench/dispatch';
import { createChannelDispatcher } from '../database/channels/dispatch';
import { createJobRunner } from '../database/jobs/job-runner';
import { openDatabase, type OpenedDatabase } from '../database/open';
import { checkBackupView, parseBackupFile } from '../database/transfer/backup-file';
import { readTransferFileBytes } from '../database/transfer/envelope/read';

/**
 * Jobs get files as paths and stream them (a backup written, a restore or a check read), so the
 * messages between the main thread and a worker stay small however large the file; jobs after
 * the first start on a spare worker; a large checkBackupFile runs on a worker, a small one inline,
 * with the same answer.
 */

let root = '';
let source: OpenedDatabase;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-job-files-'));
  source = await openDatabase({ dataDir: path.join(root, 'source') });
  rawBulkInsert(source.sqlite, rawInsertPlan(makeLearners(40, { attempts: 60, objectives: 8 }, 9)));
}, 30_000);
afterAll(() => {
  source?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const PASSPHRASE = 'kettle mango baobab river';

describe('the job runner with files', () => {
  it('backs up (gzipped, encrypted), checks and restores a backup by path; no message to the worker is larger than a few KiB', async () => {
    const sizes: number[] = [];
    const post = Worker.prototype.postMessage;
    const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown) {
      sizes.push(JSON.stringify(message).length);
      return post.call(this, message);
    });
    const runner = createJobRunner();
    try {
      const out = { fileId: 'f', path: path.join(root, 'backup.json.age'), fileName: 'backup.json.age' };
      const backup = await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: {}, out, protection: { gzip: true, passphrase: PASSPHRASE } }));
      if (backup.result?.kind !== 'backup') throw new Error(`no backup: ${JSON.stringify(backup.error)}`);
      const content = await readTransferFileBytes(out.path, { passphrase: PASSPHRASE }, 1 << 30);
      expect(content.byteLength).toBeGreaterThan(500_000);
      const parsed = parseBackupFile(content);
      expect(parsed.learners).toHaveLength(40);

      expect(await runner.check(out.path, { passphrase: PASSPHRASE })).toEqual(checkBackupView(parsed));
      const cut = path.join(root, 'cut.json');
      fs.writeFileSync(cut, content.subarray(0, -10));
      await expect(runner.check(cut, {})).rejects.toMatchObject({ code: 'invalid_input' });

      const target = await openDatabase({ dataDir: path.join(root, 'target') });
      try {
        const restore = await runner.finished(runner.start({ kind: 'restore', dataDir: target.dataDir, file: out.path, fileName: 'b.json', unlock: { passphrase: PASSPHRASE }, replace: false, dryRun: false }));
        expect(restore).toMatchObject({ state: 'done', result: { kind: 'restore', report: { totals: { added: 40 * (60 + 3 + 3 + 1 + 2 + 8 + 2) } } } });
        const count = (db: OpenedDatabase) => (db.sqlite.prepare('SELECT count(*) AS n FROM activity_attempts').get() as { n: number }).n;
        expect(count(target)).toBe(count(source));
      } finally {
        target.close();
      }
    } finally {
      await runner.close();
      spy.mockRestore();
    }
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(4096);
  }, 60_000);

  it('checkBackupFile answers the same inline (small file) and on a worker (large file)', async () => {
    const database = await openDatabase({ dataDir: path.join(root, 'checks') });
    const handlers = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser' });
    try {
      const runner = createJobRunner();
      const small = { fileId: 's', path: path.join(root, 'small.json'), fileName: 'small.json' };
      const large = { fileId: 'l', path: path.join(root, 'large.json'), fileName: 'large.json' };
      await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: { learnerIds: [] }, out: small, protection: {} }));
      await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: {}, out: large, protection: {} }));
      await runner.close();
      expect(fs.statSync(small.path).size).toBeLessThan(256 * 1024);
      expect(fs.statSync(large.path).size).toBeGreaterThan(256 * 1024);
      for (const file of [small, large]) {
        const { fileId } = handlers.context.transferFiles.registerIncoming(file.path);
        const answer = await invokeChannel(handlers, 'checkBackupFile', { fileId });
        expect(answer).toEqual({ ok: true, value: checkBackupView(parseBackupFile(fs.readFileSync(file.path))) });
      }
    } finally {
      await handlers.close();
      database.close();
    }
  }, 60_000);
});
