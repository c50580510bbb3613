import Database from 'better-sqlite3';
import { databasePath } from '../../database/data-dir';
import { startHost, type RunningHost } from '../../e2e/support/app-host';
import { benchUuid } from '../data';
import { inspect, rowCount } from './db-state';
import type { DrillResult } from './report';

/**
 * Two browser hosts (two real dala-host processes, two SQLite connections) on one data folder,
 * both written to at once through their HTTP API while one of them also restores a backup (a
 * long write transaction), then while a third program holds the write lock past the hosts' wait. Every write must either succeed or be refused with a typed `storage`
 * error (the database was busy); afterwards the file passes integrity_check and
 * foreign_key_check, and every table holds exactly what the successful writes put there.
 */

interface Api {
  host: RunningHost;
  token: string;
}

async function call(api: Api, channel: string, payload: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${api.host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export async function twoHostsDrill(dataDir: string, existingLearners: string[], backupContent: string, backupCounts: { learners: number; attempts: number }, writesPerHost: number): Promise<DrillResult> {
  const losses: string[] = [];
  const learnersBefore = rowCount(dataDir, 'learner_profiles');
  const attemptsBefore = rowCount(dataDir, 'activity_attempts');
  const hosts: Api[] = [];
  let created = 0;
  let recorded = 0;
  let busy = 0;
  let restored = false;
  let tried = 0;
  try {
    for (let i = 0; i < 2; i++) {
      const host = await startHost(dataDir);
      hosts.push({ host, token: new URL(host.url).searchParams.get('token') ?? '' });
    }
    const [a, b] = hosts as [Api, Api];

    // Host A restores a backup of other learners while both hosts take writes.
    tried++;
    const restore = (async () => {
      const started = await call(a, 'startRestore', { content: backupContent, fileName: 'drill.json', replace: false, dryRun: false });
      const jobId = (started.body as { ok: boolean; value?: { jobId: string } }).value?.jobId;
      if (!jobId) {
        losses.push(`startRestore was refused: ${JSON.stringify(started.body).slice(0, 200)}`);
        return;
      }
      for (let n = 0; n < 3_000; n++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const status = (await call(a, 'getJobStatus', { jobId })).body as { value?: { state: string; error?: { code: string; message: string } } };
        const state = status.value?.state;
        if (state === 'done') {
          restored = true;
          return;
        }
        if (state === 'failed') {
          // A restore may lose the race for the write lock; that must be a typed storage error.
          if (status.value?.error?.code !== 'storage') losses.push(`the restore failed with ${JSON.stringify(status.value?.error)}`);
          else busy++;
          return;
        }
      }
      losses.push('the restore did not finish');
    })();

    const write = async (api: Api, which: number, i: number) => {
      tried++;
      const create = i % 2 === 0;
      const busyMessage = (m: string | undefined) => /busy/i.test(m ?? '');
      const answer = create
        ? await call(api, 'createLearnerProfile', { displayName: `Drill ${which}-${i}`, id: `drill-${which}-${i}` })
        : await call(api, 'addActivityAttempt', {
            learnerId: existingLearners[i % existingLearners.length],
            loId: 'MATH_LO_001',
            activityId: 'math_001_quiz_a',
            activityType: 'quiz',
            score: 0.5,
            completed: true,
            attemptUid: benchUuid(0xd00d + which, i),
          });
      const body = answer.body as { ok?: boolean; error?: { code?: string; message?: string } };
      if (answer.status === 200 && body.ok === true) {
        if (create) created++;
        else recorded++;
      } else if (answer.status === 200 && body.ok === false && body.error?.code === 'storage' && busyMessage(body.error.message)) busy++;
      else losses.push(`host ${which} write ${i}: HTTP ${answer.status} ${JSON.stringify(body).slice(0, 200)}`);
    };
    // Each host serialises its own calls; both hosts compete for the file. Bursts of 8 at a time.
    for (let i = 0; i < writesPerHost; i += 8) {
      const burst: Promise<void>[] = [];
      for (let k = i; k < Math.min(i + 8, writesPerHost); k++) burst.push(write(a, 1, k), write(b, 2, k));
      await Promise.all(burst);
    }
    await restore;

    // A third program holds the write lock for longer than the hosts wait (busy_timeout, 5 s):
    // the first write on each host must come back as a typed storage error, the next succeed.
    const locker = new Database(databasePath(dataDir));
    locker.pragma('busy_timeout = 10000');
    locker.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        locker.exec('ROLLBACK');
        locker.close();
        resolve();
      }, 6_000),
    );
    const before = busy;
    await Promise.all([write(a, 1, writesPerHost), write(a, 1, writesPerHost + 1), write(b, 2, writesPerHost), write(b, 2, writesPerHost + 1)]);
    await released;
    if (busy === before) losses.push('no write was refused while another program held the database: the busy path was not exercised');
  } finally {
    for (const api of hosts) await api.host.stop();
  }
  const state = inspect(dataDir);
  if (state.integrity !== 'ok') losses.push(`integrity_check: ${state.integrity}`);
  if (state.foreignKeys > 0) losses.push(`${state.foreignKeys} foreign_key_check problems`);
  const expectLearners = learnersBefore + created + (restored ? backupCounts.learners : 0);
  const expectAttempts = attemptsBefore + recorded + (restored ? backupCounts.attempts : 0);
  const learners = rowCount(dataDir, 'learner_profiles');
  const attempts = rowCount(dataDir, 'activity_attempts');
  if (learners !== expectLearners) losses.push(`${learners} learners, expected ${expectLearners} (${created} created)`);
  if (attempts !== expectAttempts) losses.push(`${attempts} attempts, expected ${expectAttempts} (${recorded} recorded)`);
  return {
    name: 'two hosts writing to one data folder (one restoring a backup; then a third program holding the lock)',
    tried,
    losses,
    detail: `${created + recorded} writes succeeded, ${busy} refused as busy (typed storage error); restore ${restored ? 'completed' : 'refused'}; integrity ok, row counts = successful writes`,
  };
}
