import type { ChannelInput } from '../../electron/common/contract';
import { parseChannelInput } from '../channels/dispatch';
import { addActivityAttempt, getActivityAttempts } from '../manager/attempts';
import { addBadgeRecord, getBadges } from '../manager/badges';
import { systemClock, type ManagerContext } from '../manager/context';
import type { OpenedDatabase } from '../open';
import { getFullLearnerProfileData } from '../manager/full-profile';
import { addInterest, getInterests, removeInterest } from '../manager/interests';
import { createLearnerProfile, deleteLearnerProfile, getLearnerProfile, getOrCreateLearnerProfile, listLearnerSummaries } from '../manager/learners';
import { addOrUpdateCognitiveMetric, getCognitiveMetrics } from '../manager/metrics';
import { addOrUpdatePreference, getPreferences, removePreference } from '../manager/preferences';
import { addOrUpdateLoProgress, getLoProgress } from '../manager/progress';
import { addStruggle, getStruggles, removeStruggle } from '../manager/struggles';

const managerFunctions = {
  createLearnerProfile,
  getOrCreateLearnerProfile,
  getLearnerProfile,
  getFullLearnerProfileData,
  listLearnerSummaries,
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
type ManagerFunctions = typeof managerFunctions;

/** The persistence manager's channels called synchronously, each input parsed by its channel's schema first. */
/** Channels whose every input field is optional may be called with no argument (`listLearners()`). */
type InputArguments<K extends keyof ManagerFunctions> = Record<never, never> extends ChannelInput<K> ? [input?: ChannelInput<K>] : [input: ChannelInput<K>];
export type ProfileChannelCaller = { [K in keyof ManagerFunctions]: (...input: InputArguments<K>) => ReturnType<ManagerFunctions[K]> };

/**
 * For database tests: the manager's functions behind the same boundary validation as the
 * dispatcher (parseChannelInput), minus the queue and transport, so that a test reads as
 * `manager.addInterest({...})` and bad input still fails exactly as it does in the app.
 */
export function profileChannelCaller(ctx: ManagerContext): ProfileChannelCaller {
  const caller: Record<string, (input: unknown) => unknown> = {};
  for (const [name, fn] of Object.entries(managerFunctions)) {
    caller[name] = (input) => (fn as (c: ManagerContext, i: unknown) => unknown)(ctx, parseChannelInput(name as keyof ManagerFunctions, input));
  }
  return caller as ProfileChannelCaller;
}

/** The caller on an open database, on the system clock unless a test clock is given. */
export function testManager(database: Pick<OpenedDatabase, 'sqlite' | 'db'>, now: () => string = systemClock): ProfileChannelCaller {
  return profileChannelCaller({ sqlite: database.sqlite, db: database.db, now });
}
