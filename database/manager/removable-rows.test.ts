import { describe, expect, it } from 'vitest';
import type { ProfileChannelCaller } from '../test-support/channel-caller';
import { contentHash, dalaErrorOf, openManager, rowCount, testClock, useTempDirs } from '../test-support/temp-database';

const dirs = useTempDirs();

/**
 * Interests, struggles and preferences share one tombstone implementation; the same behaviour is
 * checked on each of the three through their own manager functions.
 */
interface RemovableCase {
  table: 'interests' | 'struggles' | 'preferences';
  keyColumn: string;
  keyField: string;
  key: string;
  add(m: ProfileChannelCaller, learnerId: string, key: string): void;
  remove(m: ProfileChannelCaller, learnerId: string, key: string): void;
  keys(m: ProfileChannelCaller, learnerId: string): string[];
  fullKeys(m: ProfileChannelCaller, learnerId: string): string[];
}

const cases: RemovableCase[] = [
  {
    table: 'interests',
    keyColumn: 'interest_name',
    keyField: 'interestName',
    key: 'Dinosaurs 🦕',
    add: (m, learnerId, interestName) => m.addInterest({ learnerId, interestName }),
    remove: (m, learnerId, interestName) => m.removeInterest({ learnerId, interestName }),
    keys: (m, learnerId) => m.getInterests({ learnerId }).map((i) => i.interestName),
    fullKeys: (m, learnerId) => m.getFullLearnerProfileData({ learnerId }).interests.map((i) => i.interestName),
  },
  {
    table: 'struggles',
    keyColumn: 'struggle_description',
    keyField: 'struggleDescription',
    key: "Reading long words ('multisyllabic')",
    add: (m, learnerId, struggleDescription) => m.addStruggle({ learnerId, struggleDescription }),
    remove: (m, learnerId, struggleDescription) => m.removeStruggle({ learnerId, struggleDescription }),
    keys: (m, learnerId) => m.getStruggles({ learnerId }).map((s) => s.struggleDescription),
    fullKeys: (m, learnerId) => m.getFullLearnerProfileData({ learnerId }).struggles.map((s) => s.struggleDescription),
  },
  {
    table: 'preferences',
    keyColumn: 'category',
    keyField: 'category',
    key: 'visual_preference_task_1',
    add: (m, learnerId, category) => m.addOrUpdatePreference({ learnerId, category, value: 'visual' }),
    remove: (m, learnerId, category) => m.removePreference({ learnerId, category }),
    keys: (m, learnerId) => m.getPreferences({ learnerId }).map((p) => p.category),
    fullKeys: (m, learnerId) => m.getFullLearnerProfileData({ learnerId }).preferences.map((p) => p.category),
  },
];

describe.each(cases)('$table', (c) => {
  const setup = async () => {
    const fixture = await openManager(dirs, testClock('2026-03-02T09:00:00.000Z', 60_000));
    const learnerId = fixture.manager.createLearnerProfile({ displayName: 'Ada' }).id;
    return { ...fixture, learnerId };
  };

  it('adds a row, listed oldest first', async () => {
    const { manager, learnerId } = await setup();
    c.add(manager, learnerId, c.key);
    c.add(manager, learnerId, 'other_key');
    expect(c.keys(manager, learnerId)).toEqual([c.key, 'other_key']);
  });

  it('removal tombstones the row: hidden from the getters, kept with deleted_at set', async () => {
    const { manager, sqlite, learnerId, clock } = await setup();
    c.add(manager, learnerId, c.key);
    c.add(manager, learnerId, 'other_key');
    c.remove(manager, learnerId, c.key);
    const removedAt = clock.last();
    expect(c.keys(manager, learnerId)).toEqual(['other_key']);
    expect(c.fullKeys(manager, learnerId)).toEqual(['other_key']);
    const row = sqlite.prepare(`SELECT deleted_at AS deletedAt, timestamp FROM ${c.table} WHERE learner_id = ? AND ${c.keyColumn} = ?`).get(learnerId, c.key);
    expect(row).toEqual({ deletedAt: removedAt, timestamp: removedAt });
  });

  it('adding a removed row again revives the same row', async () => {
    const { manager, sqlite, learnerId } = await setup();
    c.add(manager, learnerId, c.key);
    c.remove(manager, learnerId, c.key);
    c.add(manager, learnerId, c.key);
    expect(c.keys(manager, learnerId)).toEqual([c.key]);
    expect(rowCount(sqlite, c.table, 'learner_id = ?', learnerId)).toBe(1);
    expect(rowCount(sqlite, c.table, 'deleted_at IS NOT NULL')).toBe(0);
  });

  it('removing a row that is not there (or already removed) is not_found and writes nothing', async () => {
    const { manager, sqlite, learnerId } = await setup();
    c.add(manager, learnerId, c.key);
    c.remove(manager, learnerId, c.key);
    const before = contentHash(sqlite);
    for (const key of [c.key, 'never_added']) {
      const error = dalaErrorOf(() => c.remove(manager, learnerId, key));
      expect(error.code).toBe('not_found');
      expect(error.field).toBe(c.keyField);
    }
    expect(contentHash(sqlite)).toBe(before);
  });

  it('unknown learners are not_found on add, remove and list', async () => {
    const { manager, sqlite } = await setup();
    const before = contentHash(sqlite);
    for (const call of [() => c.add(manager, 'ghost', c.key), () => c.remove(manager, 'ghost', c.key), () => c.keys(manager, 'ghost')]) {
      const error = dalaErrorOf(call);
      expect(error.code).toBe('not_found');
      expect(error.field).toBe('learnerId');
    }
    expect(contentHash(sqlite)).toBe(before);
  });

  it('keeps rows of one learner apart from another', async () => {
    const { manager, learnerId } = await setup();
    const other = manager.createLearnerProfile({ displayName: 'Ben' }).id;
    c.add(manager, learnerId, c.key);
    c.add(manager, other, c.key);
    c.remove(manager, learnerId, c.key);
    expect(c.keys(manager, learnerId)).toEqual([]);
    expect(c.keys(manager, other)).toEqual([c.key]);
  });
});

describe('key-only rows (interests, struggles)', () => {
  it('adding an interest twice keeps one row', async () => {
    const { manager } = await openManager(dirs);
    const learnerId = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const first = manager.addInterest({ learnerId, interestName: 'Space' });
    const second = manager.addInterest({ learnerId, interestName: 'Space' });
    expect(second).toEqual(first);
    const { badgesAwarded: _none, ...row } = first;
    expect(manager.getInterests({ learnerId })).toEqual([row]);
  });

  it.each([
    ['addInterest', { interestName: '' }, 'interestName'],
    ['addInterest', { interestName: 'x'.repeat(101) }, 'interestName'],
    ['addStruggle', { struggleDescription: 'line\nbreak' }, 'struggleDescription'],
    ['addStruggle', { struggleDescription: 'ok', note: 'extra key' }, undefined],
  ] as const)('%s refuses %j (field %s) and writes nothing', async (fn, fields, field) => {
    const { manager, sqlite } = await openManager(dirs);
    const learnerId = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const before = contentHash(sqlite);
    const call = fn === 'addInterest' ? () => manager.addInterest({ learnerId, ...fields } as { learnerId: string; interestName: string }) : () => manager.addStruggle({ learnerId, ...fields } as { learnerId: string; struggleDescription: string });
    const error = dalaErrorOf(call);
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('preferences', () => {
  it('an update replaces the value in the same row', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const learnerId = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const first = manager.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_1', value: 'visual' });
    const updated = manager.addOrUpdatePreference({ learnerId, category: 'visual_preference_task_1', value: 'auditory' });
    const updatedAt = manager.getLearnerProfile({ learnerId }).lastUpdatedAt;
    expect(updated.preference).toEqual({ category: 'visual_preference_task_1', value: 'auditory', timestamp: updatedAt });
    expect(updatedAt > first.preference.timestamp).toBe(true);
    expect(manager.getPreferences({ learnerId })).toEqual([updated.preference]);
    expect(rowCount(sqlite, 'preferences')).toBe(1);
  });

  it.each([
    [{ category: 'has space', value: 'visual' }, 'category'],
    [{ category: 'ok', value: '' }, 'value'],
    [{ category: 'ok', value: 'x'.repeat(201) }, 'value'],
  ])('refuses %j on field %s and writes nothing', async (fields, field) => {
    const { manager, sqlite } = await openManager(dirs);
    const learnerId = manager.createLearnerProfile({ displayName: 'Ada' }).id;
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => manager.addOrUpdatePreference({ learnerId, ...fields }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(contentHash(sqlite)).toBe(before);
  });
});
