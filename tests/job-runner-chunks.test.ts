import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLearners, rawBulkInsert, rawInsertPlan } from '../bench/data';
import { createChannelDispatcher } from '../database/channels/dispatch';
import { invokeChannel } from '../bench/dispatch';
import { CHUNK_CHARS } from '../database/jobs/job-protocol';
import { createJobRunner } from '../database/jobs/job-runner';
import { openDatabase, type OpenedDatabase } from '../database/open';
import { checkBackupView, parseBackupFile } from '../database/transfer/backup-file';

/**
 * Large texts between the main thread and a job worker travel in chunks (a backup's content back,
 * a restore's or a check's content out), jobs after the first start on a spare worker, and a large
 * checkBackupFile runs on a worker. The texts must arrive whole and the answers be the same.
 */

let root = '';
let source: OpenedDatabase;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-chunks-'));
  source = await openDatabase({ dataDir: path.join(root, 'source') });
  rawBulkInsert(source.sqlite, rawInsertPlan(makeLearners(40, { attempts: 60, objectives: 8 }, 9)));
}, 30_000);
afterAll(() => {
  source?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the job runner with texts larger than a chunk', () => {
  it('backs up, checks and restores a backup of several chunks, jobs after the first on a spare worker', async () => {
    const runner = createJobRunner();
    try {
      const backup = await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: {} }));
      if (backup.result?.kind !== 'backup') throw new Error(`no backup: ${JSON.stringify(backup.error)}`);
      const content = backup.result.content;
      expect(content.length).toBeGreaterThan(2 * CHUNK_CHARS);
      const parsed = parseBackupFile(content);
      expect(parsed.learners).toHaveLength(40);

      expect(await runner.check(content)).toEqual(checkBackupView(parsed));
      await expect(runner.check(`${content.slice(0, -10)}`)).rejects.toMatchObject({ code: 'invalid_input' });

      const target = await openDatabase({ dataDir: path.join(root, 'target') });
      try {
        const restore = await runner.finished(runner.start({ kind: 'restore', dataDir: target.dataDir, content, fileName: 'b.json', replace: false, dryRun: false }));
        expect(restore).toMatchObject({ state: 'done', result: { kind: 'restore', report: { totals: { added: 40 * (60 + 3 + 3 + 1 + 2 + 8 + 2) } } } });
        const count = (db: OpenedDatabase) => (db.sqlite.prepare('SELECT count(*) AS n FROM activity_attempts').get() as { n: number }).n;
        expect(count(target)).toBe(count(source));
      } finally {
        target.close();
      }
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('checkBackupFile answers the same inline (small file) and on a worker (large file)', async () => {
    const database = await openDatabase({ dataDir: path.join(root, 'checks') });
    const handlers = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser' });
    try {
      const runner = createJobRunner();
      const backup = await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: { learnerIds: [] } }));
      const large = await runner.finished(runner.start({ kind: 'backup', dataDir: source.dataDir, appVersion: 'test', filters: {} }));
      await runner.close();
      for (const job of [backup, large]) {
        if (job.result?.kind !== 'backup') throw new Error('no backup');
        const answer = await invokeChannel(handlers, 'checkBackupFile', { content: job.result.content });
        expect(answer).toEqual({ ok: true, value: checkBackupView(parseBackupFile(job.result.content)) });
      }
    } finally {
      await handlers.close();
      database.close();
    }
  }, 60_000);
});
