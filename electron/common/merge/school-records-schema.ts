import { z } from 'zod';
import { educatorRole, signInMethod, username } from '../accounts';
import { classId, className } from '../classes';
import * as dto from '../dto';

/**
 * The school's own records as they travel to and from the school hub: classes, educator accounts
 * and the classes they coach (school-wide), a learner's class memberships and sign-in secret (per
 * learner). Each carries the row's whole state and the time that orders its versions, so both
 * sides merge them with school-merge-rules.ts. A removal is a version too (`removedAt`, or a
 * secret with no kind), so that an older version cannot bring back what was taken away.
 */

const time = dto.isoTimestamp;
const optionalTime = time.nullable().default(null);
/** `scrypt$N$r$p$salt$hash` (database/accounts/secret-hash.ts): only hashes ever travel. */
export const scryptHash = z
  .string()
  .max(300)
  .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'must be a scrypt hash');

export const classRecordSchema = z
  .object({
    id: classId,
    name: className,
    signInMethod,
    createdAt: time,
    updatedAt: time,
    archivedAt: optionalTime,
  })
  .refine((c) => c.updatedAt >= c.createdAt, { message: 'updatedAt must not be before createdAt', path: ['updatedAt'] });

export const educatorRecordSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _'),
    username,
    displayName: dto.displayName,
    role: educatorRole,
    passwordHash: scryptHash,
    createdAt: time,
    updatedAt: time,
    disabledAt: optionalTime,
  })
  .refine((e) => e.updatedAt >= e.createdAt, { message: 'updatedAt must not be before createdAt', path: ['updatedAt'] });

/** A coach's class: `removedAt` set once the coach was taken off it. */
export const classCoachRowSchema = z
  .object({ classId, educatorId: educatorRecordSchema.shape.id, assignedAt: time, removedAt: optionalTime })
  .refine((c) => c.removedAt === null || c.removedAt >= c.assignedAt, { message: 'removedAt must not be before assignedAt', path: ['removedAt'] });

/** One class of the learner the change names: `removedAt` set once they were taken out of it. */
export const classMemberRowSchema = z
  .object({ classId, addedAt: time, removedAt: optionalTime })
  .refine((m) => m.removedAt === null || m.removedAt >= m.addedAt, { message: 'removedAt must not be before addedAt', path: ['removedAt'] });

/** The learner's PIN or picture password as a hash; `kind` null: reset to "pick your name" at `updatedAt`. */
export const learnerSecretRowSchema = z
  .object({ kind: z.enum(['pin', 'picture']).nullable(), secretHash: scryptHash.nullable(), updatedAt: time })
  .refine((s) => (s.kind === null) === (s.secretHash === null), { message: 'secretHash must be set exactly when kind is', path: ['secretHash'] });

export type ClassRecord = z.output<typeof classRecordSchema>;
export type EducatorRecord = z.output<typeof educatorRecordSchema>;
export type ClassCoachRow = z.output<typeof classCoachRowSchema>;
export type ClassMemberRow = z.output<typeof classMemberRowSchema>;
export type LearnerSecretRow = z.output<typeof learnerSecretRowSchema>;
