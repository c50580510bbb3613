import { channelHandlers } from '../channels/define';
import { createSnapshot, listSnapshots } from '../snapshots';
import { restoreSnapshot } from './snapshot-restore';

/** Whole-database snapshots as Educator tools see them (paths stay in this process). */
export const snapshotHandlers = channelHandlers({
  listSnapshots: (ctx) => listSnapshots(ctx.dataDir).map(({ path: _path, ...s }) => s),
  createSnapshot: async (ctx) => {
    const { path: _path, ...s } = await createSnapshot(ctx.sqlite, ctx.dataDir, 'manual');
    return s;
  },
  restoreSnapshot: async (ctx, { snapshotId }) => {
    const { restored, safetySnapshot } = await restoreSnapshot(ctx.sqlite, ctx.dataDir, snapshotId);
    return { restoredId: restored.id, safetySnapshotId: safetySnapshot.id };
  },
});
