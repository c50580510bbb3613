import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type RunningHub } from '../hub/server/hub-server';
import { useHubCluster } from '../hub/test-support/hub-fixture';
import { openLabMachine } from './support/sync-machines';

/**
 * A machine whose clock is behind writes a version that loses to one it has already pulled (a
 * tie at the same time, decided by the rows' canonical order). The hub keeps the winner and sends
 * it again, so the machine behind does not keep its own losing version for ever.
 */

const hub = useHubCluster();
let server: RunningHub;
let root: string;
beforeAll(async () => {
  server = await startHubServer({ store: hub.store, port: 0 });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-clock-behind-'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('school hub: a machine with its clock behind', () => {
  it('ends like the others when its change loses to one it had already pulled', async () => {
    const school = await hub.newSchool('Clock school');
    const ahead = await openLabMachine(path.join(root, 'ahead'), 'ahead', server.url, school.enrolmentCode, '2026-03-02T10:00:00.000Z');
    const behind = await openLabMachine(path.join(root, 'behind'), 'behind', server.url, school.enrolmentCode, '2026-03-02T09:00:00.000Z');
    try {
      ahead.manager.createLearnerProfile({ id: 'ada', displayName: 'Ada' });
      ahead.manager.addInterest({ learnerId: 'ada', interestName: 'Space' });
      await ahead.sync();
      await behind.sync();
      expect(behind.profiles()).toEqual(ahead.profiles());
      // The removal takes the interest's own time (its clock is an hour behind): a tie the removal
      // loses ('"deletedAt":null' sorts after '"deletedAt":"…"').
      behind.manager.removeInterest({ learnerId: 'ada', interestName: 'Space' });
      await behind.sync();
      await ahead.sync();
      await behind.sync();
      expect(behind.profiles()).toEqual(ahead.profiles());
      expect(behind.database.sqlite.prepare("SELECT deleted_at AS deletedAt FROM interests WHERE learner_id = 'ada'").get()).toEqual({ deletedAt: null });
    } finally {
      ahead.database.close();
      behind.database.close();
    }
  });
});
