import { DEFAULT_SETTINGS, SETTING_KEYS, settingsSchema, type Settings } from '../../electron/common/settings';
import { cachedStatement } from '../statement-cache';
import type { ManagerContext } from '../manager/context';

/**
 * The machine's settings, one row per key. A key never written, or a value an older or newer app
 * left that this one cannot read, counts as its default: a bad row never stops the app.
 */
export function readSettings(ctx: Pick<ManagerContext, 'sqlite'>): Settings {
  const rows = cachedStatement(ctx.sqlite, 'SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (!(SETTING_KEYS as string[]).includes(key)) continue;
    const candidate = { ...DEFAULT_SETTINGS, [key]: JSON.parse(value) as unknown };
    if (settingsSchema.safeParse(candidate).success) settings[key] = candidate[key as keyof Settings];
  }
  return settings as Settings;
}

/** Writes the given settings in the caller's transaction and returns them all. */
export function writeSettings(ctx: ManagerContext, change: Partial<Settings>): Settings {
  const now = ctx.now();
  const upsert = cachedStatement(ctx.sqlite, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  for (const key of SETTING_KEYS) if (change[key] !== undefined) upsert.run(key, JSON.stringify(change[key]), now);
  return readSettings(ctx);
}
