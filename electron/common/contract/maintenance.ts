import { z } from 'zod';
import type { AppInfo, DatabaseStatisticsView, VerifyReportView } from '../maintenance-views';
import { channel } from './define';

/** Educator tools that look after the database as a whole. */
export const maintenanceContract = {
  // Counts over every learner of the machine, and the check of the whole file: an admin's tools.
  getStatistics: channel<DatabaseStatisticsView>()(z.strictObject({}), 'admin'),
  /** `fix` repairs what can be repaired (orphaned rows, missing progress); `fixOrphans` only the orphans. A snapshot comes first. */
  verifyDatabase: channel<VerifyReportView>()(z.strictObject({ fixOrphans: z.boolean().optional(), fix: z.boolean().optional() }), 'admin', {
    audit: (_input, output) =>
      output.orphansRemoved + output.progressRebuilt > 0
        ? { action: 'orphans_fixed', targetType: 'snapshot', targetId: output.snapshotId ?? undefined, detail: `orphans ${output.orphansRemoved}, progress ${output.progressRebuilt}` }
        : undefined,
  }),
  getAppInfo: channel<AppInfo>()(z.strictObject({}), 'anyone'),
};
