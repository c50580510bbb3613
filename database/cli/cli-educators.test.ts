import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EducatorView } from '../../electron/common/accounts';
import { verifySecret } from '../accounts/secret-hash';
import { rowCount, runDala, useTempDirs } from '../test-support/temp-database';
import { databaseHash, expectFailure, expectOk, expectUsageError, readDatabase } from '../test-support/cli-checks';

/** `dala educators …` through a spawned process: passwords come in on stdin only and never go out. */

const dirs = useTempDirs();
const ADMIN_PASSWORD = 'Tr0ub4dor & 3 ';
const COACH_PASSWORD = 'coach password 1';

function passwordHashOf(dataDir: string, username: string): string {
  return readDatabase(dataDir, (sqlite) => (sqlite.prepare('SELECT password_hash AS h FROM educators WHERE username = ?').get(username) as { h: string }).h);
}

function listEducators(dataDir: string): EducatorView[] {
  return JSON.parse(expectOk(runDala(['--data-dir', dataDir, 'educators', 'list', '--json'])).stdout) as EducatorView[];
}

describe('dala educators create and list', () => {
  it('creates an admin and a coach from stdin passwords; prints the id or the view; list shows them; the hash verifies', async () => {
    const dataDir = dirs.make();
    // Only the line break is the end of the password: spaces at its end stay part of it.
    const admin = expectOk(runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'Head', '--name', 'Ms Head', '--role', 'admin', '--password-stdin'], {}, `${ADMIN_PASSWORD}\n`));
    const adminId = admin.stdout.trim();
    expect(admin.stdout).toBe(`${adminId}\n`);
    expect(adminId).toMatch(/^[0-9a-f-]{36}$/);

    const coach = expectOk(runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'amara', '--name', 'Amara Ndiaye', '--password-stdin', '--json'], {}, `${COACH_PASSWORD}\r\n`));
    const view = JSON.parse(coach.stdout) as EducatorView & Record<string, unknown>;
    expect(view).toEqual({ id: expect.any(String), username: 'amara', displayName: 'Amara Ndiaye', role: 'coach', disabled: false, classIds: [] });

    const hash = passwordHashOf(dataDir, 'Head');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifySecret(ADMIN_PASSWORD, hash)).toBe(true);
    expect(await verifySecret(ADMIN_PASSWORD.trimEnd(), hash)).toBe(false);
    expect(await verifySecret(COACH_PASSWORD, passwordHashOf(dataDir, 'amara'))).toBe(true);

    const table = expectOk(runDala(['--data-dir', dataDir, 'educators', 'list']));
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+STATUS\s+CLASSES$/);
    expect(rows[1]).toMatch(/^amara\s+Amara Ndiaye\s+coach\s+active\s+none yet$/);
    expect(rows[2]).toMatch(/^Head\s+Ms Head\s+admin\s+active\s+all \(admin\)$/);
    expect(listEducators(dataDir).map((e) => [e.username, e.role])).toEqual([['amara', 'coach'], ['Head', 'admin']]);

    for (const run of [admin, coach, table]) expect(run.stdout + run.stderr).not.toMatch(/Tr0ub4dor|coach password|scrypt/);
  });

  it('a second account with the same username in another case fails with exit 1 and changes nothing', () => {
    const dataDir = dirs.make();
    expectOk(runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'Amara', '--name', 'Amara', '--password-stdin'], {}, `${COACH_PASSWORD}\n`));
    const before = databaseHash(dataDir);
    expectFailure(runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'aMARA', '--name', 'Other', '--password-stdin'], {}, 'another password\n'), 'already an educator called "aMARA"');
    expect(databaseHash(dataDir)).toBe(before);
  });

  it.each([
    [['--password', 'secret-on-argv'], "unknown option '--password'"],
    [['--password=secret-on-argv'], "unknown option '--password'"],
    [[], 'missing --password-stdin'],
  ])('refuses a password that is not on stdin (%j): exit 2, value never echoed, nothing created', (extra, mentions) => {
    const dataDir = path.join(dirs.make(), 'not-created-yet');
    const run = runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'amara', '--name', 'Amara', ...extra], {}, 'secret-on-stdin\n');
    expectUsageError(run, mentions);
    expect(run.stderr).not.toContain('secret-on');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it.each([
    ['', 'read an empty password from stdin'],
    ['\n', 'read an empty password from stdin'],
    ['short\n', 'must have at least 8 characters'],
  ])('refuses the stdin password %j with exit 2 before anything is opened', (stdin, mentions) => {
    const dataDir = path.join(dirs.make(), 'not-created-yet');
    const run = runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'amara', '--name', 'Amara', '--password-stdin'], {}, stdin);
    expectUsageError(run, mentions);
    expect(run.stderr).not.toContain('short');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('a wrong --role exits 2 and changes nothing', () => {
    const dataDir = dirs.make();
    expectOk(runDala(['--data-dir', dataDir, 'classes', 'create', '--name', 'Class 4B']));
    const before = databaseHash(dataDir);
    expectUsageError(runDala(['--data-dir', dataDir, 'educators', 'create', '--username', 'amara', '--name', 'Amara', '--role', 'teacher', '--password-stdin'], {}, `${COACH_PASSWORD}\n`), '--role must be admin or coach');
    expect(databaseHash(dataDir)).toBe(before);
  });
});

describe('dala educators reset-password, disable, enable, assign, unassign', () => {
  it('finds the account by username in any case and changes only what was asked', async () => {
    const dataDir = dirs.make();
    const dala = (args: string[], stdin?: string) => runDala(['--data-dir', dataDir, ...args], {}, stdin);
    expectOk(dala(['educators', 'create', '--username', 'head', '--name', 'Ms Head', '--role', 'admin', '--password-stdin'], `${ADMIN_PASSWORD}\n`));
    expectOk(dala(['educators', 'create', '--username', 'Amara', '--name', 'Amara', '--password-stdin'], `${COACH_PASSWORD}\n`));
    const classId = expectOk(dala(['classes', 'create', '--name', 'Class 4B'])).stdout.trim();

    const reset = expectOk(dala(['educators', 'reset-password', 'AMARA', '--password-stdin'], 'a brand new password\n'));
    expect(reset.stdout).toBe('Set a new password for Amara.\n');
    const hash = passwordHashOf(dataDir, 'Amara');
    expect(await verifySecret('a brand new password', hash)).toBe(true);
    expect(await verifySecret(COACH_PASSWORD, hash)).toBe(false);
    expectUsageError(dala(['educators', 'reset-password', 'amara', '--password', 'x']), "unknown option '--password'");

    expect(expectOk(dala(['educators', 'disable', 'amara'])).stdout).toContain('can no longer sign in');
    expect(listEducators(dataDir).find((e) => e.username === 'Amara')?.disabled).toBe(true);
    expect(expectOk(dala(['educators', 'list'])).stdout).toMatch(/Amara\s+Amara\s+coach\s+disabled/);
    expectOk(dala(['educators', 'enable', 'amara']));
    expect(listEducators(dataDir).find((e) => e.username === 'Amara')?.disabled).toBe(false);
    // The machine must keep an admin who can sign in.
    expectFailure(dala(['educators', 'disable', 'HEAD']), 'last admin');

    expect(expectOk(dala(['educators', 'assign', 'amara', classId])).stdout).toContain(`Amara now coaches class ${classId}`);
    expect(listEducators(dataDir).find((e) => e.username === 'Amara')?.classIds).toEqual([classId]);
    expect(expectOk(dala(['educators', 'list'])).stdout).toMatch(/Amara\s+Amara\s+coach\s+active\s+Class 4B/);
    expectOk(dala(['educators', 'unassign', 'amara', classId]));
    expect(listEducators(dataDir).find((e) => e.username === 'Amara')?.classIds).toEqual([]);
    expectFailure(dala(['educators', 'unassign', 'amara', classId]), 'does not coach class');
    expectFailure(dala(['educators', 'assign', 'amara', 'no-such-class']), 'There is no class with id "no-such-class"');
    expectFailure(dala(['educators', 'disable', 'nobody']), 'There is no educator called "nobody"');
    expectUsageError(dala(['educators', 'assign', 'amara']), 'missing the username U and the CLASS_ID');
    expect(readDatabase(dataDir, (sqlite) => rowCount(sqlite, 'educators'))).toBe(2);
  });
});
