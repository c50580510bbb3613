import { channelHandlers } from '../channels/define';
import { collectStatistics } from './statistics';
import { createSnapshot } from '../snapshots';
import { verifyDatabase } from './verify';

export const maintenanceHandlers = channelHandlers({
  getStatistics: (ctx) => collectStatistics(ctx.sqlite),
  verifyDatabase: async (ctx, { fix, fixOrphans }) => {
    // A repair deletes or writes rows: the database as it was is kept first, so it can be undone.
    const repairing = fix === true || fixOrphans === true;
    const snapshot = repairing ? await createSnapshot(ctx.sqlite, ctx.dataDir, 'pre-repair') : undefined;
    const report = verifyDatabase(ctx.sqlite, { fix: fix === true, fixOrphans: fixOrphans === true });
    return { ...report, snapshotId: snapshot?.id ?? null };
  },
  getAppInfo: (ctx) => ({ appVersion: ctx.environment.appVersion, schemaVersion: ctx.database.schemaVersion, shell: ctx.environment.shell }),
});
