import { DalaError, isDalaError } from '../electron/common/errors';

/**
 * Maps SQLite and file-system failures to typed errors with messages an educator can act on.
 * better-sqlite3 errors carry `code` (SQLITE_CONSTRAINT_UNIQUE, …); drizzle wraps them in `cause`.
 */
function sqliteCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether the error carries a SQLite or file-system code (so it maps to a message, not a crash). */
export const hasStorageCode = (error: unknown): boolean => sqliteCode(error) !== undefined;

export function toDalaError(error: unknown): DalaError {
  if (isDalaError(error)) return error;
  const code = sqliteCode(error);
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new DalaError('conflict', 'This record already exists.');
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new DalaError('not_found', 'The learner for this record does not exist.');
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return new DalaError('invalid_input', 'The value is outside what the database accepts.');
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DalaError('storage', 'The database is busy with another program. Wait a moment and try again.');
    case 'SQLITE_READONLY':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DalaError('storage', 'The data folder cannot be written to. Ask an educator to check the folder permissions.');
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return new DalaError('storage', 'The disk is full. Free some space, then try again.');
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new DalaError('storage', 'The database file is damaged. An educator can run "dala verify" or restore a snapshot.');
    case 'SQLITE_CONSTRAINT_TRIGGER':
      return new DalaError('storage', 'Saving failed because of a problem with the database. Try again; if it keeps happening, ask an educator.');
    default:
      if (code?.startsWith('SQLITE_CONSTRAINT')) return new DalaError('invalid_input', 'The value is outside what the database accepts.');
      return new DalaError('storage', 'Saving failed because of a problem with the database. Try again; if it keeps happening, ask an educator.');
  }
}
