import type Database from 'better-sqlite3';
import { diagnosticTasks, interests, preferenceTasks, struggleAreas, subjects } from '../../electron/common/content';
import { PREFERENCE_MODES } from '../../electron/common/content/schemas';
import { addActivityAttempt } from '../manager/attempts';
import type { ManagerContext } from '../manager/context';
import { addInterest } from '../manager/interests';
import { getOrCreateLearnerProfile } from '../manager/learners';
import { addOrUpdateCognitiveMetric } from '../manager/metrics';
import { addOrUpdatePreference } from '../manager/preferences';
import { addStruggle } from '../manager/struggles';
import type { DalaDb } from '../open';

/** mulberry32: a small seeded generator, so the same seed always writes the same demo data. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FIRST_NAMES = ['Amara', 'Ben', 'Chloé', 'Dawit', 'Elif', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jonas', 'Kemi', 'Leo', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoë'];
const LAST_INITIALS = 'ABCDEFGHIJKLMNOPRSTUVWYZ';

export interface SeedOptions {
  learners: number;
  attemptsPerLearner: number;
  seed: number;
  /** When the demo history starts; attempts follow it, a few minutes apart. */
  start?: Date;
  onProgress?: (done: number, total: number) => void;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/**
 * Writes demo learners through the persistence manager's functions (so every rule, badge and
 * progress update applies), one transaction per learner. The inputs are built here, typed. Ids and uids come from the seed, so running it again with
 * the same seed changes nothing.
 */
export function seedDemoData(database: { sqlite: Database.Database; db: DalaDb }, options: SeedOptions): { learnersCreated: number; attemptsRecorded: number } {
  const random = seededRandom(options.seed);
  const objectives = subjects.flatMap((s) => s.objectives);
  const start = (options.start ?? new Date(Date.now() - 30 * 86_400_000)).getTime();
  // Attempts are spread over the time since `start`, never past now (verify rejects future times).
  const step = Math.max(1, Math.min(5 * 60_000, Math.floor((Date.now() - start) / (options.attemptsPerLearner + 2))));
  let clock = start;
  const ctx: ManagerContext = { sqlite: database.sqlite, db: database.db, now: () => new Date(clock).toISOString() };
  let learnersCreated = 0;
  let attemptsRecorded = 0;
  for (let n = 0; n < options.learners; n++) {
    const learnerId = seededUuid(random);
    const displayName = `${pick(random, FIRST_NAMES)} ${pick(random, [...LAST_INITIALS])}.`;
    const chosenInterests = sample(random, interests, 2 + Math.floor(random() * 3));
    const chosenStruggles = sample(random, struggleAreas, Math.floor(random() * 3));
    const uids = Array.from({ length: options.attemptsPerLearner }, () => seededUuid(random));
    const scores = uids.map(() => Math.round((0.4 + random() * 0.6) * 100) / 100);
    const modes = preferenceTasks.map(() => pick(random, PREFERENCE_MODES));
    const accuracies = diagnosticTasks.map(() => Math.round((0.5 + random() * 0.5) * 100) / 100);
    clock = start;
    database.sqlite.transaction(() => {
      const { created } = getOrCreateLearnerProfile(ctx, { learnerId, displayName });
      if (!created) return;
      learnersCreated++;
      for (const interest of chosenInterests) addInterest(ctx, { learnerId, interestName: interest.label });
      for (const struggle of chosenStruggles) addStruggle(ctx, { learnerId, struggleDescription: struggle.label });
      preferenceTasks.forEach((task, i) => addOrUpdatePreference(ctx, { learnerId, category: task.category, value: modes[i] ?? 'visual' }));
      diagnosticTasks.forEach((task, i) =>
        addOrUpdateCognitiveMetric(ctx, { learnerId, taskName: task.taskName, metricDetails: { accuracy: accuracies[i] ?? 0.5, attempts: 1, time_ms: 30_000 + i * 5_000 } }),
      );
      let objectiveIndex = 0;
      uids.forEach((attemptUid, i) => {
        const objective = objectives[objectiveIndex % objectives.length];
        if (!objective) return;
        const activity = objective.activities[i % objective.activities.length];
        if (!activity) return;
        clock += step;
        const score = scores[i] ?? 0.5;
        const result = addActivityAttempt(ctx, {
          learnerId,
          loId: objective.id,
          activityId: activity.id,
          activityType: activity.type,
          score,
          completed: true,
          attemptDetails: { seeded: true, time_ms: 60_000 },
          attemptUid,
        });
        attemptsRecorded++;
        if (result.loProgress.status === 'completed') objectiveIndex++;
      });
    })();
    options.onProgress?.(n + 1, options.learners);
  }
  return { learnersCreated, attemptsRecorded };
}
