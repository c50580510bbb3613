import { z } from 'zod';
import type { SignInMethod } from './accounts';
import type { LoStatus } from './dto';

/** Classes of a machine as the picker, Educator tools and the class report see them. */

export const classId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _');

export const className = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

/** What the shared picker shows: a class by name, never its learners' progress. */
export interface ClassView {
  id: string;
  name: string;
  signInMethod: SignInMethod;
  /** Only educators see archived classes. */
  archived: boolean;
}

/** An educator's view of a class: who is in it and who looks after it. */
export interface ClassDetailView extends ClassView {
  learnerIds: string[];
  coachIds: string[];
}

/** A name for the picker, with the classes it is listed under. */
export interface LearnerNameView {
  id: string;
  displayName: string;
  classIds: string[];
}

export interface ClassReportLearner {
  learnerId: string;
  displayName: string;
  /** Interests, preference tasks and diagnostics done, of those the assessment has. */
  assessment: { finished: boolean; interests: boolean; preferencesDone: number; preferencesTotal: number; diagnosticsDone: number; diagnosticsTotal: number };
  /** By learning-objective id; an objective never started is absent. */
  objectives: Record<string, { status: LoStatus; bestScore: number | null }>;
  badges: Array<{ badgeId: string; badgeName: string }>;
}

/** Learners × learning objectives of one class: the screen and the CSV come from this one query. */
export interface ClassReportView {
  classId: string;
  className: string;
  generatedAt: string;
  objectives: Array<{ loId: string; title: string; subjectId: string }>;
  learners: ClassReportLearner[];
}

export const AUDIT_ACTIONS = [
  'educator_unlocked',
  'educator_unlock_failed',
  'first_admin_created',
  'educator_created',
  'educator_updated',
  'educator_password_reset',
  'educator_disabled',
  'educator_enabled',
  'coach_assigned',
  'coach_unassigned',
  'class_created',
  'class_renamed',
  'class_archived',
  'class_restored',
  'class_sign_in_changed',
  'class_member_added',
  'class_member_removed',
  'learner_created',
  'learner_deleted',
  'learner_secret_set',
  'learner_secret_reset',
  'profile_exported',
  'profile_imported',
  'import_undone',
  'backup_started',
  'restore_started',
  'snapshot_created',
  'snapshot_restored',
  'orphans_fixed',
  'settings_changed',
  'school_hub_enrolled',
  'school_hub_left',
  'class_report_exported',
  'automatic_backup_made',
  'automatic_backup_restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log: ids and short codes, never names, passwords or profile contents. */
export interface AuditEntryView {
  id: number;
  at: string;
  action: AuditAction;
  actor: 'educator' | 'cli' | 'learner' | 'anyone';
  educatorId: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: string | null;
}
