import { invokeChannel } from './dispatch';
import type { FullLearnerProfile } from '../electron/common/profile';
import { assertSamePragmas, openApp, openRaw } from './db';
import { result, type BenchResult } from './report';
import type { BenchEnv } from './setup';
import { collectGarbage, median, now } from './timing';

/**
 * The SELECTs the full profile needs, prepared once, returning rows as arrays (no per-row object
 * with column names): the fastest way to get the rows out of SQLite in Node.
 */
const RAW_SELECTS = [
  'SELECT id, display_name, created_at, last_updated_at FROM learner_profiles WHERE id = ?',
  'SELECT category, value, timestamp FROM preferences WHERE learner_id = ? AND deleted_at IS NULL ORDER BY timestamp, id',
  'SELECT interest_name, timestamp FROM interests WHERE learner_id = ? AND deleted_at IS NULL ORDER BY timestamp, id',
  'SELECT struggle_description, timestamp FROM struggles WHERE learner_id = ? AND deleted_at IS NULL ORDER BY timestamp, id',
  'SELECT task_name, metric_details, timestamp FROM cognitive_metrics WHERE learner_id = ? ORDER BY timestamp, id',
  'SELECT lo_id, status, started_at, completed_at, score, details FROM learning_objective_progress WHERE learner_id = ? ORDER BY lo_id',
  'SELECT badge_id, badge_name, earned_date, details FROM badges WHERE learner_id = ? ORDER BY earned_date, badge_id',
  `SELECT attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details
   FROM activity_attempts WHERE learner_id = ? ORDER BY attempt_timestamp DESC, attempt_uid DESC`,
];

/** getFullLearnerProfileData through invokeChannel vs the same SELECTs, raw, in one read transaction each. */
export async function measureProfileLoad(env: BenchEnv): Promise<BenchResult> {
  const dir = env.copy(env.profileDir, 'load');
  const app = await openApp(dir);
  const raw = openRaw(dir);
  try {
    assertSamePragmas(app.database.sqlite, raw);
    const learnerId = env.heavy.learner.id;
    const statements = RAW_SELECTS.map((sql) => raw.prepare(sql).raw(true));
    const rawLoad = raw.transaction(() => statements.map((s) => s.all(learnerId)));
    const ours = async () => {
      const start = now();
      const answer = await invokeChannel(app.handlers, 'getFullLearnerProfileData', { learnerId });
      const ms = now() - start;
      if (!answer.ok) throw new Error(`the load failed: ${answer.error.message}`);
      const attempts = (answer.value as FullLearnerProfile).activityAttempts.length;
      if (attempts !== env.heavy.records.activityAttempts.length) throw new Error(`the load returned ${attempts} attempts`);
      return ms;
    };
    const rawRun = () => {
      const start = now();
      const rows = rawLoad();
      const ms = now() - start;
      if (rows[7]?.length !== env.heavy.records.activityAttempts.length) throw new Error('the raw load returned the wrong attempts');
      return ms;
    };
    for (let i = 0; i < 3; i++) {
      await ours();
      rawRun();
    }
    const oursMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < env.sizes.loadRepetitions; i++) {
      collectGarbage();
      oursMs.push(await ours());
      collectGarbage();
      rawMs.push(rawRun());
    }
    const { heavyAttempts, heavyObjectives } = env.sizes;
    return result(`full profile load (${heavyAttempts} attempts, ${heavyObjectives} objectives)`, median(oursMs), median(rawMs), 'ms', { kind: 'ratio-at-most', limit: 2 });
  } finally {
    raw.close();
    await app.close();
  }
}
