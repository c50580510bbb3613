import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { testManager } from '../test-support/channel-caller';
import { databaseHash, expectFailure, expectOk, expectUsageError } from '../test-support/cli-checks';
import { runDala, testClock, useTempDirs, type DalaRun } from '../test-support/temp-database';
import { transferJson, withRawSqlite, writeRichProfile } from '../test-support/transfer-fixtures';
import { detectEnvelope } from '../transfer/envelope/detect';

/** Files that leave the machine through the real `dala` CLI: gzipped, protected with a passphrase. */

const dirs = useTempDirs();
const ID = 'thandi-dube';
const PASSPHRASE = 'mango kettle baobab river';

async function labWithLearner(): Promise<string> {
  const dataDir = dirs.make();
  const database = await openDatabase({ dataDir });
  try {
    writeRichProfile(testManager(database, testClock('2026-03-02T09:00:00.000Z', 1_000)), ID, 'Thandi Dube');
  } finally {
    database.close();
  }
  return dataDir;
}

const dala = (dataDir: string, args: string[], stdin?: string) => runDala(['--data-dir', dataDir, ...args], {}, stdin);
/** Succeeds, with nothing on stderr but the progress lines of a backup or restore. */
function ok(run: DalaRun): DalaRun {
  return expectOk({ ...run, stderr: run.stderr.replace(/\r?[a-z ]+: \d+\/\d+ learners(?: \(\d+ skipped\))?\n?/g, '') });
}
/** The learner's profile as a transfer (every row, in a fixed order): equal means nothing lost or added. */
const learnerOn = (dataDir: string) => withRawSqlite(dataDir, (sqlite) => transferJson(sqlite, ID));
const head = (file: string) => detectEnvelope(fs.readFileSync(file).subarray(0, 40));

describe('dala export / import with a passphrase', () => {
  it('an encrypted export imports into another data dir with the passphrase, and is refused, unchanged, without it or with a wrong one', async () => {
    const lab = await labWithLearner();
    const file = path.join(dirs.make(), 'thandi.dalaprofile');
    expect(expectOk(dala(lab, ['export', ID, '--out', file, '--passphrase-stdin'], `${PASSPHRASE}\n`)).stdout).toBe(`Exported learner ${ID} to ${file} (protected with the passphrase).\n`);
    expect(head(file)).toBe('age');
    expect(fs.readFileSync(file, 'latin1')).not.toContain('Thandi');

    const home = dirs.make();
    expectOk(dala(home, ['learners', 'list']));
    const before = databaseHash(home);
    expectFailure(dala(home, ['import', file]), 'protected with a passphrase: pipe it in with --passphrase-stdin');
    expectFailure(dala(home, ['import', file, '--passphrase-stdin'], 'mango kettle baobab rivers\n'), 'That passphrase does not open this file. Nothing was changed.');
    expect(databaseHash(home)).toBe(before);

    expect(expectOk(dala(home, ['import', file, '--passphrase-stdin'], `${PASSPHRASE}\n`)).stdout).toMatch(/^Thandi Dube \(thandi-dube\): created; /);
    expect(learnerOn(home)).toBe(learnerOn(lab));
  });

  it('a passphrase is never taken from the command line, and a new one must be long enough', async () => {
    const lab = await labWithLearner();
    const file = path.join(dirs.make(), 'x.dalaprofile');
    expectUsageError(dala(lab, ['export', ID, '--out', file, '--passphrase', PASSPHRASE]), "unknown option '--passphrase'");
    expectUsageError(dala(lab, ['export', ID, '--out', file, '--passphrase-stdin'], 'short\n'), 'the passphrase from --passphrase-stdin must have at least 12 characters');
    expectUsageError(dala(lab, ['export', ID, '--out', file, '--passphrase-stdin'], ''), '--passphrase-stdin read an empty passphrase');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('dala backup / backup verify / restore, gzipped and encrypted', () => {
  it('a gzipped encrypted backup verifies and restores into an empty data dir only with the passphrase', async () => {
    const lab = await labWithLearner();
    const file = path.join(dirs.make(), 'school.dala-backup');
    expect(ok(dala(lab, ['backup', '--out', file, '--gzip', '--passphrase-stdin'], `${PASSPHRASE}\n`)).stdout).toMatch(/^Backed up 1 learner\(s\) and \d+ record\(s\) to .* \(gzipped, protected with the passphrase\)\.\n$/);
    expect(head(file)).toBe('age');

    expectFailure(dala(lab, ['backup', 'verify', file]), '--passphrase-stdin');
    expectFailure(dala(lab, ['backup', 'verify', file, '--passphrase-stdin'], 'not the passphrase\n'), 'does not open this file');
    const verified = JSON.parse(ok(dala(lab, ['backup', 'verify', file, '--json', '--passphrase-stdin'], `${PASSPHRASE}\n`)).stdout) as { valid: boolean; learners: number };
    expect(verified).toMatchObject({ valid: true, learners: 1 });

    const fresh = dirs.make();
    ok(dala(fresh, ['learners', 'list']));
    const before = databaseHash(fresh);
    expectFailure(dala(fresh, ['restore', file]), '--passphrase-stdin');
    expectFailure(dala(fresh, ['restore', file, '--passphrase-stdin'], 'not the passphrase\n'), 'Nothing was changed');
    expect(databaseHash(fresh)).toBe(before);
    ok(dala(fresh, ['restore', file, '--passphrase-stdin'], `${PASSPHRASE}\n`));
    expect(learnerOn(fresh)).toBe(learnerOn(lab));
  });

  it('a gzipped backup is detected by its bytes whatever its name, and a damaged one changes nothing', async () => {
    const lab = await labWithLearner();
    const dir = dirs.make();
    const file = path.join(dir, 'school.json');
    ok(dala(lab, ['backup', '--out', file, '--gzip']));
    expect(head(file)).toBe('gzip');
    const fresh = dirs.make();
    ok(dala(fresh, ['restore', file]));
    expect(learnerOn(fresh)).toBe(learnerOn(lab));

    const cut = path.join(dir, 'cut.json');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 300));
    const other = dirs.make();
    ok(dala(other, ['learners', 'list']));
    const before = databaseHash(other);
    expectFailure(dala(other, ['restore', cut]), 'The file is damaged: its compressed data is cut short or corrupt.');
    expect(databaseHash(other)).toBe(before);
  });
});
