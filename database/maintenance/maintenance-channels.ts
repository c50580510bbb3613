import { channelHandlers } from '../channels/define';
import { collectStatistics } from './statistics';
import { verifyDatabase } from './verify';

export const maintenanceHandlers = channelHandlers({
  getStatistics: (ctx) => collectStatistics(ctx.sqlite),
  verifyDatabase: (ctx, input) => verifyDatabase(ctx.sqlite, { fixOrphans: input.fixOrphans === true }),
  getAppInfo: (ctx) => ({ appVersion: ctx.environment.appVersion, schemaVersion: ctx.database.schemaVersion, shell: ctx.environment.shell }),
});
