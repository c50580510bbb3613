import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listAutomaticBackups } from '../database/backups/automatic-backups';
import { TEST_ADMIN } from '../database/test-support/accounts';
import type { ChannelResult } from '../electron/common/contract';
import type { BrowserHost } from './server';
import { apiRequest, useTempHosts } from './test-support/host-fixture';

const hosts = useTempHosts();

async function ok<T>(host: BrowserHost, channel: string, payload: unknown): Promise<T> {
  const answer = JSON.parse((await apiRequest(host, channel, payload)).text) as ChannelResult<T>;
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

describe('automatic backups of the browser host', () => {
  it('stopping a host that saved something leaves a verified copy, and restoring it brings the data back', async () => {
    const { host, dataDir } = await hosts.start({ automaticBackups: true });
    await ok(host, 'createLearnerProfile', { displayName: 'Ada', id: 'ada' });
    await host.close();
    const [copy] = listAutomaticBackups(path.join(dataDir, 'backups'));
    expect(copy).toBeDefined();
    const opened = new Database(copy!.path, { readonly: true });
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    opened.close();

    const again = await hosts.start({ automaticBackups: true, dataDir });
    await ok(again.host, 'setUpFirstAdmin', TEST_ADMIN);
    await ok(again.host, 'deleteLearnerProfile', { learnerId: 'ada' });
    expect(await ok(again.host, 'listAutomaticBackups', {})).toEqual([expect.objectContaining({ id: copy!.id })]);
    expect(await ok(again.host, 'getAutomaticBackupStatus', {})).toMatchObject({ enabled: true, lastCopy: { id: copy!.id }, lastFailure: null });
    await ok(again.host, 'restoreAutomaticBackup', { backupId: copy!.id });
    expect((await ok<Array<{ id: string }>>(again.host, 'listLearners', {})).map((l) => l.id)).toEqual(['ada']);
  });
});
