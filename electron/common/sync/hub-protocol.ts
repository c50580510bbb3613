import { z } from 'zod';
import * as dto from '../dto';
import {
  attemptRowSchema,
  badgeRowSchema,
  interestRowSchema,
  learnerRecordSchema,
  metricRowSchema,
  preferenceRowSchema,
  progressRowSchema,
  struggleRowSchema,
} from '../merge/records-schema';
import { classCoachRowSchema, classMemberRowSchema, classRecordSchema, educatorRecordSchema, learnerSecretRowSchema } from '../merge/school-records-schema';

/**
 * The wire protocol between a lab machine and the school hub (DESIGN.md, "The school hub").
 * One shape for a change, whichever way it goes: a machine pushes operations (a change with the
 * id that makes it idempotent) and pulls changes (a change with the school's sequence number).
 * A change carries the row's whole state in the profile-file record form, so both sides apply it
 * with the merge laws of profile import (electron/common/merge/merge-rules.ts): applying one
 * twice, or an older one after a newer one, changes nothing.
 *
 * Routes (JSON bodies; every error is `{ error: { code, message } }` with a HubErrorCode):
 *   POST /v1/enrol   EnrolRequest → EnrolResponse            (no credential: the code is the key)
 *   POST /v1/push    PushRequest  → PushResponse             (Authorization: Bearer <credential>)
 *   GET  /v1/pull?after=N&limit=M → PullResponse             (Authorization: Bearer <credential>)
 *   GET  /health     → HubHealth (200 when healthy, 503 otherwise)
 *   GET  /metrics    → Prometheus text format
 */

export const HUB_PROTOCOL_VERSION = 1;
/** Operations in one push: one hub transaction each batch. */
export const MAX_PUSH_OPERATIONS = 500;
/** Changes in one pull answer (the hub may send fewer). */
export const MAX_PULL_CHANGES = 1000;
/** The largest request body the hub reads (a push of 500 attempts with large details fits). */
export const MAX_HUB_REQUEST_BYTES = 8 * 1024 * 1024;

const change = <T extends string, S extends z.ZodType>(table: T, row: S) => z.strictObject({ table: z.literal(table), learnerId: dto.learnerId, row });
/** A change of the school's own records (classes, educators, coaching): it names no learner. */
const schoolChange = <T extends string, S extends z.ZodType>(table: T, row: S) => z.strictObject({ table: z.literal(table), learnerId: z.null(), row });

/** A deletion of a whole learner: it wins over every other change of theirs, everywhere. */
export const learnerDeletionSchema = z.strictObject({ deletedAt: dto.isoTimestamp });

export const syncChangeSchema = z
  .discriminatedUnion('table', [
    change('learner', learnerRecordSchema),
    change('preferences', preferenceRowSchema),
    change('interests', interestRowSchema),
    change('struggles', struggleRowSchema),
    change('cognitiveMetrics', metricRowSchema),
    change('loProgress', progressRowSchema),
    change('badges', badgeRowSchema),
    change('activityAttempts', attemptRowSchema),
    change('learnerDeletion', learnerDeletionSchema),
    change('classMembers', classMemberRowSchema),
    change('learnerSecret', learnerSecretRowSchema),
    schoolChange('class', classRecordSchema),
    schoolChange('educator', educatorRecordSchema),
    schoolChange('classCoaches', classCoachRowSchema),
  ])
  .refine((c) => c.table !== 'learner' || c.row.id === c.learnerId, { message: 'a learner change must name the same learner as its row', path: ['row', 'id'] });
export type SyncChange = z.output<typeof syncChangeSchema>;
export type SyncTable = SyncChange['table'];
export const SYNC_TABLES = [
  'learner',
  'preferences',
  'interests',
  'struggles',
  'cognitiveMetrics',
  'loProgress',
  'badges',
  'activityAttempts',
  'learnerDeletion',
  'classMembers',
  'learnerSecret',
  'class',
  'educator',
  'classCoaches',
] as const satisfies readonly SyncTable[];
/** The changes that name no learner: the school's classes, educators and who coaches which class. */
export const SCHOOL_SYNC_TABLES = ['class', 'educator', 'classCoaches'] as const satisfies readonly SyncTable[];
export type SchoolSyncChange = Extract<SyncChange, { learnerId: null }>;
export type LearnerSyncChange = Exclude<SyncChange, { learnerId: null }>;
export const isSchoolChange = (change: SyncChange): change is SchoolSyncChange => change.learnerId === null;

/** A change as a machine queued it: `opId` is random and makes the push idempotent. */
export const syncOperationSchema = z.strictObject({ opId: dto.uuid, change: syncChangeSchema });
export type SyncOperation = z.output<typeof syncOperationSchema>;

export const pushRequestSchema = z.strictObject({
  operations: z.array(syncOperationSchema).min(1).max(MAX_PUSH_OPERATIONS),
  /** How many operations the machine still has waiting after this batch (for the hub's metrics). */
  pendingAfter: z.number().int().min(0).optional(),
});
export type PushRequest = z.output<typeof pushRequestSchema>;

export const pushResponseSchema = z.strictObject({
  /** Operations in the batch. */
  received: z.number().int().min(0),
  /** Operations the hub had already applied (a retried batch): skipped. */
  duplicates: z.number().int().min(0),
  /** Rows that got a new sequence number: changed by the batch, or sent again because the pushed version lost. */
  changed: z.number().int().min(0),
  /** The school's latest sequence number after the batch. */
  latestSeq: z.number().int().min(0),
});
export type PushResponse = z.output<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
});
export type PullQuery = z.output<typeof pullQuerySchema>;

export const pulledChangeSchema = z.strictObject({ seq: z.number().int().min(1), change: syncChangeSchema });
export type PulledChange = z.output<typeof pulledChangeSchema>;

export const pullResponseSchema = z.strictObject({
  /** In ascending `seq`; every seq is > the `after` asked for. */
  changes: z.array(pulledChangeSchema).max(MAX_PULL_CHANGES),
  /**
   * The hub's current learner record of every learner the changes name (deleted ones excepted),
   * so that a machine can merge rows of a learner it has not seen yet.
   */
  learners: z.array(learnerRecordSchema),
  /**
   * The hub's current record of every class and educator the changes name (memberships and
   * coaching name a class, coaching an educator), so that a machine can place them. Older hubs
   * send none.
   */
  classes: z.array(classRecordSchema).default([]),
  educators: z.array(educatorRecordSchema).default([]),
  /** Where the next pull starts: the last change's seq, or `after` when there was none. */
  cursor: z.number().int().min(0),
  /** More changes wait after `cursor`. */
  more: z.boolean(),
});
export type PullResponse = z.output<typeof pullResponseSchema>;

/** An enrolment code as printed by `dala hub schools create`: groups of letters and digits. */
export const enrolmentCodeSchema = z
  .string()
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'must be the enrolment code the hub printed (letters, digits and dashes)');

export const enrolRequestSchema = z.strictObject({
  code: enrolmentCodeSchema,
  /** A name an IT person recognises in `dala hub machines list` (the computer's host name). */
  machineName: z.string().trim().min(1).max(100),
});
export type EnrolRequest = z.output<typeof enrolRequestSchema>;

/** A machine credential: `<machineId>.<secret>`; the hub stores only a hash of the secret. */
export const machineCredentialSchema = z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{32,128}$/, 'is not a machine credential');

export const enrolResponseSchema = z.strictObject({
  schoolId: dto.uuid,
  schoolName: z.string(),
  machineId: dto.uuid,
  credential: machineCredentialSchema,
});
export type EnrolResponse = z.output<typeof enrolResponseSchema>;

export const HUB_ERROR_CODES = [
  'invalid_input',
  /** No credential, or one the hub does not know. */
  'unauthorized',
  /** The machine's credential was revoked by the school's IT person: enrol again with a new code. */
  'revoked',
  /** The enrolment code is unknown, expired or revoked. */
  'code_invalid',
  'payload_too_large',
  'not_found',
  /** PostgreSQL is unreachable or the hub is shutting down: try again later. */
  'unavailable',
  'internal',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export const hubErrorBodySchema = z.strictObject({ error: z.strictObject({ code: z.enum(HUB_ERROR_CODES), message: z.string() }) });
export type HubErrorBody = z.output<typeof hubErrorBodySchema>;

export const hubHealthSchema = z.strictObject({
  status: z.enum(['ok', 'unavailable']),
  database: z.boolean(),
  /** The hub database's migration version, null when unreachable. */
  schemaVersion: z.number().int().nullable(),
  expectedSchemaVersion: z.number().int(),
  protocolVersion: z.number().int(),
});
export type HubHealth = z.output<typeof hubHealthSchema>;
