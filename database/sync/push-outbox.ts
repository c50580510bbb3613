import type Database from 'better-sqlite3';
import { MAX_HUB_REQUEST_BYTES, MAX_PUSH_OPERATIONS } from '../../electron/common/sync/hub-protocol';
import { StaleSyncError } from './apply-pulled';
import { HubRequestError, type HubClient } from './hub-client';
import { removeOperations, takeBatch, type OutboxBatch } from './outbox';
import { pendingOperationCount, readSyncState } from './sync-state';

/**
 * The push half of a sync: every waiting operation to the hub, one batch in flight at a time (a
 * learner must reach the hub before their rows: batches are applied in the order they were made).
 * While the hub works on a batch, the next one is read from the outbox. Acknowledged operations
 * are deleted together, every few thousand and at the end, not one transaction (and one fsync)
 * per batch: one not yet deleted when the app dies is sent again, and the hub skips it.
 */

/** Room for the request's envelope around the operations. */
const MAX_PUSH_BYTES = Math.floor(MAX_HUB_REQUEST_BYTES * 0.9);
/** Acknowledged operations deleted in one transaction. */
const REMOVE_EVERY = 5_000;

const TOO_LARGE_ONE = "A change on this machine is larger than the school hub accepts. Ask the hub's IT person to raise the hub's request limit; changes after it wait until then.";

/** Lets a request that was just started leave before synchronous SQLite work holds the event loop. */
const yieldToNetwork = () => new Promise((resolve) => setImmediate(resolve));

export async function pushOutbox(sqlite: Database.Database, client: HubClient, machineId: string, onEvent?: (event: string, detail: string) => void): Promise<number> {
  let pushed = 0;
  let limit = MAX_PUSH_OPERATIONS;
  const acknowledged: number[] = [];
  const removeAcknowledged = () => removeOperations(sqlite, acknowledged.splice(0));
  const take = (afterSeq: number): OutboxBatch => {
    const batch = takeBatch(sqlite, limit, MAX_PUSH_BYTES, afterSeq);
    if (batch.unsendable.length > 0) {
      removeOperations(sqlite, batch.unsendable);
      onEvent?.('school-hub-unsendable', `${batch.unsendable.length} queued changes break the hub protocol and were not sent`);
    }
    return batch;
  };
  try {
    let batch = take(0);
    for (;;) {
      // Left (and perhaps enrolled elsewhere) while a request was out: the outbox is not ours to send.
      if (readSyncState(sqlite)?.machineId !== machineId) throw new StaleSyncError();
      if (batch.operations.length === 0) {
        if (batch.unsendable.length === 0) return pushed;
        batch = take(batch.lastSeq);
        continue;
      }
      const pendingAfter = Math.max(0, pendingOperationCount(sqlite) - acknowledged.length - batch.operations.length);
      const answer = client.push({ operations: batch.operations, pendingAfter });
      answer.catch(() => undefined);
      await yieldToNetwork();
      const next = take(batch.lastSeq);
      try {
        await answer;
      } catch (error) {
        if (error instanceof HubRequestError && error.kind === 'too_large') {
          if (batch.operations.length === 1) throw new HubRequestError('error', TOO_LARGE_ONE, error.status, error.hubCode);
          // Smaller batches until they fit; the hub applied nothing of a refused one.
          limit = Math.max(1, Math.floor(batch.operations.length / 2));
          batch = take(batch.firstSeq - 1);
          continue;
        }
        throw error;
      }
      // Only now: a crash before the delete sends the same operation ids again, which the hub skips.
      acknowledged.push(...batch.seqs);
      pushed += batch.operations.length;
      if (acknowledged.length >= REMOVE_EVERY) removeAcknowledged();
      batch = next;
    }
  } finally {
    removeAcknowledged();
  }
}
