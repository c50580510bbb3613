import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelDrill } from '../bench/drill/channels';
import { corpusDrill } from '../bench/drill/corpus';
import { measureBackupRestore } from '../bench/measure-backup';
import { measureRendererBundle } from '../bench/measure-bundle';
import { measureHostTransfer } from '../bench/measure-host-transfer';
import { measureProfileLoad } from '../bench/measure-load';
import { measurePicker } from '../bench/measure-picker';
import { measureSave } from '../bench/measure-save';
import { measureSync } from '../bench/measure-sync';
import { measureProfileTransfer } from '../bench/measure-transfer';
import { RENDERER_DIR } from '../bench/renderer-build';
import { formatTable, type BenchResult } from '../bench/report';
import { prepareBench, type BenchEnv } from '../bench/setup';
import { SIZES } from '../bench/sizes';
import { chromiumPath } from '../e2e/support/chromium';
import { createChannelDispatcher } from '../database/channels/dispatch';
import { invokeChannel } from '../bench/dispatch';
import { openDatabase } from '../database/open';
import { collectBackupFile } from '../database/transfer/backup-file';
import { exportProfile } from '../database/transfer/profile-file';

/**
 * The bench and drill code runs (npm run bench / npm run drill are not part of npm test): every
 * measurement at the tiny size, and two drills on a few payloads. No timing is asserted; only that
 * each measurement produced a finite number for a line of the table.
 */

let env: BenchEnv;
beforeAll(async () => {
  env = await prepareBench(SIZES.tiny);
}, 60_000);
afterAll(() => env?.dispose());

const wellFormed = (results: BenchResult[]) => {
  for (const r of results) {
    expect(r.name).not.toMatch(/failed/);
    expect(Number.isFinite(r.ours)).toBe(true);
    if (r.raw !== null) expect(Number.isFinite(r.raw)).toBe(true);
    expect(typeof r.pass).toBe('boolean');
  }
  expect(formatTable(results)).toContain('| operation');
};

describe('bench measurements at the tiny size', () => {
  it('saves, loads, exports and imports through the real handlers and raw SQLite', async () => {
    const results = [await measureSave(env), await measureProfileLoad(env), ...(await measureProfileTransfer(env))];
    expect(results.map((r) => r.unit)).toEqual(['ms', 'ms', 'rows/s', 'rows/s', 'rows/s']);
    wellFormed(results);
  }, 60_000);

  it('backs up and restores through the job runner while watching the main thread', async () => {
    const results = await measureBackupRestore(env);
    expect(results.some((r) => r.unit === 'MB')).toBe(true);
    wellFormed(results);
  }, 90_000);

  it.skipIf(!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))('measures the built renderer', () => {
    wellFormed([measureRendererBundle(RENDERER_DIR)]);
  });

  it('syncs through a hub on a throwaway PostgreSQL, against the raw upsert', async () => {
    const results = await measureSync(SIZES.tiny, () => undefined);
    expect(results.map((r) => r.unit)).toEqual(['rows/s', 'rows/s', 'ms']);
    wellFormed(results);
  }, 180_000);

  it('backs up and restores through two browser hosts over HTTP', async () => {
    const results = await measureHostTransfer(SIZES.tiny, () => undefined);
    expect(results.filter((r) => r.unit === 'MB')).toHaveLength(2);
    wellFormed(results);
  }, 180_000);

  it.skipIf(!chromiumPath() || !fs.existsSync(path.join(RENDERER_DIR, 'index.html')))('opens the learner picker in Chromium', async () => {
    wellFormed([await measurePicker(env, RENDERER_DIR)]);
  }, 90_000);
});

describe('drills on a few payloads', () => {
  it('feeds every channel generated payloads and the malformed corpus without a loss', async () => {
    const channels = await channelDrill(env.copy(env.classroomDir, 'drill-channels'), 3, 42);
    expect(channels.losses).toEqual([]);
    const source = await openDatabase({ dataDir: env.profileDir });
    const profile = exportProfile(source.sqlite, env.heavy.learner.id, 'smoke').content;
    const backup = collectBackupFile(source.sqlite, {}, 'smoke', '2026-03-09T12:00:00.000Z').content;
    source.close();
    const corpus = await corpusDrill(env.copy(env.classroomDir, 'drill-corpus'), profile, backup, fs.mkdtempSync(path.join(env.root, 'corpus-')));
    expect(corpus.losses).toEqual([]);
    expect(corpus.tried).toBeGreaterThan(40);
    // The drill's data folder still works with the app afterwards.
    const database = await openDatabase({ dataDir: env.classroomDir });
    const handlers = createChannelDispatcher(database, { appVersion: 'smoke', shell: 'browser' });
    expect((await invokeChannel(handlers, 'listLearners', {})).ok).toBe(true);
    await handlers.close();
    database.close();
  }, 120_000);
});
