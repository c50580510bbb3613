import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLearner, rawBulkInsert, rawInsertPlan } from '../bench/data';
import { createChannelDispatcher, type ChannelDispatcher } from '../database/channels/dispatch';
import { openDatabase, type OpenedDatabase } from '../database/open';
import { TEST_ADMIN } from '../database/test-support/accounts';
import { contentHash } from '../database/test-support/temp-database';
import { windowCaller } from '../database/test-support/window-caller';
import { PROFILE_INLINE_MAX_ATTEMPTS, PROFILE_INLINE_MAX_BYTES } from '../database/transfer/profile-file-work';

/**
 * A large profile file (a learner with thousands of attempts) is exported, previewed and imported
 * on a job worker, not on the window's thread; the answers are the same as inline.
 */
const opened: Array<{ dispatcher: ChannelDispatcher; database: OpenedDatabase; dir: string }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.dispatcher.close();
    o.database.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

async function machine() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-profile-worker-'));
  const database = await openDatabase({ dataDir: dir });
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser' });
  opened.push({ dispatcher, database, dir });
  const caller = windowCaller(dispatcher);
  await caller.ok('setUpFirstAdmin', TEST_ADMIN);
  return { database, dispatcher, ...caller };
}

describe('a large profile file on a job worker', () => {
  it('exports, previews and imports a learner with 6,000 attempts on workers; a file changed after the preview is refused', async () => {
    const lab = await machine();
    const heavy = makeLearner(0, { attempts: PROFILE_INLINE_MAX_ATTEMPTS + 3_000, objectives: 20 }, 8);
    rawBulkInsert(lab.database.sqlite, rawInsertPlan([heavy]));
    const labRuns = vi.spyOn(lab.dispatcher.context.jobs, 'run');
    const file = await lab.ok('exportLearnerProfile', { learnerId: heavy.learner.id, passphrase: 'kettle mango baobab river' });
    expect(labRuns.mock.calls.map(([r]) => r.kind)).toEqual(['profileExport']);
    expect(file.sizeBytes).toBeGreaterThan(PROFILE_INLINE_MAX_BYTES);

    const home = await machine();
    const homeRuns = vi.spyOn(home.dispatcher.context.jobs, 'run');
    const { fileId } = home.dispatcher.context.transferFiles.registerIncoming(lab.dispatcher.context.transferFiles.resolve(file.fileId).path);
    const preview = await home.ok('previewProfileImport', { fileId, passphrase: 'kettle mango baobab river' });
    expect(preview.preview.learners).toEqual([expect.objectContaining({ learnerId: heavy.learner.id, outcome: 'created' })]);
    const report = await home.ok('applyProfileImport', { importId: preview.importId, policy: 'merge' });
    expect(homeRuns.mock.calls.map(([r]) => r.kind)).toEqual(['profilePreview', 'profileImport']);
    expect(report.totals.added).toBe(preview.preview.totals.added);
    const count = (db: OpenedDatabase) => db.sqlite.prepare('SELECT count(*) AS n FROM activity_attempts').get() as { n: number };
    expect(count(home.database).n).toBe(PROFILE_INLINE_MAX_ATTEMPTS + 3_000);

    // Previewed again, then the file is replaced on disk by a profile with more work: refused on the worker.
    const again = await home.ok('previewProfileImport', { fileId, passphrase: 'kettle mango baobab river' });
    rawBulkInsert(lab.database.sqlite, rawInsertPlan([makeLearner(1, { attempts: PROFILE_INLINE_MAX_ATTEMPTS + 3_000, objectives: 20 }, 8)]));
    const other = await lab.ok('exportLearnerProfile', { learnerId: makeLearner(1, { attempts: 1, objectives: 1 }, 8).learner.id, passphrase: 'kettle mango baobab river' });
    fs.copyFileSync(lab.dispatcher.context.transferFiles.resolve(other.fileId).path, home.dispatcher.context.transferFiles.resolve(fileId).path);
    const before = contentHash(home.database.sqlite);
    expect(await home.call('applyProfileImport', { importId: again.importId, policy: 'merge' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(contentHash(home.database.sqlite)).toBe(before);
  }, 60_000);
});
