import type { LearnerSecret, SignInMethod } from '../../electron/common/accounts';
import { DalaError } from '../../electron/common/errors';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';
import { hashSecret } from './secret-hash';

/** The text a secret is hashed as: its kind and its value, so a PIN never matches pictures. */
export const secretText = (secret: LearnerSecret): string => (secret.kind === 'pin' ? `pin:${secret.pin}` : `picture:${secret.pictures.join(',')}`);

export interface StoredSecret {
  kind: 'pin' | 'picture';
  secretHash: string;
}

export function storedSecret(ctx: Pick<ManagerContext, 'sqlite'>, learnerId: string): StoredSecret | undefined {
  return cachedStatement(ctx.sqlite, 'SELECT kind, secret_hash AS secretHash FROM learner_secrets WHERE learner_id = ?').get(learnerId) as StoredSecret | undefined;
}

/**
 * How a learner signs in: with the secret they have, else as the strictest of their (not archived)
 * classes asks (a PIN before pictures), else by picking their name.
 */
export function signInMethodOf(ctx: Pick<ManagerContext, 'sqlite'>, learnerId: string): SignInMethod {
  const stored = storedSecret(ctx, learnerId);
  if (stored) return stored.kind;
  const methods = new Set(
    (
      cachedStatement(ctx.sqlite, 'SELECT DISTINCT k.sign_in_method AS method FROM class_members m JOIN classes k ON k.id = m.class_id WHERE m.learner_id = ? AND k.archived_at IS NULL').all(
        learnerId,
      ) as Array<{ method: SignInMethod }>
    ).map((r) => r.method),
  );
  return methods.has('pin') ? 'pin' : methods.has('picture') ? 'picture' : 'none';
}

export function assertLearner(ctx: Pick<ManagerContext, 'sqlite'>, learnerId: string): { id: string; displayName: string } {
  const learner = cachedStatement(ctx.sqlite, 'SELECT id, display_name AS displayName FROM learner_profiles WHERE id = ?').get(learnerId) as { id: string; displayName: string } | undefined;
  if (!learner) throw new DalaError('not_found', `There is no learner with id "${learnerId}".`, 'learnerId');
  return learner;
}

/** Hashes and stores a learner's secret (replacing one they had). Call outside a transaction: hashing takes a moment. */
export async function saveLearnerSecret(ctx: ManagerContext, learnerId: string, secret: LearnerSecret): Promise<void> {
  const secretHash = await hashSecret(secretText(secret));
  ctx.sqlite
    .transaction(() => {
      assertLearner(ctx, learnerId);
      cachedStatement(
        ctx.sqlite,
        `INSERT INTO learner_secrets (learner_id, kind, secret_hash, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (learner_id) DO UPDATE SET kind = excluded.kind, secret_hash = excluded.secret_hash, updated_at = excluded.updated_at`,
      ).run(learnerId, secret.kind, secretHash, ctx.now());
      // A new secret starts with a clean slate of tries.
      cachedStatement(ctx.sqlite, 'DELETE FROM sign_in_throttle WHERE key = ?').run(learnerThrottleKey(learnerId));
    })
    .immediate();
}

export const learnerThrottleKey = (learnerId: string): string => `learner:${learnerId}`;
export const educatorThrottleKey = (username: string): string => `educator:${username.toLowerCase()}`;
