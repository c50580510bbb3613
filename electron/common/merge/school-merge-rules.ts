import { canonicalJson } from './canonical-json';
import type { ClassCoachRow, ClassMemberRow, ClassRecord, EducatorRecord, LearnerSecretRow } from './school-records-schema';

/**
 * The merge of two versions of one school record: last writer wins by the record's own time,
 * ties broken by the greater canonical JSON, as for preferences (merge-rules.ts). Commutative,
 * idempotent and associative, because each picks the maximum of a total order.
 *
 * - a class, an educator account, a learner's secret: by `updatedAt`;
 * - a class membership, a coach's class: by the time of its latest event, `removedAt` when
 *   removed, else `addedAt`/`assignedAt` (adding again later makes a new `addedAt`).
 */

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function latest<T>(a: T, b: T, time: (r: T) => string): T {
  const byTime = compareText(time(a), time(b));
  if (byTime !== 0) return byTime > 0 ? a : b;
  return compareText(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

export const membershipTime = (m: ClassMemberRow): string => m.removedAt ?? m.addedAt;
export const coachingTime = (c: ClassCoachRow): string => c.removedAt ?? c.assignedAt;

export const mergeClassRecord = (a: ClassRecord, b: ClassRecord): ClassRecord => latest(a, b, (c) => c.updatedAt);
export const mergeEducatorRecord = (a: EducatorRecord, b: EducatorRecord): EducatorRecord => latest(a, b, (e) => e.updatedAt);
export const mergeLearnerSecret = (a: LearnerSecretRow, b: LearnerSecretRow): LearnerSecretRow => latest(a, b, (s) => s.updatedAt);
export const mergeClassMember = (a: ClassMemberRow, b: ClassMemberRow): ClassMemberRow => latest(a, b, membershipTime);
export const mergeClassCoach = (a: ClassCoachRow, b: ClassCoachRow): ClassCoachRow => latest(a, b, coachingTime);
