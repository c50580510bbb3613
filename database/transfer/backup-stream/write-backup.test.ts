import { describe, expect, it } from 'vitest';
import { APP_VERSION_FOR_TESTS, writeRichProfile } from '../../test-support/transfer-fixtures';
import { openManager, useTempDirs } from '../../test-support/temp-database';
import { collectBackupFile, parseBackupFile, type BackupFilters } from '../backup-file';
import { backupSource, restoreBackup } from '../restore';
import { readBackupStream } from './read-backup';
import { writeBackupStream } from './write-backup';

/** The streamed backup writer: the same backup as the whole-file one, checksum last, readable by both readers. */
const dirs = useTempDirs();
const NOW = '2026-03-09T12:00:00.000Z';

async function streamed(sqlite: Parameters<typeof writeBackupStream>[0], filters: BackupFilters = {}): Promise<{ text: string; sinks: number }> {
  const pieces: string[] = [];
  await writeBackupStream(sqlite, filters, APP_VERSION_FOR_TESTS, NOW, async (t) => {
    pieces.push(t);
  });
  return { text: pieces.join(''), sinks: pieces.length };
}

describe('writeBackupStream', () => {
  for (const filters of [{}, { learnerIds: ['ben'] }, { since: '2026-01-01T00:00:00.000Z' }] as BackupFilters[]) {
    it(`writes what collectBackupFile writes, checksum included (filters ${JSON.stringify(filters)})`, async () => {
      const f = await openManager(dirs);
      writeRichProfile(f.manager, 'ada', 'Ada "the first" \\ Ł');
      writeRichProfile(f.manager, 'ben', 'Ben');
      const { text } = await streamed(f.sqlite, filters);
      const whole = collectBackupFile(f.sqlite, filters, APP_VERSION_FOR_TESTS, NOW);
      expect(text.endsWith(`,"checksum":{"algorithm":"sha256","value":"${whole.backup.checksum.value}"}}\n`)).toBe(true);
      expect(parseBackupFile(text)).toEqual(whole.backup);
      const read = await readBackupStream(backupSource(text));
      expect(read.header.checksum.value).toBe(whole.backup.checksum.value);
      expect(read.learnerIds).toEqual(whole.backup.learners.map((l) => l.learner.id));
    });
  }

  it('restores into an empty data dir with every row, and a changed byte is refused there without writing', async () => {
    const src = await openManager(dirs);
    writeRichProfile(src.manager, 'ada');
    const { text } = await streamed(src.sqlite);
    const empty = await openManager(dirs);
    const forged = text.replace('"displayName":"', '"displayName":"X');
    await expect(restoreBackup(empty.database, forged, { replace: false, dryRun: false, source: 'x.json' })).rejects.toThrow(/checksum does not match/);
    expect(empty.sqlite.prepare('SELECT count(*) AS n FROM learner_profiles').get()).toEqual({ n: 0 });
    const report = await restoreBackup(empty.database, text, { replace: false, dryRun: false, source: 'x.json' });
    expect(report.learners.map((l) => l.outcome)).toEqual(['created']);
    expect(collectBackupFile(empty.sqlite, {}, APP_VERSION_FOR_TESTS, NOW).backup.learners).toEqual(collectBackupFile(src.sqlite, {}, APP_VERSION_FOR_TESTS, NOW).backup.learners);
  });
});
