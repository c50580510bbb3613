import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { OpenedDatabase } from '../database/open';
import { openDatabase } from '../database/open';
import { profileChannelCaller } from '../database/test-support/channel-caller';
import { unsealCredential } from '../database/sync/credential';
import { enrolInSchoolHub } from '../database/sync/enrolment';
import { createHubClient } from '../database/sync/hub-client';
import { pushOutbox } from '../database/sync/push-outbox';
import { readSyncState } from '../database/sync/sync-state';
import { runSync } from '../database/sync/sync-run';
import { MAX_PUSH_OPERATIONS } from '../electron/common/sync/hub-protocol';
import { openHubAdministration } from '../hub/store/hub-administration';
import type { HubAdministration } from '../hub/store/hub-store';
import { ensureBuilt, serveHub } from '../hub/cli/test-support/hub-process';
import { startThrowawayCluster } from '../hub/test-support/pg-cluster';
import { makeLearners, rawBulkInsert, rawInsertPlan } from './data';
import { openRaw } from './db';
import { result, type BenchResult } from './report';
import type { BenchSizes } from './sizes';
import { collectGarbage, median, now, sleep } from './timing';

/**
 * The school hub (`--only=sync`): a throwaway PostgreSQL cluster, `dala hub serve` in its own process over HTTP on loopback,
 * and lab machines as real data dirs.
 * - push: a machine with the school's learners enrols (its whole data queued) and pushes it all,
 *   the way its sync does (outbox batches of 500, HTTP, one hub transaction per batch);
 * - pull: a second, empty machine pulls it all and merges it with the profile-import laws;
 * - raw: `INSERT … ON CONFLICT` of the same operations, 500 to a statement, into a plain table of
 *   the same PostgreSQL, no hub and no merge;
 * - latency: machines sync in a loop while changes are made on random ones; the p95 time until
 *   each other machine has a change.
 */

interface Machine {
  dataDir: string;
  database: OpenedDatabase;
}

async function enrolledMachine(root: string, name: string, hubUrl: string, code: string): Promise<Machine> {
  const dataDir = path.join(root, name);
  const database = await openDatabase({ dataDir });
  await enrolInSchoolHub({ sqlite: database.sqlite, dataDir, now: () => new Date().toISOString() }, { hubUrl, code, machineName: name });
  return { dataDir, database };
}

/** What a machine's sync does to push (database/sync/push-outbox.ts), without the pull that follows it. */
async function pushAll(machine: Machine, hubUrl: string): Promise<number> {
  const state = readSyncState(machine.database.sqlite);
  const credential = state && unsealCredential(machine.dataDir, state.credentialSealed);
  if (!state || !credential) throw new Error('the bench machine has no credential');
  return pushOutbox(machine.database.sqlite, createHubClient({ hubUrl, credential }), state.machineId);
}

/** Each change table's record fields as PostgreSQL columns, and the key its rows are unique by. */
const RAW_TABLES: Record<string, { key: string[]; columns: Array<[string, string]> }> = {
  learner: { key: ['id'], columns: [['id', 'text'], ['displayName', 'text'], ['createdAt', 'text'], ['lastUpdatedAt', 'text']] },
  preferences: { key: ['learner_id', 'category'], columns: [['category', 'text'], ['value', 'text'], ['timestamp', 'text'], ['deletedAt', 'text']] },
  interests: { key: ['learner_id', 'interestName'], columns: [['interestName', 'text'], ['timestamp', 'text'], ['deletedAt', 'text']] },
  struggles: { key: ['learner_id', 'struggleDescription'], columns: [['struggleDescription', 'text'], ['timestamp', 'text'], ['deletedAt', 'text']] },
  cognitiveMetrics: { key: ['learner_id', 'taskName'], columns: [['taskName', 'text'], ['metricDetails', 'json'], ['timestamp', 'text']] },
  loProgress: {
    key: ['learner_id', 'loId'],
    columns: [['loId', 'text'], ['status', 'text'], ['startedAt', 'text'], ['completedAt', 'text'], ['score', 'float8'], ['details', 'json']],
  },
  badges: { key: ['learner_id', 'badgeId'], columns: [['badgeId', 'text'], ['badgeName', 'text'], ['earnedDate', 'text'], ['details', 'json']] },
  activityAttempts: {
    key: ['attemptUid'],
    columns: [['attemptUid', 'text'], ['loId', 'text'], ['activityId', 'text'], ['activityType', 'text'], ['attemptTimestamp', 'text'], ['score', 'float8'], ['completed', 'boolean'], ['attemptDetails', 'json']],
  },
};

/**
 * The raw side: the same rows, with their columns, upserted 500 to a statement (`INSERT … SELECT
 * FROM json_to_recordset … ON CONFLICT (key) DO UPDATE`) into plain tables keyed like the hub's,
 * without row-level security, merge laws, sequence numbers or HTTP.
 */
async function rawUpsert(url: string, operations: ReadonlyArray<{ table: string; learnerId: string; payload: string }>, schoolId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statements = new Map<string, string>();
    for (const [table, { key, columns }] of Object.entries(RAW_TABLES)) {
      const all: Array<[string, string]> = [['learner_id', 'text'], ...columns.filter(([c]) => c !== 'learner_id')];
      const q = (c: string) => `"${c}"`;
      await client.query(`DROP TABLE IF EXISTS raw_${table}`);
      await client.query(`CREATE TABLE raw_${table} (school_id uuid, ${all.map(([c, t]) => `${q(c)} ${t}`).join(', ')}, PRIMARY KEY (school_id, ${key.map(q).join(', ')}))`);
      const keySet = new Set(key);
      statements.set(
        table,
        `INSERT INTO raw_${table} SELECT $1::uuid, ${all.map(([c]) => `r.${q(c)}`).join(', ')} FROM json_to_recordset($2::json) AS r(${all.map(([c, t]) => `${q(c)} ${t}`).join(', ')})
         ON CONFLICT (school_id, ${key.map(q).join(', ')}) DO UPDATE SET ${all.filter(([c]) => !keySet.has(c)).map(([c]) => `${q(c)} = EXCLUDED.${q(c)}`).join(', ')}`,
      );
    }
    const byTable = new Map<string, unknown[]>();
    for (const o of operations) {
      const rows = byTable.get(o.table) ?? [];
      byTable.set(o.table, rows);
      rows.push({ learner_id: o.learnerId, ...(JSON.parse(o.payload) as object) });
    }
    const start = now();
    for (const [table, rows] of byTable) {
      for (let i = 0; i < rows.length; i += MAX_PUSH_OPERATIONS) await client.query(statements.get(table)!, [schoolId, JSON.stringify(rows.slice(i, i + MAX_PUSH_OPERATIONS))]);
    }
    const ms = now() - start;
    for (const table of Object.keys(RAW_TABLES)) await client.query(`DROP TABLE raw_${table}`);
    return ms;
  } finally {
    await client.end();
  }
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/** Machines syncing in a loop; changes made on random ones; how long until each other machine has each. */
async function measureSeeLatency(machines: Machine[], changes: number): Promise<number[]> {
  const learnerId = 'bench-latency-learner';
  profileChannelCaller({ sqlite: machines[0]!.database.sqlite, db: machines[0]!.database.db, now: () => new Date().toISOString() }).createLearnerProfile({ id: learnerId, displayName: 'Latency' });
  for (const m of machines) await runSync({ sqlite: m.database.sqlite, dataDir: m.dataDir });
  const made = new Map<string, { at: number; by: number; seen: Set<number> }>();
  const latencies: number[] = [];
  let running = true;
  const loops = machines.map(async (m, index) => {
    while (running) {
      await runSync({ sqlite: m.database.sqlite, dataDir: m.dataDir });
      const seenAt = now();
      for (const [uid, change] of made) {
        if (change.by === index || change.seen.has(index)) continue;
        if (m.database.sqlite.prepare('SELECT 1 FROM activity_attempts WHERE attempt_uid = ?').get(uid)) {
          change.seen.add(index);
          latencies.push(seenAt - change.at);
        }
      }
      await sleep(50 + Math.random() * 200);
    }
  });
  for (let k = 0; k < changes; k++) {
    await sleep(300);
    const by = Math.floor(Math.random() * machines.length);
    const m = machines[by]!;
    const attempt = profileChannelCaller({ sqlite: m.database.sqlite, db: m.database.db, now: () => new Date().toISOString() }).addActivityAttempt({
      learnerId,
      loId: 'lo-latency',
      activityId: 'quiz',
      activityType: 'quiz',
      score: 1,
      completed: true,
    });
    made.set(attempt.attempt.attemptUid, { at: now(), by, seen: new Set() });
  }
  const deadline = now() + 60_000;
  while ([...made.values()].some((c) => c.seen.size < machines.length - 1) && now() < deadline) await sleep(100);
  running = false;
  await Promise.all(loops);
  return latencies;
}

interface TransferRun {
  pushed: number;
  pulled: number;
  pushMs: number;
  pullMs: number;
  rawMs: number;
}

/**
 * One repetition in a school of its own: machine A (a copy of the seeded data dir) enrols and
 * pushes everything; the raw upsert of the same operations follows at once; an empty machine B
 * pulls it all. Returns the machines for the latency run.
 */
async function transferOnce(root: string, seedDir: string, hub: { url: string }, admin: HubAdministration, clusterUrl: string, repetition: number): Promise<{ run: TransferRun; machines: Machine[] }> {
  const school = await admin.createSchool(`Bench school ${repetition}`);
  const sourceDir = path.join(root, `lab-a-${repetition}`);
  fs.cpSync(seedDir, sourceDir, { recursive: true });
  const a = await enrolledMachine(root, `lab-a-${repetition}`, hub.url, school.enrolmentCode);
  const b = await enrolledMachine(root, `lab-b-${repetition}`, hub.url, school.enrolmentCode);
  const operations = a.database.sqlite.prepare('SELECT op_id AS opId, table_name AS "table", learner_id AS learnerId, payload FROM sync_operations ORDER BY seq').all() as Array<{
    opId: string;
    table: string;
    learnerId: string;
    payload: string;
  }>;
  collectGarbage();
  let start = now();
  const pushed = await pushAll(a, hub.url);
  const pushMs = now() - start;
  const rawMs = await rawUpsert(clusterUrl, operations, school.schoolId);
  collectGarbage();
  start = now();
  const pull = await runSync({ sqlite: b.database.sqlite, dataDir: b.dataDir });
  const pullMs = now() - start;
  if (pull.status.state !== 'up_to_date') throw new Error(`the pulling machine ended ${pull.status.state}: ${pull.status.message ?? ''}`);
  return { run: { pushed, pulled: pull.pulled, pushMs, pullMs, rawMs }, machines: [a, b] };
}

export async function measureSync(sizes: BenchSizes, log: (line: string) => void): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-bench-sync-'));
  const cluster = await startThrowawayCluster();
  const admin = await openHubAdministration(cluster.ownerUrl);
  // The hub in a process of its own, as `dala hub serve` runs on a school server: its work and the
  // machine's do not share one event loop.
  ensureBuilt();
  const hub = await serveHub(['--log-level', 'warn'], { DALA_HUB_DATABASE_URL: cluster.appUrl });
  const machines: Machine[] = [];
  try {
    // The school's learners in a data dir that each repetition's machine A starts from.
    const seedDir = path.join(root, 'seed');
    (await openDatabase({ dataDir: seedDir })).close();
    const raw = openRaw(seedDir);
    rawBulkInsert(raw, rawInsertPlan(makeLearners(sizes.syncLearners, { attempts: sizes.attemptsPerLearner, objectives: sizes.objectivesPerLearner }, 41)));
    raw.close();
    const runs: TransferRun[] = [];
    for (let r = 0; r < sizes.syncRepetitions; r++) {
      const { run, machines: pair } = await transferOnce(root, seedDir, hub, admin, cluster.ownerUrl, r);
      runs.push(run);
      for (const m of pair) m.database.close();
    }
    const { pushed, pulled } = runs[0] as TransferRun;
    log(`  sync: ${pushed} operations pushed and pulled, ${runs.length} times`);

    const school = await admin.createSchool('Bench latency school');
    for (let i = 0; i < sizes.syncMachines; i++) machines.push(await enrolledMachine(root, `lab-${i + 1}`, hub.url, school.enrolmentCode));
    const latencies = await measureSeeLatency(machines, sizes.syncLatencyChanges);

    // Each repetition's ratio to the raw upsert made right after its push; the median of those.
    const rawRate = (pushed / median(runs.map((r) => r.rawMs))) * 1000;
    const paired = (ms: (r: TransferRun) => number) => median(runs.map((r) => r.rawMs / ms(r)));
    return [
      result(`hub push (${pushed} rows over HTTP, median of ${runs.length})`, (pushed / median(runs.map((r) => r.pushMs))) * 1000, rawRate, 'rows/s', { kind: 'ratio-at-least', limit: 0.3 }, paired((r) => r.pushMs)),
      result(`hub pull + merge (${pulled} rows, median of ${runs.length})`, (pulled / median(runs.map((r) => r.pullMs))) * 1000, rawRate, 'rows/s', { kind: 'ratio-at-least', limit: 0.3 }, paired((r) => r.pullMs)),
      result(`change seen elsewhere, p95 (${machines.length} machines syncing)`, p95(latencies), null, 'ms', { kind: 'reported' }),
    ];
  } finally {
    for (const m of machines) m.database.close();
    hub.child.kill('SIGTERM');
    await hub.exited;
    await admin.close();
    await cluster.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
