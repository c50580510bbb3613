import { z } from 'zod';

/**
 * Input DTOs of the persistence manager. The same schemas parse IPC payloads, HTTP bodies and
 * CLI arguments, so every entry point enforces the same rules.
 */

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** UTC ISO-8601 with milliseconds, e.g. 2026-11-21T09:30:00.000Z: comparable as text. */
export const isoTimestamp = z
  .string()
  .regex(ISO_UTC_MS, 'must be a UTC time like 2026-01-31T09:30:00.000Z')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'is not a real date and time');

const SLUG = /^[A-Za-z0-9_.-]+$/;
// Control characters would make names unprintable in reports and CLI output.
const hasNoControlChars = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

export const learnerId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _');

export const displayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine(hasNoControlChars, 'must not contain control characters');

const label = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).refine(hasNoControlChars, 'must not contain control characters');

const slug = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).regex(SLUG, 'may contain only letters, digits, ., - and _');

export const score = z.number().finite().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
export const loStatus = z.enum(['not_started', 'in_progress', 'completed']);
export type LoStatus = z.infer<typeof loStatus>;

const MAX_JSON_CHARS = 20_000;
/** A small JSON object (answers, timings, metric values); bounded so one row cannot bloat the file. */
/** Profile files refuse details nested deeper than this, so saves must too (else an export could not be imported). */
export const MAX_JSON_DEPTH = 16;
function depthWithin(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return false;
    for (const child of Object.values(current as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return true;
}
export const jsonObject = z
  .record(z.string(), z.json())
  .refine((o) => JSON.stringify(o).length <= MAX_JSON_CHARS, `must be at most ${MAX_JSON_CHARS} characters as JSON`)
  .refine((o) => depthWithin(o, MAX_JSON_DEPTH), `must not be nested more than ${MAX_JSON_DEPTH} levels deep`);
export type JsonObject = z.infer<typeof jsonObject>;

export const uuid = z.uuid('must be a UUID');

export const createLearnerProfileInput = z.strictObject({ displayName, id: learnerId.optional() });
export const learnerRefInput = z.strictObject({ learnerId });
export const getOrCreateLearnerProfileInput = z.strictObject({ learnerId, displayName });

export const preferenceCategory = slug(100);
export const addOrUpdatePreferenceInput = z.strictObject({ learnerId, category: preferenceCategory, value: label(200) });
export const removePreferenceInput = z.strictObject({ learnerId, category: preferenceCategory });

export const interestName = label(100);
export const interestInput = z.strictObject({ learnerId, interestName });

export const struggleDescription = label(200);
export const struggleInput = z.strictObject({ learnerId, struggleDescription });

export const taskName = slug(100);
export const addOrUpdateCognitiveMetricInput = z.strictObject({ learnerId, taskName, metricDetails: jsonObject });

export const loId = slug(64);
export const addOrUpdateLoProgressInput = z.strictObject({
  learnerId,
  loId,
  status: loStatus,
  score: score.optional(),
  details: jsonObject.optional(),
});

export const badgeId = slug(64);
export const addBadgeRecordInput = z.strictObject({
  learnerId,
  badgeId,
  badgeName: label(100),
  details: jsonObject.optional(),
});

export const activityType = slug(32);
export const addActivityAttemptInput = z.strictObject({
  learnerId,
  loId,
  activityId: slug(100),
  activityType,
  score: score.optional(),
  completed: z.boolean(),
  attemptDetails: jsonObject.optional(),
  /** Given by a client that retries, so a retried save cannot record the attempt twice. */
  attemptUid: uuid.optional(),
});

export const listActivityAttemptsInput = z.strictObject({
  learnerId,
  limit: z.number().int().min(1).max(10_000).optional(),
  loId: loId.optional(),
});

export type CreateLearnerProfileInput = z.input<typeof createLearnerProfileInput>;
export type LearnerRefInput = z.input<typeof learnerRefInput>;
export type GetOrCreateLearnerProfileInput = z.input<typeof getOrCreateLearnerProfileInput>;
export type AddOrUpdatePreferenceInput = z.input<typeof addOrUpdatePreferenceInput>;
export type RemovePreferenceInput = z.input<typeof removePreferenceInput>;
export type InterestInput = z.input<typeof interestInput>;
export type StruggleInput = z.input<typeof struggleInput>;
export type AddOrUpdateCognitiveMetricInput = z.input<typeof addOrUpdateCognitiveMetricInput>;
export type AddOrUpdateLoProgressInput = z.input<typeof addOrUpdateLoProgressInput>;
export type AddBadgeRecordInput = z.input<typeof addBadgeRecordInput>;
export type AddActivityAttemptInput = z.input<typeof addActivityAttemptInput>;
export type ListActivityAttemptsInput = z.input<typeof listActivityAttemptsInput>;
