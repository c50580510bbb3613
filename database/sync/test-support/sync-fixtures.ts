import type Database from 'better-sqlite3';
import type { FakeHub } from './fake-hub';
import { openManager, testClock, type ManagerFixture, type TempDirs, type TestClock } from '../../test-support/temp-database';
import { enrolInSchoolHub } from '../enrolment';
import { runSync } from '../sync-run';
import type { SyncRunView } from '../../../electron/common/sync/sync-views';

/** Shared setup of the sync tests: machines (real SQLite files) enrolled in a fake hub. */

export interface Machine extends ManagerFixture {
  dataDir: string;
  sync(): Promise<SyncRunView>;
}

export interface QueuedOperation {
  seq: number;
  opId: string;
  table: string;
  learnerId: string;
  row: Record<string, unknown>;
}

/** A migrated database with a manager on a test clock; not enrolled. */
export async function machine(dirs: TempDirs, hub?: FakeHub, clock: TestClock = testClock()): Promise<Machine> {
  const fixture = await openManager(dirs, clock);
  const dataDir = fixture.database.dataDir;
  const self: Machine = {
    ...fixture,
    dataDir,
    sync: () => runSync({ sqlite: fixture.sqlite, dataDir, now: clock, timeoutMs: 2_000 }),
  };
  if (hub) await enrol(self, hub);
  return self;
}

export function enrol(m: Machine, hub: FakeHub, machineName = 'lab-pc-01') {
  return enrolInSchoolHub({ sqlite: m.sqlite, dataDir: m.dataDir, now: m.clock, timeoutMs: 2_000 }, { hubUrl: hub.url, code: hub.code, machineName });
}

/** The outbox, oldest first, payloads parsed. */
export function queued(sqlite: Database.Database): QueuedOperation[] {
  const rows = sqlite.prepare('SELECT seq, op_id AS opId, table_name AS "table", learner_id AS learnerId, payload FROM sync_operations ORDER BY seq').all() as Array<
    Omit<QueuedOperation, 'row'> & { payload: string }
  >;
  return rows.map(({ payload, ...r }) => ({ ...r, row: JSON.parse(payload) as Record<string, unknown> }));
}

export const clearOutbox = (sqlite: Database.Database): void => void sqlite.prepare('DELETE FROM sync_operations').run();
