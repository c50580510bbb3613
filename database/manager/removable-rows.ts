import type { z } from 'zod';
import { learnerRefInput, type LearnerRefInput } from '../../electron/common/dto';
import { DalaError, parseInput } from '../../electron/common/errors';
import { cachedStatement } from '../statement-cache';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';

/**
 * Preferences, interests and struggles are removable: a removal sets `deleted_at` (and moves
 * `timestamp`) instead of deleting, so that merging an older profile file cannot bring it back.
 * Getters hide tombstoned rows. One implementation serves the three tables.
 */
export interface RemovableTable {
  table: 'preferences' | 'interests' | 'struggles';
  keyColumn: 'category' | 'interest_name' | 'struggle_description';
  /** Preferences carry a value that an update replaces; interests and struggles are just keys. */
  valueColumn?: 'value';
  keyField: string;
  describe: (key: string) => string;
}

export interface RemovableRow {
  key: string;
  value: string | null;
  timestamp: string;
}

/** Adds the row, revives a tombstoned one, or replaces a changed value. Returns the live row. */
export function upsertRemovable(ctx: ManagerContext, t: RemovableTable, learnerId: string, key: string, value?: string): RemovableRow {
  const now = ctx.now();
  touchLearner(ctx, learnerId, now);
  const valueCols = t.valueColumn ? `, ${t.valueColumn}` : '';
  const valueArgs = t.valueColumn ? ', @value' : '';
  const valueSet = t.valueColumn ? `, ${t.valueColumn} = excluded.${t.valueColumn}` : '';
  const changed = t.valueColumn ? `deleted_at IS NOT NULL OR ${t.valueColumn} IS NOT excluded.${t.valueColumn}` : 'deleted_at IS NOT NULL';
  cachedStatement(
      ctx.sqlite,
      `INSERT INTO ${t.table} (learner_id, ${t.keyColumn}${valueCols}, timestamp, deleted_at) VALUES (@learnerId, @key${valueArgs}, @now, NULL)
       ON CONFLICT (learner_id, ${t.keyColumn}) DO UPDATE SET timestamp = max(timestamp, excluded.timestamp), deleted_at = NULL${valueSet}
       WHERE ${changed}`,
    )
    .run(t.valueColumn ? { learnerId, key, value, now } : { learnerId, key, now });
  return readRemovable(ctx, t, learnerId, key) as RemovableRow;
}

export function removeRemovable(ctx: ManagerContext, t: RemovableTable, learnerId: string, key: string): { removed: true } {
  const now = ctx.now();
  touchLearner(ctx, learnerId, now);
  const result = cachedStatement(
      ctx.sqlite,
      `UPDATE ${t.table} SET deleted_at = max(timestamp, @now), timestamp = max(timestamp, @now)
       WHERE learner_id = @learnerId AND ${t.keyColumn} = @key AND deleted_at IS NULL`,
    )
    .run({ learnerId, key, now });
  if (result.changes === 0) throw new DalaError('not_found', `${t.describe(key)} is not in this learner's profile.`, t.keyField);
  return { removed: true };
}

function readRemovable(ctx: ManagerContext, t: RemovableTable, learnerId: string, key: string): RemovableRow | undefined {
  return cachedStatement(
      ctx.sqlite,
      `SELECT ${t.keyColumn} AS key, ${t.valueColumn ?? 'NULL'} AS value, timestamp FROM ${t.table}
       WHERE learner_id = ? AND ${t.keyColumn} = ? AND deleted_at IS NULL`,
    )
    .get(learnerId, key) as RemovableRow | undefined;
}

/** Live rows only, oldest first. */
export function listRemovable(ctx: ManagerContext, t: RemovableTable, learnerId: string): RemovableRow[] {
  return cachedStatement(
      ctx.sqlite,
      `SELECT ${t.keyColumn} AS key, ${t.valueColumn ?? 'NULL'} AS value, timestamp FROM ${t.table}
       WHERE learner_id = ? AND deleted_at IS NULL ORDER BY timestamp, key`,
    )
    .all(learnerId) as RemovableRow[];
}

/** The add / remove / list trio for a key-only removable table (interests, struggles). */
export function keyedRemovableOperations<I extends { learnerId: string }, O>(
  t: RemovableTable,
  schema: z.ZodType<I>,
  keyOf: (input: I) => string,
  toDomain: (row: RemovableRow) => O,
) {
  return {
    /** Adding a key the learner already has changes nothing (a double click is not an error). */
    add(ctx: ManagerContext, input: z.input<typeof schema>): O {
      const parsed = parseInput(schema, input);
      return writeTransaction(ctx, () => toDomain(upsertRemovable(ctx, t, parsed.learnerId, keyOf(parsed))));
    },
    remove(ctx: ManagerContext, input: z.input<typeof schema>): { removed: true } {
      const parsed = parseInput(schema, input);
      return writeTransaction(ctx, () => removeRemovable(ctx, t, parsed.learnerId, keyOf(parsed)));
    },
    list(ctx: ManagerContext, input: LearnerRefInput): O[] {
      const { learnerId } = parseInput(learnerRefInput, input);
      return readQuery(() => {
        assertLearnerExists(ctx, learnerId);
        return listRemovable(ctx, t, learnerId).map(toDomain);
      });
    },
  };
}
