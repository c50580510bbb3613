import { z } from 'zod';
import type { AuditEntryView } from '../classes';
import { isoTimestamp } from '../dto';
import { settingsUpdate, type Settings } from '../settings';
import { channel } from './define';

/** The machine's settings and its audit log. */
export const administrationContract = {
  getSettings: channel<Settings>()(z.strictObject({}), 'anyone'),
  updateSettings: channel<Settings>()(settingsUpdate, 'admin', {
    audit: (input) => ({ action: 'settings_changed', targetType: 'settings', detail: Object.keys(input).sort().join(',') }),
  }),
  listAuditLog: channel<AuditEntryView[]>()(z.strictObject({ since: isoTimestamp.optional(), limit: z.number().int().min(1).max(10_000).optional() }), 'admin'),
};
