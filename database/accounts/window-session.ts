import type { Settings } from '../../electron/common/settings';

/**
 * Who is signed in at one window (Electron's, or the browser host's tab), held in the process that
 * owns the database, never in the renderer. Times are milliseconds of the last call.
 */
export interface WindowSession {
  learner?: { id: string; seenAt: number };
  educator?: { id: string; seenAt: number };
}

export function createWindowSession(): WindowSession {
  return {};
}

/**
 * Ends what has been idle for longer than the settings allow (an educator session locks itself,
 * a learner's returns to the picker), then counts this call as use of what is left.
 */
export function touchSession(session: WindowSession, now: number, settings: Settings): void {
  if (session.educator && now - session.educator.seenAt > settings.educatorIdleMinutes * 60_000) delete session.educator;
  if (session.learner && now - session.learner.seenAt > settings.learnerIdleMinutes * 60_000) delete session.learner;
  if (session.educator) session.educator.seenAt = now;
  if (session.learner) session.learner.seenAt = now;
}
