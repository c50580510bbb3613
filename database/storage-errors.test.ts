import { describe, expect, it } from 'vitest';
import { DalaError } from '../electron/common/errors';
import { learnerProfiles } from './schema';
import { toDalaError } from './storage-errors';
import { useTempDirs } from './test-support/temp-database';

/** Real SQLite failures, raised on a real file, become typed errors without SQL in the message. */

const dirs = useTempDirs();
const T = '2026-03-02T09:00:00.000Z';

function failureOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('toDalaError', () => {
  it.each([
    ['a duplicate primary key', "INSERT INTO learner_profiles VALUES ('L1', 'Again', ?, ?)", [T, T], 'conflict'],
    ['a duplicate unique key', "INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', 'Space', ?)", [T], 'conflict'],
    ['a missing learner', "INSERT INTO struggles (learner_id, struggle_description, timestamp) VALUES ('ghost', 'x', ?)", [T], 'not_found'],
    ['a CHECK violation', "INSERT INTO learner_profiles VALUES ('L2', '', ?, ?)", [T, T], 'invalid_input'],
    ['a NOT NULL violation', "INSERT INTO learner_profiles VALUES ('L2', NULL, ?, ?)", [T, T], 'invalid_input'],
    ['a syntax error', 'INSERT INTO nowhere VALUES (1)', [], 'storage'],
  ] as Array<[string, string, unknown[], string]>)('maps %s to %s, with no SQL in the message', async (_what, sql, args, code) => {
    const { sqlite } = await dirs.open();
    sqlite.prepare("INSERT INTO learner_profiles VALUES ('L1', 'Ada', ?, ?)").run(T, T);
    sqlite.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('L1', 'Space', ?)").run(T);
    const error = toDalaError(failureOf(() => sqlite.prepare(sql).run(...args)));
    expect(error).toBeInstanceOf(DalaError);
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/INSERT|learner_profiles|SQLITE_/);
  });

  it('finds the SQLite code in the cause of an error wrapped by drizzle', async () => {
    const { db } = await dirs.open();
    db.insert(learnerProfiles).values({ id: 'L1', displayName: 'Ada', createdAt: T, lastUpdatedAt: T }).run();
    const raw = failureOf(() => db.insert(learnerProfiles).values({ id: 'L1', displayName: 'Ada', createdAt: T, lastUpdatedAt: T }).run());
    expect(toDalaError(new Error('wrapped', { cause: raw })).code).toBe('conflict');
  });

  it('passes a DalaError through and turns anything else into storage', () => {
    const typed = new DalaError('not_found', 'gone', 'learnerId');
    expect(toDalaError(typed)).toBe(typed);
    expect(toDalaError(new Error('mystery')).code).toBe('storage');
    expect(toDalaError(Object.assign(new Error('disk'), { code: 'ENOSPC' })).message).toContain('disk is full');
    expect(toDalaError('a string').code).toBe('storage');
  });
});
