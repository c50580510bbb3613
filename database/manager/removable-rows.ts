import { DalaError } from '../../electron/common/errors';
import { cachedRowsStatement, cachedStatement } from '../statement-cache';
import { mapRows, type ChildTableRows, type Row } from '../table-rows';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';

/**
 * Preferences, interests and struggles are removable: a removal sets `deleted_at` (and moves
 * `timestamp`) instead of deleting, so that merging an older profile file cannot bring it back.
 * Getters hide tombstoned rows. One implementation serves the three tables.
 */
export interface RemovableTable<R extends { timestamp: string; deletedAt: string | null }> {
  rows: ChildTableRows<R>;
  keyColumn: 'category' | 'interest_name' | 'struggle_description';
  /** Preferences carry a value that an update replaces; interests and struggles are just keys. */
  valueColumn?: 'value';
  keyField: string;
  describe: (key: string) => string;
}

type AnyRemovable = { timestamp: string; deletedAt: string | null };

/** Adds the row, revives a tombstoned one, or replaces a changed value. Returns the live row. */
export function upsertRemovable<R extends AnyRemovable>(ctx: ManagerContext, t: RemovableTable<R>, learnerId: string, key: string, value?: string): R {
  const now = ctx.now();
  touchLearner(ctx, learnerId, now);
  const table = t.rows.table;
  const valueCols = t.valueColumn ? `, ${t.valueColumn}` : '';
  const valueArgs = t.valueColumn ? ', @value' : '';
  const valueSet = t.valueColumn ? `, ${t.valueColumn} = excluded.${t.valueColumn}` : '';
  const changed = t.valueColumn ? `deleted_at IS NOT NULL OR ${t.valueColumn} IS NOT excluded.${t.valueColumn}` : 'deleted_at IS NOT NULL';
  cachedStatement(
    ctx.sqlite,
    `INSERT INTO ${table} (learner_id, ${t.keyColumn}${valueCols}, timestamp, deleted_at) VALUES (@learnerId, @key${valueArgs}, @now, NULL)
     ON CONFLICT (learner_id, ${t.keyColumn}) DO UPDATE SET timestamp = max(timestamp, excluded.timestamp), deleted_at = NULL${valueSet}
     WHERE ${changed}`,
  ).run(t.valueColumn ? { learnerId, key, value, now } : { learnerId, key, now });
  const row = cachedRowsStatement(ctx.sqlite, `SELECT ${t.rows.columns} FROM ${table} WHERE learner_id = ? AND ${t.keyColumn} = ? AND deleted_at IS NULL`).get(learnerId, key) as Row;
  return t.rows.from(row);
}

export function removeRemovable<R extends AnyRemovable>(ctx: ManagerContext, t: RemovableTable<R>, learnerId: string, key: string): { removed: true } {
  const now = ctx.now();
  touchLearner(ctx, learnerId, now);
  const result = cachedStatement(
    ctx.sqlite,
    `UPDATE ${t.rows.table} SET deleted_at = max(timestamp, @now), timestamp = max(timestamp, @now)
     WHERE learner_id = @learnerId AND ${t.keyColumn} = @key AND deleted_at IS NULL`,
  ).run({ learnerId, key, now });
  if (result.changes === 0) throw new DalaError('not_found', `${t.describe(key)} is not in this learner's profile.`, t.keyField);
  return { removed: true };
}

/** Live rows only, oldest first. */
export function listRemovable<R extends AnyRemovable>(ctx: ManagerContext, t: RemovableTable<R>, learnerId: string): R[] {
  const raw = cachedRowsStatement(ctx.sqlite, `SELECT ${t.rows.columns} FROM ${t.rows.table} WHERE learner_id = ? AND deleted_at IS NULL ORDER BY timestamp, ${t.keyColumn}`).all(learnerId);
  return mapRows(raw, t.rows.from);
}

/** The remove and list handlers of a removable table; adding differs per table (values, badges). */
export function removableOperations<R extends AnyRemovable, O>(t: RemovableTable<R>, live: (row: R) => O) {
  return {
    remove(ctx: ManagerContext, learnerId: string, key: string): { removed: true } {
      return writeTransaction(ctx, () => removeRemovable(ctx, t, learnerId, key));
    },
    list(ctx: ManagerContext, learnerId: string): O[] {
      return readQuery(() => {
        assertLearnerExists(ctx, learnerId);
        return listRemovable(ctx, t, learnerId).map(live);
      });
    },
  };
}
