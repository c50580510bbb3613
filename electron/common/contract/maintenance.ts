import { z } from 'zod';
import type { AppInfo, DatabaseStatisticsView, VerifyReportView } from '../maintenance-views';
import { channel } from './define';

/** Educator tools that look after the database as a whole. */
export const maintenanceContract = {
  // Counts over every learner of the machine, and the check of the whole file: an admin's tools.
  getStatistics: channel<DatabaseStatisticsView>()(z.strictObject({}), 'admin'),
  verifyDatabase: channel<VerifyReportView>()(z.strictObject({ fixOrphans: z.boolean().optional() }), 'admin', {
    audit: (input, output) => (input.fixOrphans && output.orphansRemoved > 0 ? { action: 'orphans_fixed', detail: String(output.orphansRemoved) } : undefined),
  }),
  getAppInfo: channel<AppInfo>()(z.strictObject({}), 'anyone'),
};
