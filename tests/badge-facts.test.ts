import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../database/open';
import { checkAwardsMatchFullFacts } from './support/badge-facts-property';

/**
 * awardEarnedBadges reads only the facts that the badges not yet earned look at, and counts only
 * up to the thresholds they ask for. It must award exactly what the full facts award, whatever the
 * history and the badges already held (the property is in support/badge-facts-property.ts; the
 * local-day-*.test.ts files run it again in time zones far from UTC).
 */

let database: OpenedDatabase;
let dir = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-badges-'));
  database = await openDatabase({ dataDir: dir });
  database.sqlite.pragma('synchronous = OFF');
});
afterAll(() => {
  database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('badge facts read only as far as the pending badges need', () => {
  it('award exactly what the full facts award', () => {
    checkAwardsMatchFullFacts(database, { numRuns: 400, start: '2026-03-01T00:00:00.000Z' });
  });
});
