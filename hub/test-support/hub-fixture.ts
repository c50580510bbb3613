import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { SyncChange, SyncOperation } from '../../electron/common/sync/hub-protocol';
import { openHubAdministration } from '../store/hub-administration';
import type { HubAdministration, HubStore, MachineIdentity } from '../store/hub-store';
import { openHubStore } from '../store/open-hub-store';
import { startThrowawayCluster, type ThrowawayCluster } from './pg-cluster';

/**
 * One throwaway cluster per test file (starting one takes seconds), with the serving store and
 * the administration open on it; each test makes its own school, so tests never see each other.
 */

export interface EnrolledMachine extends MachineIdentity {
  credential: string;
}

export interface TestSchool {
  schoolId: string;
  enrolmentCode: string;
  /** Enrols another machine of this school. */
  enrol(name?: string): Promise<EnrolledMachine>;
}

export interface HubFixture {
  readonly cluster: ThrowawayCluster;
  readonly store: HubStore;
  readonly admin: HubAdministration;
  newSchool(name?: string): Promise<TestSchool>;
}

export function useHubCluster(): HubFixture {
  let cluster: ThrowawayCluster | undefined;
  let store: HubStore | undefined;
  let admin: HubAdministration | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useHubCluster(): the cluster is not started (use it inside a test).');
    return value;
  };

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    admin = await openHubAdministration(cluster.ownerUrl);
    store = await openHubStore(cluster.appUrl);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await admin?.close();
    await cluster?.stop();
  }, 60_000);

  return {
    get cluster() {
      return need(cluster);
    },
    get store() {
      return need(store);
    },
    get admin() {
      return need(admin);
    },
    async newSchool(name = 'Test school') {
      const created = await need(admin).createSchool(name);
      return {
        schoolId: created.schoolId,
        enrolmentCode: created.enrolmentCode,
        async enrol(machineName = 'lab-pc') {
          const enrolled = await need(store).enrolMachine({ code: created.enrolmentCode, machineName });
          return { machineId: enrolled.machineId, schoolId: enrolled.schoolId, credential: enrolled.credential };
        },
      };
    },
  };
}

/** A change as one operation, with a fresh operation id. */
export const op = (change: SyncChange): SyncOperation => ({ opId: randomUUID(), change });

export const learnerChange = (learnerId: string, at = '2026-01-01T00:00:00.000Z', displayName = `Pupil ${learnerId}`): SyncChange => ({
  table: 'learner',
  learnerId,
  row: { id: learnerId, displayName, createdAt: at, lastUpdatedAt: at },
});

export const preferenceChange = (learnerId: string, category: string, value: string, timestamp: string, deletedAt: string | null = null): SyncChange =>
  ({ table: 'preferences', learnerId, row: { category, value, timestamp, deletedAt } }) as SyncChange;
