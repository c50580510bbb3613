import { randomUUID } from 'node:crypto';
import { DalaError } from '../../electron/common/errors';

/** A validated file waits this long between the preview and the educator's decision. */
const PENDING_IMPORT_MS = 30 * 60_000;
const MAX_PENDING_IMPORTS = 8;

/** A profile file that was checked and previewed: where it is, how it opens, and what it held then. */
export interface PendingImport {
  path: string;
  fileName: string;
  passphrase: string | undefined;
  learnerId: string;
  /** The file's checksum at the preview: the import refuses a file that changed since. */
  checksum: string;
  /** Its size at the preview: a large one is imported on a worker. */
  sizeBytes: number;
}

/** Profile files that were checked and previewed, by the id the window applies them with. */
export interface PendingImports {
  add(pending: PendingImport): string;
  /** The waiting import, or not_found when it expired or was never there. */
  take(importId: string): PendingImport;
  /** Forgets it once applied (a refused apply may be retried with another policy). */
  remove(importId: string): void;
}

export function createPendingImports(now: () => number = Date.now): PendingImports {
  const pending = new Map<string, PendingImport & { expires: number }>();
  return {
    add(item) {
      const at = now();
      for (const [id, p] of pending) if (p.expires < at) pending.delete(id);
      while (pending.size >= MAX_PENDING_IMPORTS) pending.delete(pending.keys().next().value as string);
      const importId = randomUUID();
      pending.set(importId, { ...item, expires: at + PENDING_IMPORT_MS });
      return importId;
    },
    take(importId) {
      const waiting = pending.get(importId);
      if (!waiting || waiting.expires < now()) throw new DalaError('not_found', 'This import has expired. Choose the file again.', 'importId');
      return waiting;
    },
    remove(importId) {
      pending.delete(importId);
    },
  };
}
