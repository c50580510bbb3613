import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database/open';
import { testManager } from '../database/test-support/channel-caller';
import { runDala, type DalaRun } from '../database/test-support/temp-database';
import { ensureBuilt, serveHub, type ServingHub } from '../hub/cli/test-support/hub-process';
import { useHubCluster } from '../hub/test-support/hub-fixture';
import { profilesOf } from './support/sync-machines';

/**
 * The "done when", as an IT person and teachers would do it: a hub started with
 * `dala hub serve`, data dirs enrolled with `dala sync enroll`, synced with `dala sync now`, and
 * the learner worked on by the app's own persistence manager in each data dir in between.
 */

const hub = useHubCluster();
let serving: ServingHub;
let root: string;

beforeAll(async () => {
  ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-hub-done-'));
  serving = await serveHub([], { DALA_HUB_DATABASE_URL: hub.cluster.appUrl });
}, 180_000);

afterAll(async () => {
  serving?.child.kill('SIGTERM');
  await serving?.exited;
  fs.rmSync(root, { recursive: true, force: true });
}, 60_000);

const ok = (run: DalaRun): DalaRun => {
  if (run.status !== 0) throw new Error(`dala exited ${run.status}: ${run.stderr}${run.stdout}`);
  return run;
};
const dala = (dataDir: string, ...args: string[]) => ok(runDala(['--data-dir', dataDir, ...args]));
const syncNow = (dataDir: string) => JSON.parse(dala(dataDir, 'sync', 'now', '--json').stdout) as { pushed: number; pulled: number; state: string };

/** Work in a data dir through the app's own persistence manager, as the app would do it. */
async function work(dataDir: string, change: (manager: ReturnType<typeof testManager>) => void): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    change(testManager(database));
  } finally {
    database.close();
  }
}

async function profiles(dataDir: string): Promise<Map<string, string>> {
  const database = await openDatabase({ dataDir });
  try {
    return profilesOf(database.sqlite);
  } finally {
    database.close();
  }
}

describe('school hub: two lab machines of one school, and one of another', () => {
  it(
    'a learner made in A appears whole in B; both work offline and end identical; another school sees nothing',
    async () => {
      const north = await hub.admin.createSchool('North Primary');
      const south = await hub.admin.createSchool('South Primary');
      const [a, b, c] = ['lab-a', 'lab-b', 'lab-c'].map((n) => path.join(root, n)) as [string, string, string];
      dala(a, 'sync', 'enroll', '--hub', serving.url, '--code', north.enrolmentCode, '--name', 'lab-a');
      dala(b, 'sync', 'enroll', '--hub', serving.url, '--code', north.enrolmentCode, '--name', 'lab-b');
      dala(c, 'sync', 'enroll', '--hub', serving.url, '--code', south.enrolmentCode, '--name', 'lab-c');

      const learnerId = JSON.parse(dala(a, 'learners', 'create', '--name', 'Amara', '--json').stdout).id as string;
      await work(a, (m) => {
        m.addInterest({ learnerId, interestName: 'space' });
        m.addStruggle({ learnerId, struggleDescription: 'fractions' });
        m.addOrUpdatePreference({ learnerId, category: 'hint-style', value: 'pictures' });
        m.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory-match', metricDetails: { level: 3 } });
        m.addOrUpdateLoProgress({ learnerId, loId: 'lo-fractions', status: 'in_progress', score: 0.5 });
        m.addActivityAttempt({ learnerId, loId: 'lo-fractions', activityId: 'quiz-1', activityType: 'quiz', score: 0.5, completed: true });
        m.addBadgeRecord({ learnerId, badgeId: 'first-steps', badgeName: 'First steps' });
      });
      expect(JSON.parse(dala(a, 'sync', 'status', '--json').stdout)).toMatchObject({ hub: serving.url, schoolId: north.schoolId });
      expect(syncNow(a).pushed).toBeGreaterThan(7);
      expect(syncNow(b).pulled).toBeGreaterThan(7);
      expect(await profiles(b)).toEqual(await profiles(a));

      // Both work offline on the same learner (no sync in between), then sync.
      await work(a, (m) => {
        m.addInterest({ learnerId, interestName: 'dinosaurs' });
        m.addOrUpdateLoProgress({ learnerId, loId: 'lo-fractions', status: 'completed', score: 0.75 });
        m.addActivityAttempt({ learnerId, loId: 'lo-fractions', activityId: 'quiz-2', activityType: 'quiz', score: 0.75, completed: true });
      });
      await work(b, (m) => {
        m.removeInterest({ learnerId, interestName: 'space' });
        m.addOrUpdateLoProgress({ learnerId, loId: 'lo-reading', status: 'in_progress' });
        m.addActivityAttempt({ learnerId, loId: 'lo-reading', activityId: 'story-1', activityType: 'game', score: 1, completed: true });
      });
      syncNow(a);
      syncNow(b);
      syncNow(a);
      const inA = await profiles(a);
      expect(await profiles(b)).toEqual(inA);
      const amara = JSON.parse(inA.get(learnerId)!) as { records: { interests: Array<{ interestName: string; deletedAt: string | null }>; activityAttempts: unknown[]; loProgress: Array<{ loId: string; status: string }> } };
      expect(amara.records.activityAttempts).toHaveLength(3);
      expect(amara.records.interests.find((i) => i.interestName === 'space')?.deletedAt).not.toBeNull();
      expect(amara.records.interests.find((i) => i.interestName === 'dinosaurs')?.deletedAt).toBeNull();
      expect(amara.records.loProgress.map((p) => [p.loId, p.status])).toEqual([
        ['lo-fractions', 'completed'],
        // B's completed attempt completed it (recording an attempt moves progress on).
        ['lo-reading', 'completed'],
      ]);
      expect(JSON.parse(dala(b, 'sync', 'status', '--json').stdout)).toMatchObject({ pending: 0 });

      // The other school's machine sees none of it.
      expect(syncNow(c)).toMatchObject({ pulled: 0 });
      expect((await profiles(c)).size).toBe(0);
    },
    240_000,
  );
});
