import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_PICTURES } from '../../electron/common/accounts';
import type { ClassDetailView, ClassReportView, ClassView } from '../../electron/common/classes';
import { secretText } from '../accounts/learner-secrets';
import { verifySecret } from '../accounts/secret-hash';
import { createWindowSession } from '../accounts/window-session';
import { createChannelDispatcher } from '../channels/dispatch';
import { openDatabase } from '../open';
import { rowCount, runDala, useTempDirs } from '../test-support/temp-database';
import { databaseHash, expectFailure, expectOk, expectUsageError, readDatabase } from '../test-support/cli-checks';

/** `dala classes …` and `dala learners set-secret` through a spawned process, on real data folders. */

const dirs = useTempDirs();
const ZOE = `Zoë "Zed", O'Brien`;

function folderWith(...learners: string[]) {
  const dataDir = dirs.make();
  const dala = (args: string[], stdin?: string) => runDala(['--data-dir', dataDir, ...args], {}, stdin);
  const ids = learners.map((name) => expectOk(dala(['learners', 'create', '--name', name])).stdout.trim());
  return { dataDir, dala, ids };
}

describe('dala classes create, list, add, remove', () => {
  it('creates classes (sign-in none by default), lists them with counts, adds and removes learners', () => {
    const { dataDir, dala, ids } = folderWith('Ada', 'Lou');
    const plain = expectOk(dala(['classes', 'create', '--name', 'Class 4B']));
    const classId = plain.stdout.trim();
    expect(plain.stdout).toBe(`${classId}\n`);
    const pictures = JSON.parse(expectOk(dala(['classes', 'create', '--name', 'Reception', '--sign-in', 'picture', '--json'])).stdout) as ClassView;
    expect(pictures).toEqual({ id: expect.any(String), name: 'Reception', signInMethod: 'picture', archived: false });

    expect(expectOk(dala(['classes', 'add', classId, ids[0] as string, ids[1] as string, ids[0] as string])).stdout).toBe(`Added 2 learner(s) to Class 4B (${classId}); it now has 2.\n`);
    const listed = JSON.parse(expectOk(dala(['classes', 'list', '--json'])).stdout) as ClassDetailView[];
    expect(listed.map((c) => [c.name, c.signInMethod, c.learnerIds.length])).toEqual([['Class 4B', 'none', 2], ['Reception', 'picture', 0]]);

    const table = expectOk(dala(['classes', 'list'])).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^ID\s+NAME\s+SIGN-IN\s+LEARNERS\s+ARCHIVED\s+COACHES$/);
    expect(table[1]).toMatch(new RegExp(`^${classId}\\s+Class 4B\\s+none\\s+2\\s+no\\s+-$`));

    expect(expectOk(dala(['classes', 'remove', classId, ids[1] as string])).stdout).toContain('it now has 1');
    expectFailure(dala(['classes', 'remove', classId, ids[1] as string]), 'not in that class');
    expectFailure(dala(['classes', 'add', classId, 'nobody']), 'There is no learner with id "nobody"');
    expectFailure(dala(['classes', 'add', 'no-such-class', ids[0] as string]), 'There is no class with id "no-such-class"');
    expect(readDatabase(dataDir, (sqlite) => rowCount(sqlite, 'class_members'))).toBe(1);
  });

  it('a wrong --sign-in, a missing learner id or a bad class id exits 2 and changes nothing', () => {
    const { dataDir, dala, ids } = folderWith('Ada');
    const classId = expectOk(dala(['classes', 'create', '--name', 'Class 4B'])).stdout.trim();
    const before = databaseHash(dataDir);
    expectUsageError(dala(['classes', 'create', '--name', 'Owls', '--sign-in', 'face']), '--sign-in must be one of none, pin, picture');
    expectUsageError(dala(['classes', 'add', classId]), 'missing at least one LEARNER_ID');
    expectUsageError(dala(['classes', 'add', 'bad id!', ids[0] as string]), 'CLASS_ID');
    expectUsageError(dala(['classes', 'create']), 'missing --name');
    expect(databaseHash(dataDir)).toBe(before);
  });
});

describe('dala classes report', () => {
  it('prints a table, --json the report view, and --csv an RFC 4180 file with a BOM and one row per learner', () => {
    const { dataDir, dala, ids } = folderWith(ZOE, 'Ada');
    const classId = expectOk(dala(['classes', 'create', '--name', 'Class 4B'])).stdout.trim();
    expectOk(dala(['classes', 'add', classId, ...ids]));

    const table = expectOk(dala(['classes', 'report', classId])).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^Class 4B \(.*\): 2 learner\(s\), \d+ objective\(s\), as of /);
    expect(table[1]).toMatch(/^LEARNER\s+ASSESSMENT FINISHED\s+OBJECTIVES COMPLETED\s+IN PROGRESS\s+BADGES$/);
    expect(table.slice(2).map((row) => row.split(/\s{2,}/))).toEqual([
      ['Ada', 'no', '0', '0', '0'],
      [ZOE, 'no', '0', '0', '0'],
    ]);

    const report = JSON.parse(expectOk(dala(['classes', 'report', classId, '--json'])).stdout) as ClassReportView;
    expect(report).toMatchObject({ classId, className: 'Class 4B' });
    expect(report.learners.map((l) => l.displayName)).toEqual(['Ada', ZOE]);

    const file = path.join(dataDir, 'report.csv');
    expect(expectOk(dala(['classes', 'report', classId, '--csv', file])).stdout).toBe(`Wrote the report of class ${classId} to ${file}.\n`);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toHaveLength(1 + 2);
    expect(lines[0]).toMatch(/^Learner,Assessment finished,/);
    expect(lines[1]).toMatch(/^Ada,no,/);
    expect(lines[2]).toMatch(/^"Zoë ""Zed"", O'Brien",no,/);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('--csv into a folder that does not exist fails with exit 1 before anything is exported', () => {
    const { dataDir, dala } = folderWith('Ada');
    const classId = expectOk(dala(['classes', 'create', '--name', 'Class 4B'])).stdout.trim();
    const before = databaseHash(dataDir);
    expectFailure(dala(['classes', 'report', classId, '--csv', path.join(dataDir, 'missing', 'r.csv')]), 'does not exist');
    expectFailure(dala(['classes', 'report', 'no-such-class']), 'There is no class with id "no-such-class"');
    expect(databaseHash(dataDir)).toBe(before);
  });
});

describe('dala learners set-secret', () => {
  it('--pin-stdin stores only a scrypt hash, and then the learner needs that PIN to sign in', async () => {
    const { dataDir, dala, ids } = folderWith('Ada');
    const id = ids[0] as string;
    const set = expectOk(dala(['learners', 'set-secret', id, '--pin-stdin'], '2468\n'));
    expect(set.stdout).toBe(`Learner ${id} now signs in with the new PIN.\n`);
    expect(set.stdout + set.stderr).not.toContain('2468');

    const row = readDatabase(dataDir, (sqlite) => sqlite.prepare('SELECT kind, secret_hash AS hash FROM learner_secrets WHERE learner_id = ?').get(id)) as { kind: string; hash: string };
    expect(row.kind).toBe('pin');
    expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.hash).not.toContain('2468');
    expect(await verifySecret(secretText({ kind: 'pin', pin: '2468' }), row.hash)).toBe(true);

    // At a window, through the same dispatcher as the app: no PIN and a wrong one are refused.
    const database = dirs.track(await openDatabase({ dataDir }));
    const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser' });
    const window = { kind: 'window', session: createWindowSession() } as const;
    expect(await dispatcher.dispatch('signInLearner', { learnerId: id }, window)).toMatchObject({ ok: false, error: { field: 'secret' } });
    expect(await dispatcher.dispatch('signInLearner', { learnerId: id, secret: { kind: 'pin', pin: '1357' } }, window)).toMatchObject({ ok: false });
    expect(await dispatcher.dispatch('signInLearner', { learnerId: id, secret: { kind: 'pin', pin: '2468' } }, window)).toMatchObject({ ok: true, value: { learner: { id } } });
    await dispatcher.close();
  });

  it('--picture stores the pictures in order, --none forgets the secret', () => {
    const { dataDir, dala, ids } = folderWith('Ada');
    const id = ids[0] as string;
    expect(expectOk(dala(['learners', 'set-secret', id, '--picture', 'space,robots,trains'])).stdout).toContain('space, robots, trains');
    expect(readDatabase(dataDir, (sqlite) => sqlite.prepare('SELECT kind FROM learner_secrets WHERE learner_id = ?').get(id))).toEqual({ kind: 'picture' });
    expect(expectOk(dala(['learners', 'set-secret', id, '--none'])).stdout).toContain('choose new ones');
    expect(readDatabase(dataDir, (sqlite) => rowCount(sqlite, 'learner_secrets'))).toBe(0);
    expectFailure(dala(['learners', 'set-secret', 'nobody', '--none']), 'There is no learner with id "nobody"');
  });

  it.each([
    [['--picture', 'a,b,c'], '--picture must be 3 different pictures'],
    [['--picture', 'space,space,trains'], '--picture must be 3 different pictures'],
    [['--picture', 'space,robots'], '--picture must be 3 different pictures'],
    [['--pin-stdin', '--none'], 'choose exactly one of --pin-stdin, --picture or --none'],
    [[], 'choose exactly one of --pin-stdin, --picture or --none'],
    [['--pin', '2468'], "unknown option '--pin'"],
    [['--pin-stdin'], 'the PIN from --pin-stdin must be four digits'],
  ])('%j exits 2, names the fix, never echoes a PIN and changes nothing', (flags, mentions) => {
    const { dataDir, dala, ids } = folderWith('Ada');
    const before = databaseHash(dataDir);
    const run = dala(['learners', 'set-secret', ids[0] as string, ...flags], '24x8\n');
    expectUsageError(run, mentions);
    expect(run.stderr).not.toMatch(/2468|24x8/);
    if (mentions.startsWith('--picture')) for (const picture of SIGN_IN_PICTURES) expect(run.stderr).toContain(picture.id);
    expect(databaseHash(dataDir)).toBe(before);
  });
});
