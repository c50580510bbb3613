import { canonicalJson } from '../../electron/common/merge/canonical-json';
import type { PulledChange, SyncChange } from '../../electron/common/sync/hub-protocol';
import type { HubStore, MachineIdentity } from '../store/hub-store';

/** The key a change is merged under on a machine: a later change of the same key replaces it. */
export function changeKey(change: SyncChange): string {
  const row = change.row as Record<string, unknown>;
  const rowKey: Record<SyncChange['table'], () => unknown> = {
    learner: () => '',
    learnerDeletion: () => '',
    preferences: () => row.category,
    interests: () => row.interestName,
    struggles: () => row.struggleDescription,
    cognitiveMetrics: () => row.taskName,
    loProgress: () => row.loId,
    badges: () => row.badgeId,
    // An attempt uid is unique in a school.
    activityAttempts: () => row.attemptUid,
    classMembers: () => row.classId,
    learnerSecret: () => '',
    class: () => row.id,
    educator: () => row.id,
    classCoaches: () => `${String(row.classId)}\u0000${String(row.educatorId)}`,
  };
  // School records name no learner (learnerId null).
  const learner = change.table === 'activityAttempts' ? '' : (change.learnerId ?? '');
  return `${change.table}\u0000${learner}\u0000${String(rowKey[change.table]())}`;
}

/** Follows the cursor from `after` until nothing more: every change, in order. */
export async function pullEverything(store: HubStore, machine: MachineIdentity, after = 0, limit = 1000): Promise<{ changes: PulledChange[]; cursor: number }> {
  const changes: PulledChange[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.pull(machine, { after: cursor, limit });
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

/** The hub's current rows of a school, key → canonical JSON of the change (learner ids included). */
export async function hubState(store: HubStore, machine: MachineIdentity): Promise<Map<string, string>> {
  const { changes } = await pullEverything(store, machine);
  return foldChanges(changes);
}

/**
 * What a machine that applied these pulled changes in order holds (the latest per key). A learner
 * deletion takes every row of theirs with it, as it does on the hub (memberships and secret too).
 */
export function foldChanges(changes: readonly PulledChange[], into = new Map<string, string>()): Map<string, string> {
  for (const { change } of changes) {
    if (change.table === 'learnerDeletion') {
      for (const [key, value] of into) if ((JSON.parse(value) as SyncChange).learnerId === change.learnerId) into.delete(key);
    }
    into.set(changeKey(change), canonicalJson(change));
  }
  return into;
}
