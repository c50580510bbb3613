import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../electron/common/contract';
import { createWindowSession } from '../accounts/window-session';
import { createChannelDispatcher } from '../channels/dispatch';
import type { OpenedDatabase } from '../open';
import { TEST_ADMIN } from '../test-support/accounts';
import { useTempDirs } from '../test-support/temp-database';
import { collectBackupFile, parseBackupFile } from './backup-file';
import { exportProfileFile } from './profile-file';
import { restoreBackup } from './restore';

const dirs = useTempDirs();

function windowOn(database: OpenedDatabase) {
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser' });
  const caller = { kind: 'window', session: createWindowSession() } as const;
  return async <C extends ChannelName>(name: C, input: ChannelInput<C>) => {
    const answer = await dispatcher.dispatch(name, input, caller);
    if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
    return answer.value;
  };
}

const school = (d: OpenedDatabase) =>
  ['educators', 'classes', 'class_members', 'class_coaches', 'learner_secrets', 'settings'].map((t) => d.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());

async function schoolMachine(): Promise<OpenedDatabase> {
  const database = await dirs.open();
  const call = windowOn(database);
  await call('setUpFirstAdmin', TEST_ADMIN);
  await call('createClass', { name: 'Class 4B', id: 'c4b', signInMethod: 'pin' });
  await call('createLearnerProfile', { id: 'ada', displayName: 'Ada', classId: 'c4b' });
  const coach = await call('createEducator', { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' });
  await call('assignCoach', { educatorId: coach.id, classId: 'c4b' });
  await call('setLearnerSecret', { learnerId: 'ada', secret: { kind: 'pin', pin: '2468' } });
  await call('updateSettings', { learnerSelfSignUp: false });
  return database;
}

describe('full backups carry the school, profile files do not', () => {
  it('a backup restored into an empty machine brings back the accounts (same hashes), classes, members, coaches, secrets and settings', async () => {
    const source = await schoolMachine();
    const { content } = collectBackupFile(source.sqlite, {}, 'test', new Date().toISOString());
    expect(parseBackupFile(content).school?.educators).toHaveLength(2);
    const target = dirs.track(await dirs.open());
    const report = await restoreBackup(target, content, { replace: false, dryRun: false, source: 'b.json' });
    expect(report.school).toEqual({ educators: 2, classes: 1, memberships: 1, coaches: 1, learnerSecrets: 1, settings: 1 });
    expect(school(target)).toEqual(school(source));
    // The restored password works on the new machine.
    expect(await windowOn(target)('unlockEducator', { username: 'mr.banda', password: 'coach password 1' })).toMatchObject({ role: 'coach' });
  });

  it('restoring the same backup again changes nothing; a newer local change is kept over the backup\'s older row', async () => {
    const source = await schoolMachine();
    const { content } = collectBackupFile(source.sqlite, {}, 'test', new Date().toISOString());
    const call = windowOn(source);
    await call('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await call('renameClass', { classId: 'c4b', name: 'Class 4B (Room 2)' });
    const report = await restoreBackup(source, content, { replace: false, dryRun: false, source: 'b.json' });
    expect(report.school).toEqual({ educators: 0, classes: 0, memberships: 0, coaches: 0, learnerSecrets: 0, settings: 0 });
    expect(source.sqlite.prepare("SELECT name FROM classes WHERE id = 'c4b'").get()).toEqual({ name: 'Class 4B (Room 2)' });
  });

  it('with replace, the school becomes the backup\'s: an account made since is gone', async () => {
    const source = await schoolMachine();
    const { content } = collectBackupFile(source.sqlite, {}, 'test', new Date().toISOString());
    const before = school(source);
    const call = windowOn(source);
    await call('unlockEducator', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await call('createEducator', { username: 'later', displayName: 'Later', role: 'coach', password: 'later password' });
    await restoreBackup(source, content, { replace: true, dryRun: false, source: 'b.json' });
    expect(school(source)).toEqual(before);
  });

  it('a profile file holds no account, class, secret or setting', async () => {
    const source = await schoolMachine();
    const text = exportProfileFile(source.sqlite, 'ada', 'test');
    for (const word of ['scrypt', 'mr.banda', 'c4b', 'passwordHash', 'secret', 'learnerSelfSignUp']) expect(text, word).not.toContain(word);
  });
});
