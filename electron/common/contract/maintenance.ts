import { z } from 'zod';
import type { AppInfo, DatabaseStatisticsView, VerifyReportView } from '../maintenance-views';
import { channel } from './define';

/** Educator tools that look after the database as a whole. */
export const maintenanceContract = {
  getStatistics: channel<DatabaseStatisticsView>()(z.strictObject({}), 'educator'),
  // Repairing is an admin's decision; looking is any educator's.
  verifyDatabase: channel<VerifyReportView>()(z.strictObject({ fixOrphans: z.boolean().optional() }), (input) => (input.fixOrphans ? 'admin' : 'educator')),
  getAppInfo: channel<AppInfo>()(z.strictObject({}), 'anyone'),
};
