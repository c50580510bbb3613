import { channelHandlers } from '../channels/define';
import { readSettings, writeSettings } from './settings-store';

export const settingsHandlers = channelHandlers({
  getSettings: (ctx) => readSettings(ctx),
  updateSettings: (ctx, change) => ctx.sqlite.transaction(() => writeSettings(ctx, change)).immediate(),
});
