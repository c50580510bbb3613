import { z } from 'zod';

/**
 * What Educator tools and `dala sync status` show about this machine's link to the school hub.
 * `state`:
 * - `not_enrolled`: the machine works alone and queues nothing;
 * - `up_to_date`: the last sync pushed everything and pulled to the hub's latest change;
 * - `pending`: changes wait and the next sync has not run yet;
 * - `offline`: the hub could not be reached on the last try (changes wait, nothing is lost);
 * - `revoked`: the hub refused this machine's credential; an admin must enrol it again;
 * - `error`: the hub answered with another error (`message` says what).
 */
export const SYNC_STATES = ['not_enrolled', 'up_to_date', 'pending', 'offline', 'revoked', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatusView {
  state: SyncState;
  /** The hub's address, e.g. "https://hub.school.example:8443", or null when not enrolled. */
  hub: string | null;
  schoolId: string | null;
  schoolName: string | null;
  machineId: string | null;
  /** Operations queued on this machine and not yet accepted by the hub. */
  pending: number;
  /** When a sync last completed (push and pull), UTC ISO-8601, or null. */
  lastSyncAt: string | null;
  /** When a sync was last tried, whatever its outcome. */
  lastAttemptAt: string | null;
  /** A sentence for a teacher when the last try failed. */
  message: string | null;
}

export interface SyncRunView {
  /** Operations the hub accepted in this run. */
  pushed: number;
  /** Changes pulled from the hub in this run. */
  pulled: number;
  status: SyncStatusView;
}

export const enrolInSchoolHubInput = z.strictObject({
  /** http(s) address of the hub, as its IT person gave it. */
  hubUrl: z
    .string()
    .trim()
    .max(300)
    .url('must be the hub address, e.g. https://hub.school.example:8443')
    .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://'),
  code: z.string().trim().min(8).max(64),
  machineName: z.string().trim().min(1).max(100).optional(),
});
