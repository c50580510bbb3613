/**
 * Runs calls one at a time, in arrival order. The database is one synchronous connection, but
 * some handlers await (a snapshot through the backup API, an import that snapshots first): without
 * the queue two such calls could interleave. IPC and HTTP share this one semantics.
 */
export interface CallQueue {
  run<T>(job: () => T | Promise<T>): Promise<T>;
  /** Resolves when every call queued so far has finished. */
  idle(): Promise<void>;
}

export function createCallQueue(): CallQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(job: () => T | Promise<T>): Promise<T> {
      const result = tail.then(job);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
