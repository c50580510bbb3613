import { z } from 'zod';
import * as dto from '../dto';
import { isPlainObject, isRealIsoTimestamp, numberRule, smallJsonObject, stringRule, withFastAccept, withFastPath } from './fast-accept';

/**
 * The rows of one learner as they travel in profile and backup files: every row, tombstones
 * included, with the timestamps the merge rules need. Objects are not strict: a newer app may add
 * optional fields, which this version ignores (forward-compatible reading).
 */

const MAX_JSON_DEPTH = 16;
function jsonDepth(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const v of Object.values(value as Record<string, unknown>)) {
    deepest = Math.max(deepest, jsonDepth(v, depth + 1));
    if (deepest > MAX_JSON_DEPTH) break;
  }
  return deepest;
}
/** Limits of dto.jsonObject, for the fast path below (tests/fast-accept.test.ts keeps them equal). */
export const MAX_DETAILS_JSON_CHARS = 20_000;
// Every row has timestamps and most have details: the same schemas, with a fast path in front
// for values that are plainly valid (see fast-accept.ts). Messages and JSON Schema are unchanged.
const isoTimestamp = withFastAccept(dto.isoTimestamp, isRealIsoTimestamp);
const details = withFastAccept(
  dto.jsonObject.refine((v) => jsonDepth(v) <= MAX_JSON_DEPTH, `must not be nested more than ${MAX_JSON_DEPTH} levels deep`),
  smallJsonObject(MAX_DETAILS_JSON_CHARS, MAX_JSON_DEPTH),
);
const optionalTime = isoTimestamp.nullable().default(null);

export const learnerRecordSchema = z
  .object({
    id: dto.learnerId,
    displayName: dto.displayName,
    createdAt: isoTimestamp,
    lastUpdatedAt: isoTimestamp,
  })
  .refine((l) => l.lastUpdatedAt >= l.createdAt, { message: 'lastUpdatedAt must not be before createdAt', path: ['lastUpdatedAt'] });

export const preferenceRowSchema = z.object({ category: dto.preferenceCategory, value: z.string().min(1).max(200), timestamp: isoTimestamp, deletedAt: optionalTime });
export const interestRowSchema = z.object({ interestName: dto.interestName, timestamp: isoTimestamp, deletedAt: optionalTime });
export const struggleRowSchema = z.object({ struggleDescription: dto.struggleDescription, timestamp: isoTimestamp, deletedAt: optionalTime });
export const metricRowSchema = z.object({ taskName: dto.taskName, metricDetails: details, timestamp: isoTimestamp });
export const progressRowSchema = z
  .object({
    loId: dto.loId,
    status: dto.loStatus,
    startedAt: isoTimestamp,
    completedAt: optionalTime,
    score: dto.score.nullable().default(null),
    details: details.nullable().default(null),
  })
  .refine((p) => (p.status === 'completed') === (p.completedAt !== null), { message: 'completedAt must be set exactly when status is completed', path: ['completedAt'] })
  .refine((p) => p.completedAt === null || p.completedAt >= p.startedAt, { message: 'completedAt must not be before startedAt', path: ['completedAt'] });
export const badgeRowSchema = z.object({ badgeId: dto.badgeId, badgeName: z.string().min(1).max(100), earnedDate: isoTimestamp, details: details.nullable().default(null) });
const attemptRowShape = {
  attemptUid: dto.uuid,
  loId: dto.loId,
  activityId: z.string().min(1).max(100),
  activityType: dto.activityType,
  attemptTimestamp: isoTimestamp,
  score: dto.score.nullable().default(null),
  completed: z.boolean(),
  attemptDetails: details.nullable().default(null),
};

/**
 * Attempts are most of the rows of a file: a plainly valid one is checked by plain code and gets
 * exactly the object zod would make (known fields only, in schema order, defaults filled in);
 * anything else goes through the schema. The string and number limits come from the schemas
 * above; tests/fast-accept.test.ts checks the whole rule against zod on generated rows.
 */
const attemptRule = {
  attemptUid: stringRule(dto.uuid),
  loId: stringRule(dto.loId),
  activityId: stringRule(attemptRowShape.activityId),
  activityType: stringRule(dto.activityType),
  score: numberRule(dto.score),
  details: smallJsonObject(MAX_DETAILS_JSON_CHARS, MAX_JSON_DEPTH),
};
function fastAttemptRow(value: unknown): { value: z.output<z.ZodObject<typeof attemptRowShape>> } | undefined {
  if (!isPlainObject(value)) return undefined;
  const { attemptUid, loId, activityId, activityType, attemptTimestamp, score, completed, attemptDetails } = value;
  if (!attemptRule.attemptUid(attemptUid) || !attemptRule.loId(loId) || !attemptRule.activityId(activityId) || !attemptRule.activityType(activityType)) return undefined;
  if (!isRealIsoTimestamp(attemptTimestamp) || typeof completed !== 'boolean') return undefined;
  if (score != null && !attemptRule.score(score)) return undefined;
  if (attemptDetails != null && !attemptRule.details(attemptDetails)) return undefined;
  return {
    value: {
      attemptUid,
      loId,
      activityId,
      activityType,
      attemptTimestamp: attemptTimestamp as string,
      score: (score ?? null) as number | null,
      completed,
      attemptDetails: (attemptDetails ?? null) as z.output<typeof details> | null,
    },
  };
}

export const attemptRowSchema = withFastPath(z.object(attemptRowShape), fastAttemptRow);

/** Each table's rows must be unique by the same key as the database's UNIQUE constraint. */
function uniqueBy<T extends z.ZodType>(row: T, key: (r: z.output<T>) => string, what: string) {
  return z.array(row).superRefine((rows, ctx) => {
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      const k = key(r);
      const first = seen.get(k);
      if (first !== undefined) ctx.addIssue({ code: 'custom', message: `duplicate ${what} "${k}" (also at index ${first})`, path: [i] });
      else seen.set(k, i);
    });
  });
}

export const learnerRecordsSchema = z.object({
  preferences: uniqueBy(preferenceRowSchema, (r) => r.category, 'preference category'),
  interests: uniqueBy(interestRowSchema, (r) => r.interestName, 'interest'),
  struggles: uniqueBy(struggleRowSchema, (r) => r.struggleDescription, 'struggle area'),
  cognitiveMetrics: uniqueBy(metricRowSchema, (r) => r.taskName, 'diagnostic task'),
  loProgress: uniqueBy(progressRowSchema, (r) => r.loId, 'learning objective'),
  badges: uniqueBy(badgeRowSchema, (r) => r.badgeId, 'badge'),
  activityAttempts: uniqueBy(attemptRowSchema, (r) => r.attemptUid, 'attempt uid'),
});

export type LearnerRecord = z.output<typeof learnerRecordSchema>;
export type LearnerRecords = z.output<typeof learnerRecordsSchema>;
export type PreferenceRow = z.output<typeof preferenceRowSchema>;
export type InterestRow = z.output<typeof interestRowSchema>;
export type StruggleRow = z.output<typeof struggleRowSchema>;
export type MetricRow = z.output<typeof metricRowSchema>;
export type ProgressRow = z.output<typeof progressRowSchema>;
export type BadgeRow = z.output<typeof badgeRowSchema>;
export type AttemptRow = z.output<typeof attemptRowSchema>;

export const RECORD_TABLES = ['preferences', 'interests', 'struggles', 'cognitiveMetrics', 'loProgress', 'badges', 'activityAttempts'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
export type RecordCounts = Record<RecordTable, number>;

export const recordCountsSchema = z.object(Object.fromEntries(RECORD_TABLES.map((t) => [t, z.number().int().min(0)])) as Record<RecordTable, z.ZodNumber>);

export function countRecords(records: LearnerRecords): RecordCounts {
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, records[t].length])) as RecordCounts;
}
