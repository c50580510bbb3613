import type { SignInMethod } from '../../../electron/common/accounts';
import type { ChannelResult } from '../../../electron/common/contract';
import type { InProcessApi } from '../../../tests/support/in-process-api';

/** The value of a call that must work in test setup (a failure names the error). */
export function must<T>(result: ChannelResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const ADMIN = { username: 'admin', displayName: 'Ms Admin', password: 'correct horse battery' };

/**
 * Runs `work` as the machine's admin, through the channels (the in-process API has one window
 * session, like the app): the first time it sets the admin up. Locks Educator tools afterwards, so
 * the test goes on as a pupil at the window.
 */
export async function asAdmin<T>(backend: InProcessApi, work: (api: InProcessApi['api']) => Promise<T>): Promise<T> {
  const { api } = backend;
  await unlockAdmin(backend);
  try {
    return await work(api);
  } finally {
    must(await api.lockEducator({}));
  }
}

/**
 * Unlocks Educator tools as the machine's admin and leaves them unlocked (setting the admin up the
 * first time), as an educator at the window would before opening a panel.
 */
export async function unlockAdmin(backend: InProcessApi): Promise<void> {
  const { api } = backend;
  const session = must(await api.getSession({}));
  if (session.setupNeeded) must(await api.setUpFirstAdmin(ADMIN));
  else if (!session.educator) must(await api.unlockEducator({ username: ADMIN.username, password: ADMIN.password }));
}

export interface ClassSpec {
  name: string;
  signInMethod?: SignInMethod;
  learners: string[];
}

/** Classes with their learners, and learners in no class; returns the ids by name. */
export async function seedClasses(backend: InProcessApi, classes: ClassSpec[], inNoClass: string[] = []): Promise<{ classIds: Record<string, string>; learnerIds: Record<string, string> }> {
  return asAdmin(backend, async (api) => {
    const classIds: Record<string, string> = {};
    const learnerIds: Record<string, string> = {};
    for (const spec of classes) {
      const created = must(await api.createClass({ name: spec.name, signInMethod: spec.signInMethod ?? 'none' }));
      classIds[spec.name] = created.id;
      for (const displayName of spec.learners) learnerIds[displayName] = must(await api.createLearnerProfile({ displayName, classId: created.id })).id;
    }
    for (const displayName of inNoClass) learnerIds[displayName] = must(await api.createLearnerProfile({ displayName })).id;
    return { classIds, learnerIds };
  });
}
