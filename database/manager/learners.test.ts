import { describe, expect, it } from 'vitest';
import { contentHash, dalaErrorOf, openManager, rowCount, testClock, useTempDirs } from '../test-support/temp-database';

const dirs = useTempDirs();

describe('createLearnerProfile', () => {
  it('creates a learner with a UUID and the clock time, readable back', async () => {
    const { manager } = await openManager(dirs, testClock('2026-03-02T09:00:00.000Z'));
    const created = manager.createLearnerProfile({ displayName: 'Ada' });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created).toEqual({ id: created.id, displayName: 'Ada', createdAt: '2026-03-02T09:00:00.000Z', lastUpdatedAt: '2026-03-02T09:00:00.000Z' });
    expect(manager.getLearnerProfile({ learnerId: created.id })).toEqual(created);
  });

  it('round-trips unicode names and quotes exactly, and trims surrounding spaces', async () => {
    const { manager } = await openManager(dirs);
    for (const name of ["Zoë O'Brien", 'Søren "Sonny" Kierkegaard', '李小龍', 'Amélie 🦊', "Robert'); DROP TABLE learner_profiles;--"]) {
      const { id } = manager.createLearnerProfile({ displayName: name });
      expect(manager.getLearnerProfile({ learnerId: id }).displayName).toBe(name);
    }
    const { id } = manager.createLearnerProfile({ displayName: '  Ben  ' });
    expect(manager.getLearnerProfile({ learnerId: id }).displayName).toBe('Ben');
  });

  it('accepts a caller-chosen id and refuses it a second time as a conflict, writing nothing', async () => {
    const { manager, sqlite } = await openManager(dirs);
    manager.createLearnerProfile({ displayName: 'Ada', id: 'learner-1' });
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => manager.createLearnerProfile({ displayName: 'Someone else', id: 'learner-1' }));
    expect(error.code).toBe('conflict');
    expect(error.field).toBe('id');
    expect(contentHash(sqlite)).toBe(before);
    expect(manager.getLearnerProfile({ learnerId: 'learner-1' }).displayName).toBe('Ada');
  });

  it.each([
    [{ displayName: '' }, 'displayName'],
    [{ displayName: '   ' }, 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'displayName'],
    [{ displayName: 'Tab\there' }, 'displayName'],
    [{ displayName: 'Ada', id: 'has space' }, 'id'],
    [{ displayName: 'Ada', id: '' }, 'id'],
    [{ displayName: 'Ada', extra: true }, undefined],
  ])('refuses %j as invalid_input (field %s) and writes nothing', async (input, field) => {
    const { manager, sqlite } = await openManager(dirs);
    manager.createLearnerProfile({ displayName: 'Existing' });
    const before = contentHash(sqlite);
    const error = dalaErrorOf(() => manager.createLearnerProfile(input as { displayName: string }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    if (field === undefined) expect(error.message).toContain('extra');
    expect(contentHash(sqlite)).toBe(before);
  });
});

describe('getOrCreateLearnerProfile', () => {
  it('creates the learner once, then returns the stored one unchanged', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const first = manager.getOrCreateLearnerProfile({ learnerId: 'kiosk-7', displayName: 'Kemi' });
    expect(first.created).toBe(true);
    expect(first.profile).toMatchObject({ id: 'kiosk-7', displayName: 'Kemi' });
    const before = contentHash(sqlite);
    const second = manager.getOrCreateLearnerProfile({ learnerId: 'kiosk-7', displayName: 'Another name' });
    expect(second).toEqual({ profile: first.profile, created: false });
    expect(contentHash(sqlite)).toBe(before);
  });

  it('validates both fields', async () => {
    const { manager } = await openManager(dirs);
    expect(dalaErrorOf(() => manager.getOrCreateLearnerProfile({ learnerId: 'a b', displayName: 'Kemi' })).field).toBe('learnerId');
    expect(dalaErrorOf(() => manager.getOrCreateLearnerProfile({ learnerId: 'ab', displayName: '' })).field).toBe('displayName');
  });
});

describe('getLearnerProfile', () => {
  it('reports an unknown learner as not_found on learnerId', async () => {
    const { manager } = await openManager(dirs);
    const error = dalaErrorOf(() => manager.getLearnerProfile({ learnerId: 'nobody' }));
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('learnerId');
    expect(error.toIpcError()).toEqual({ code: 'not_found', message: error.message, field: 'learnerId' });
  });
});

describe('listLearners', () => {
  it('is empty on a new database', async () => {
    const { manager } = await openManager(dirs);
    expect(manager.listLearnerSummaries()).toEqual([]);
  });

  it('orders by name regardless of case and counts completed objectives, attempts and badges', async () => {
    const { manager } = await openManager(dirs);
    const zoe = manager.createLearnerProfile({ displayName: 'zoë', id: 'zoe' });
    manager.createLearnerProfile({ displayName: 'Ben', id: 'ben' });
    manager.createLearnerProfile({ displayName: 'amara', id: 'amara' });
    manager.addActivityAttempt({ learnerId: zoe.id, loId: 'MATH_LO_001', activityId: 'a1', activityType: 'quiz', score: 0.2, completed: true });
    manager.addActivityAttempt({ learnerId: zoe.id, loId: 'MATH_LO_001', activityId: 'a1', activityType: 'quiz', score: 0.9, completed: true });
    manager.addActivityAttempt({ learnerId: zoe.id, loId: 'MATH_LO_002', activityId: 'a2', activityType: 'quiz', score: 0.5, completed: true });
    manager.addBadgeRecord({ learnerId: zoe.id, badgeId: 'educator_star', badgeName: 'Star' });

    const list = manager.listLearnerSummaries();
    expect(list.map((l) => l.id)).toEqual(['amara', 'ben', 'zoe']);
    const zoeSummary = list[2];
    expect(zoeSummary).toMatchObject({ id: 'zoe', displayName: 'zoë', completedObjectives: 1, attemptCount: 3 });
    // first_objective is awarded by the completion, educator_star by hand.
    expect(zoeSummary?.badgeCount).toBe(2);
    expect(list[0]).toMatchObject({ completedObjectives: 0, attemptCount: 0, badgeCount: 0 });
  });
});

describe('deleteLearnerProfile', () => {
  it('deletes the learner; a second delete and later reads are not_found', async () => {
    const { manager, sqlite } = await openManager(dirs);
    const { id } = manager.createLearnerProfile({ displayName: 'Ada' });
    expect(manager.deleteLearnerProfile({ learnerId: id })).toEqual({ learnerId: id, deleted: true });
    expect(rowCount(sqlite, 'learner_profiles')).toBe(0);
    expect(dalaErrorOf(() => manager.deleteLearnerProfile({ learnerId: id })).code).toBe('not_found');
    expect(dalaErrorOf(() => manager.getFullLearnerProfileData({ learnerId: id })).code).toBe('not_found');
  });
});
