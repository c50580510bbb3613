import type { JsonObject, LoStatus } from './dto';
import type { LoProgress, LoProgressChange } from './profile';

/** Progress never regresses: the higher status, the best score and the earliest start win. */
export const STATUS_RANK: Record<LoStatus, number> = { not_started: 0, in_progress: 1, completed: 2 };

export interface LoProgressUpdate {
  status: LoStatus;
  score?: number | null | undefined;
  details?: JsonObject | null | undefined;
}

const bestScore = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null ? (b ?? null) : b == null ? a : Math.max(a, b);

export function advanceLoProgress(
  loId: string,
  existing: LoProgress | undefined,
  update: LoProgressUpdate,
  now: string,
): { next: LoProgress; change: LoProgressChange } {
  const status = existing && STATUS_RANK[existing.status] >= STATUS_RANK[update.status] ? existing.status : update.status;
  const next: LoProgress = {
    loId,
    status,
    startedAt: existing?.startedAt ?? now,
    // A lab clock that went back must not give a completion before the start (a CHECK forbids it).
    completedAt: status === 'completed' ? (existing?.completedAt ?? (existing && existing.startedAt > now ? existing.startedAt : now)) : null,
    score: bestScore(existing?.score, update.score),
    details: update.details ?? existing?.details ?? null,
  };
  let change: LoProgressChange;
  if (!existing) change = status === 'completed' ? 'completed' : 'started';
  else if (existing.status !== 'completed' && status === 'completed') change = 'completed';
  else if (STATUS_RANK[status] > STATUS_RANK[existing.status] || (next.score ?? -1) > (existing.score ?? -1)) change = 'improved';
  else change = JSON.stringify(next.details) === JSON.stringify(existing.details) ? 'unchanged' : 'improved';
  return { next, change };
}

/** The status an attempt gives its objective: complete once a finished attempt reaches mastery. */
export function statusFromAttempt(completed: boolean, score: number | null | undefined, masteryThreshold: number): LoStatus {
  return completed && score != null && score >= masteryThreshold ? 'completed' : 'in_progress';
}
