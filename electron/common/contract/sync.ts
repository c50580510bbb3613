import { z } from 'zod';
import { enrolInSchoolHubInput, type SyncRunView, type SyncStatusView } from '../sync/sync-views';
import { channel } from './define';

/** The school hub, seen from this machine (DESIGN.md, "The school hub"). */
export const syncContract = {
  /** Every educator sees whether this machine is in sync (waiting changes must not go unnoticed). */
  getSyncStatus: channel<SyncStatusView>()(z.strictObject({}), 'educator'),
  /** Joins the school: only an admin, with the enrolment code the hub's IT person printed. */
  enrolInSchoolHub: channel<SyncStatusView>()(enrolInSchoolHubInput, 'admin', {
    waitsForNetwork: true,
    audit: (_input, output) => ({ action: 'school_hub_enrolled', targetType: 'school', targetId: output.schoolId ?? undefined }),
  }),
  /** Pushes what waits and pulls what is new, now, instead of at the next minute. */
  syncNow: channel<SyncRunView>()(z.strictObject({}), 'educator', { waitsForNetwork: true }),
  /** Stops syncing: the credential is forgotten and nothing more is queued (the data stays). */
  leaveSchoolHub: channel<SyncStatusView>()(z.strictObject({}), 'admin', {
    audit: () => ({ action: 'school_hub_left', targetType: 'school' }),
  }),
};
