import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../../../electron/common/sync/sync-views';
import { needsAttention, syncStatusSentence, timeAgoText } from './sync-status-text';

const NOW = Date.parse('2026-03-12T10:30:00.000Z');
const enrolled = (over: Partial<SyncStatusView>): SyncStatusView => ({
  state: 'up_to_date',
  hub: 'https://hub.school.example',
  schoolId: 's',
  schoolName: 'Mwenge Primary',
  machineId: 'm',
  pending: 0,
  lastSyncAt: '2026-03-12T10:28:00.000Z',
  lastAttemptAt: '2026-03-12T10:28:00.000Z',
  message: null,
  ...over,
});

describe('the school hub status in words', () => {
  it('says every state as a teacher needs to hear it', () => {
    expect(syncStatusSentence(enrolled({}), NOW)).toBe('Up to date · 2 min ago');
    expect(syncStatusSentence(enrolled({}), NOW, false)).toBe('Up to date');
    expect(syncStatusSentence(enrolled({ state: 'pending', pending: 14 }), NOW)).toBe('14 changes waiting · next sync within a minute');
    expect(syncStatusSentence(enrolled({ state: 'pending', pending: 1 }), NOW)).toBe('1 change waiting · next sync within a minute');
    expect(syncStatusSentence(enrolled({ state: 'offline', pending: 14 }), NOW)).toBe('Offline: 14 changes waiting. They will be sent when the hub can be reached.');
    expect(syncStatusSentence(enrolled({ state: 'revoked' }), NOW)).toBe('This machine’s credential was revoked. An admin must enrol it again with a new code.');
    expect(syncStatusSentence(enrolled({ state: 'error', message: 'The school hub refused the request as not valid.' }), NOW)).toBe('The school hub refused the request as not valid.');
    expect(syncStatusSentence(enrolled({ state: 'error', message: '  ' }), NOW)).toMatch(/^The hub refused the last sync\./);
    expect(syncStatusSentence(enrolled({ state: 'not_enrolled' }), NOW)).toBe('This machine is not part of a school hub.');
    expect([...['offline', 'revoked', 'error'], ...['up_to_date', 'pending', 'not_enrolled']].map((state) => needsAttention(enrolled({ state: state as SyncStatusView['state'] })))).toEqual([true, true, true, false, false, false]);
  });

  it('counts time roughly, and a clock a little ahead still reads as just now', () => {
    const ago = (ms: number) => timeAgoText(new Date(NOW - ms).toISOString(), NOW);
    expect(ago(20_000)).toBe('just now');
    expect(ago(-30_000)).toBe('just now');
    expect(ago(59 * 60_000)).toBe('59 min ago');
    expect(ago(5 * 3_600_000)).toBe('5 h ago');
    expect(ago(24 * 3_600_000)).toBe('1 day ago');
    expect(ago(3 * 24 * 3_600_000)).toBe('3 days ago');
  });
});
