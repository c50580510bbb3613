import { addActivityAttempt, getActivityAttempts } from './manager/attempts';
import { addBadgeRecord, getBadges } from './manager/badges';
import { systemClock, type ManagerContext } from './manager/context';
import { getFullLearnerProfileData } from './manager/full-profile';
import { addInterest, getInterests, removeInterest } from './manager/interests';
import { createLearnerProfile, deleteLearnerProfile, getLearnerProfile, getOrCreateLearnerProfile, listLearners } from './manager/learners';
import { addOrUpdateCognitiveMetric, getCognitiveMetrics } from './manager/metrics';
import { addOrUpdatePreference, getPreferences, removePreference } from './manager/preferences';
import { addOrUpdateLoProgress, getLoProgress } from './manager/progress';
import { addStruggle, getStruggles, removeStruggle } from './manager/struggles';
import type { OpenedDatabase } from './open';

const operations = {
  createLearnerProfile,
  getOrCreateLearnerProfile,
  getLearnerProfile,
  getFullLearnerProfileData,
  listLearners,
  deleteLearnerProfile,
  addOrUpdatePreference,
  removePreference,
  getPreferences,
  addInterest,
  removeInterest,
  getInterests,
  addStruggle,
  removeStruggle,
  getStruggles,
  addOrUpdateCognitiveMetric,
  getCognitiveMetrics,
  addOrUpdateLoProgress,
  getLoProgress,
  addBadgeRecord,
  getBadges,
  addActivityAttempt,
  getActivityAttempts,
};

type Operations = typeof operations;
type Bound<F> = F extends (ctx: ManagerContext, ...args: infer A) => infer R ? (...args: A) => R : never;
export type PersistenceManager = { [K in keyof Operations]: Bound<Operations[K]> };

/**
 * The persistence manager: every learner-profile operation bound to one open database. Each
 * function validates its DTO, runs as one transaction and throws typed `DalaError`s.
 */
export function createPersistenceManager(database: Pick<OpenedDatabase, 'sqlite' | 'db'>, now: () => string = systemClock): PersistenceManager {
  const ctx: ManagerContext = { sqlite: database.sqlite, db: database.db, now };
  const bound = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(operations)) {
    bound[name] = (...args: unknown[]) => (fn as (c: ManagerContext, ...a: unknown[]) => unknown)(ctx, ...args);
  }
  return bound as PersistenceManager;
}
