import { z } from 'zod';
import { learnerSecret, signInMethod } from '../accounts';
import { classId, className, type ClassDetailView, type ClassReportView, type ClassView, type LearnerNameView } from '../classes';
import { learnerId } from '../dto';
import type { LearnerSummary } from '../profile';
import { channel, classChannel, learnerChannel } from './define';

const empty = z.strictObject({});

/** Classes, their learners and coaches, the class report, and learners' sign-in secrets. */
export const classContract = {
  /** The picker's first screen: the machine's classes by name (archived ones only for educators). */
  listClasses: channel<ClassView[]>()(empty, 'anyone'),
  /** The picker's names, each with the classes it is listed under: names only, no progress. */
  listLearners: channel<LearnerNameView[]>()(empty, 'anyone'),
  /** Learners with their progress counts: an admin sees all, a coach the learners of their classes. */
  listLearnerSummaries: channel<LearnerSummary[]>()(empty, 'educator'),
  getClassDetails: classChannel<ClassDetailView>()(z.strictObject({ classId })),
  createClass: channel<ClassView>()(z.strictObject({ name: className, signInMethod: signInMethod.default('none'), id: classId.optional() }), 'admin', {
    audit: (_input, output) => ({ action: 'class_created', targetType: 'class', targetId: output.id }),
  }),
  renameClass: channel<ClassView>()(z.strictObject({ classId, name: className }), 'admin', {
    audit: (input) => ({ action: 'class_renamed', targetType: 'class', targetId: input.classId }),
  }),
  setClassArchived: channel<ClassView>()(z.strictObject({ classId, archived: z.boolean() }), 'admin', {
    audit: (input) => ({ action: input.archived ? 'class_archived' : 'class_restored', targetType: 'class', targetId: input.classId }),
  }),
  setClassSignInMethod: classChannel<ClassView>()(z.strictObject({ classId, method: signInMethod }), {
    audit: (input) => ({ action: 'class_sign_in_changed', targetType: 'class', targetId: input.classId, detail: input.method }),
  }),
  addClassMembers: classChannel<ClassDetailView>()(z.strictObject({ classId, learnerIds: z.array(learnerId).min(1).max(1000) }), {
    audit: (input) => input.learnerIds.map((id) => ({ action: 'class_member_added' as const, targetType: 'learner' as const, targetId: id, detail: input.classId })),
  }),
  removeClassMember: classChannel<ClassDetailView>()(z.strictObject({ classId, learnerId }), {
    audit: (input) => ({ action: 'class_member_removed', targetType: 'learner', targetId: input.learnerId, detail: input.classId }),
  }),
  getClassReport: classChannel<ClassReportView>()(z.strictObject({ classId })),
  /** The same report as CSV (UTF-8 with BOM, RFC 4180), for spreadsheet programs. */
  exportClassReportCsv: classChannel<{ fileName: string; content: string }>()(z.strictObject({ classId }), {
    audit: (input) => ({ action: 'class_report_exported', targetType: 'class', targetId: input.classId }),
  }),
  setLearnerSecret: learnerChannel<{ set: true }>()(z.strictObject({ learnerId, secret: learnerSecret }), 'learnersEducator', {
    audit: (input) => ({ action: 'learner_secret_set', targetType: 'learner', targetId: input.learnerId, detail: input.secret.kind }),
  }),
  /** Forgets a learner's PIN or pictures: they choose new ones the next time they sign in. */
  resetLearnerSecret: learnerChannel<{ reset: true }>()(z.strictObject({ learnerId }), 'learnersEducator', {
    audit: (input) => ({ action: 'learner_secret_reset', targetType: 'learner', targetId: input.learnerId }),
  }),
};
