import { invokeChannel } from './dispatch';
import { benchUuid } from './data';
import { assertSamePragmas, openApp, openRaw } from './db';
import { result, type BenchResult } from './report';
import type { BenchEnv } from './setup';
import { median, now } from './timing';

/**
 * One save: an activity attempt through invokeChannel (contract parse, persistence manager,
 * progress and badges, one IMMEDIATE transaction, synchronous=FULL) against a raw prepared INSERT
 * of the same attempt in autocommit on the same file. Rounds alternate, so drift hits both sides.
 */
export async function measureSave(env: BenchEnv, learnerId = env.classroom[0]?.learner.id ?? '', name = 'save one attempt (IPC handler path vs raw INSERT)'): Promise<BenchResult> {
  const dir = env.copy(env.profileDir, 'save');
  const app = await openApp(dir);
  const raw = openRaw(dir);
  try {
    assertSamePragmas(app.database.sqlite, raw);
    let n = 0;
    const details = { answers: [1, 2, 'ça'], time_ms: 12_345 };
    const detailsText = JSON.stringify(details);
    const insert = raw.prepare(
      `INSERT INTO activity_attempts (learner_id, attempt_uid, lo_id, activity_id, activity_type, attempt_timestamp, score, completed, attempt_details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ours = async () => {
      const payload = { learnerId, loId: 'MATH_LO_002', activityId: 'math_002_quiz_a', activityType: 'quiz', score: 0.62, completed: true, attemptDetails: details, attemptUid: benchUuid(0xbe9c, n++) };
      const start = now();
      const answer = await invokeChannel(app.handlers, 'addActivityAttempt', payload);
      const ms = now() - start;
      if (!answer.ok) throw new Error(`the save failed: ${answer.error.code} ${answer.error.message}`);
      return ms;
    };
    const rawSave = () => {
      const uid = benchUuid(0xbe9c, n++);
      const start = now();
      insert.run(learnerId, uid, 'MATH_LO_002', 'math_002_quiz_a', 'quiz', new Date().toISOString(), 0.62, 1, detailsText);
      return now() - start;
    };
    for (let i = 0; i < 3; i++) {
      await ours();
      rawSave();
    }
    const oursMs: number[] = [];
    const rawMs: number[] = [];
    for (let round = 0; round < env.sizes.saveRounds; round++) {
      for (let i = 0; i < env.sizes.savesPerRound; i++) oursMs.push(await ours());
      for (let i = 0; i < env.sizes.savesPerRound; i++) rawMs.push(rawSave());
    }
    return result(name, median(oursMs), median(rawMs), 'ms', { kind: 'ratio-at-most', limit: 3 });
  } finally {
    raw.close();
    await app.close();
  }
}
