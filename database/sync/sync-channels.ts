import { channelHandlers } from '../channels/define';
import { enrolInSchoolHub, leaveSchoolHub } from './enrolment';
import { runSync } from './sync-run';
import { syncStatusView } from './sync-state';

/**
 * The school hub channels (contract/sync.ts). `syncNow` joins a background sync already running
 * on this connection rather than starting a second one; hub failures are in the status it
 * returns, never thrown (a teacher gets "Offline: 14 changes waiting", not an error box).
 */
export const syncHandlers = channelHandlers({
  getSyncStatus: (ctx) => syncStatusView(ctx.sqlite),
  enrolInSchoolHub: (ctx, input) => enrolInSchoolHub({ sqlite: ctx.sqlite, dataDir: ctx.dataDir, now: ctx.now }, input),
  syncNow: (ctx) => runSync({ sqlite: ctx.sqlite, dataDir: ctx.dataDir, now: ctx.now, onEvent: ctx.environment.onEvent }),
  leaveSchoolHub: (ctx) => leaveSchoolHub(ctx),
});
