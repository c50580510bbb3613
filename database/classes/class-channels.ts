import { randomUUID } from 'node:crypto';
import type { ClassDetailView, ClassView, LearnerNameView } from '../../electron/common/classes';
import { DalaError, forbidden } from '../../electron/common/errors';
import { localDay } from '../../electron/common/local-day';
import { learnerThrottleKey, saveLearnerSecret } from '../accounts/learner-secrets';
import { coachesClass, isAdmin, type CallContext } from '../channels/authorize';
import { channelHandlers } from '../channels/define';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';
import { classReport } from './class-report';
import { classReportCsv, classReportFileName } from './class-report-csv';
import { queueClassMemberRemoval, queueLearnerSecretReset } from '../sync/school-records-outbox';

interface ClassRow {
  id: string;
  name: string;
  signInMethod: ClassView['signInMethod'];
  archivedAt: string | null;
}
const CLASS_COLUMNS = 'id, name, sign_in_method AS signInMethod, archived_at AS archivedAt';
const toView = (r: ClassRow): ClassView => ({ id: r.id, name: r.name, signInMethod: r.signInMethod, archived: r.archivedAt !== null });

function requireClass(ctx: ManagerContext, classId: string): ClassRow {
  const row = cachedStatement(ctx.sqlite, `SELECT ${CLASS_COLUMNS} FROM classes WHERE id = ?`).get(classId) as ClassRow | undefined;
  if (!row) throw new DalaError('not_found', `There is no class with id "${classId}".`, 'classId');
  return row;
}

function details(ctx: ManagerContext, classId: string): ClassDetailView {
  const row = requireClass(ctx, classId);
  const ids = (sql: string) => (cachedStatement(ctx.sqlite, sql).all(classId) as Array<{ id: string }>).map((r) => r.id);
  return {
    ...toView(row),
    learnerIds: ids('SELECT m.learner_id AS id FROM class_members m JOIN learner_profiles l ON l.id = m.learner_id WHERE m.class_id = ? ORDER BY l.display_name COLLATE NOCASE, l.id'),
    coachIds: ids('SELECT educator_id AS id FROM class_coaches WHERE class_id = ? ORDER BY educator_id'),
  };
}

const immediate = <T>(ctx: ManagerContext, work: () => T): T => ctx.sqlite.transaction(work).immediate();

function updateClass(ctx: ManagerContext, classId: string, column: 'name' | 'sign_in_method' | 'archived_at', value: string | null): ClassView {
  return immediate(ctx, () => {
    requireClass(ctx, classId);
    cachedStatement(ctx.sqlite, `UPDATE classes SET ${column} = ?, updated_at = max(updated_at, ?) WHERE id = ?`).run(value, ctx.now(), classId);
    return toView(requireClass(ctx, classId));
  });
}

/**
 * A coach may add a learner who is in one of their classes already, or in no class yet (a pupil
 * who signed up); moving a learner out of another coach's class is an admin's decision.
 */
function assertMayAdd(ctx: ManagerContext, call: CallContext, learnerId: string): void {
  if (!cachedStatement(ctx.sqlite, 'SELECT 1 FROM learner_profiles WHERE id = ?').get(learnerId)) throw new DalaError('not_found', `There is no learner with id "${learnerId}".`, 'learnerIds');
  if (isAdmin(call)) return;
  const classes = (cachedStatement(ctx.sqlite, 'SELECT class_id AS id FROM class_members WHERE learner_id = ?').all(learnerId) as Array<{ id: string }>).map((r) => r.id);
  const educatorId = call.educator?.id;
  if (classes.length > 0 && !classes.some((c) => educatorId !== undefined && coachesClass(ctx, educatorId, c))) throw forbidden('This learner is in another class. Ask an admin to move them.');
}

export const classHandlers = channelHandlers({
  listClasses: (ctx, _input, call) => {
    const all = isAdmin(call) || call.educator !== undefined;
    const rows = cachedStatement(ctx.sqlite, `SELECT ${CLASS_COLUMNS} FROM classes ${all ? '' : 'WHERE archived_at IS NULL'} ORDER BY name COLLATE NOCASE, id`).all() as ClassRow[];
    return rows.map(toView);
  },

  listLearners: (ctx) => {
    const rows = cachedStatement(
      ctx.sqlite,
      `SELECT l.id, l.display_name AS displayName,
         (SELECT json_group_array(m.class_id) FROM class_members m JOIN classes k ON k.id = m.class_id WHERE m.learner_id = l.id AND k.archived_at IS NULL) AS classIds
       FROM learner_profiles l ORDER BY l.display_name COLLATE NOCASE, l.id`,
    ).all() as Array<{ id: string; displayName: string; classIds: string }>;
    return rows.map((r): LearnerNameView => ({ id: r.id, displayName: r.displayName, classIds: (JSON.parse(r.classIds) as string[]).sort() }));
  },

  getClassDetails: (ctx, { classId }) => details(ctx, classId),

  createClass: (ctx, { name, signInMethod, id }) =>
    immediate(ctx, () => {
      const classId = id ?? randomUUID();
      if (cachedStatement(ctx.sqlite, 'SELECT 1 FROM classes WHERE id = ?').get(classId)) throw new DalaError('conflict', `A class with id "${classId}" already exists.`, 'id');
      const now = ctx.now();
      cachedStatement(ctx.sqlite, 'INSERT INTO classes (id, name, sign_in_method, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(classId, name, signInMethod, now, now);
      return toView(requireClass(ctx, classId));
    }),

  renameClass: (ctx, { classId, name }) => updateClass(ctx, classId, 'name', name),
  setClassArchived: (ctx, { classId, archived }) => {
    const current = requireClass(ctx, classId);
    return updateClass(ctx, classId, 'archived_at', archived ? (current.archivedAt ?? ctx.now()) : null);
  },
  setClassSignInMethod: (ctx, { classId, method }) => updateClass(ctx, classId, 'sign_in_method', method),

  addClassMembers: (ctx, { classId, learnerIds }, call) =>
    immediate(ctx, () => {
      requireClass(ctx, classId);
      const insert = cachedStatement(ctx.sqlite, 'INSERT INTO class_members (class_id, learner_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      const now = ctx.now();
      for (const learnerId of new Set(learnerIds)) {
        assertMayAdd(ctx, call, learnerId);
        insert.run(classId, learnerId, now);
      }
      return details(ctx, classId);
    }),

  removeClassMember: (ctx, { classId, learnerId }) =>
    immediate(ctx, () => {
      requireClass(ctx, classId);
      queueClassMemberRemoval(ctx.sqlite, classId, learnerId, ctx.now());
      const removed = cachedStatement(ctx.sqlite, 'DELETE FROM class_members WHERE class_id = ? AND learner_id = ?').run(classId, learnerId);
      if (removed.changes === 0) throw new DalaError('not_found', 'This learner is not in that class.', 'learnerId');
      return details(ctx, classId);
    }),

  getClassReport: (ctx, { classId }) => classReport(ctx, classId),

  exportClassReportCsv: (ctx, { classId }) => {
    const report = classReport(ctx, classId);
    return { fileName: classReportFileName(report, localDay(new Date(report.generatedAt))), content: classReportCsv(report) };
  },

  setLearnerSecret: async (ctx, { learnerId, secret }) => {
    await saveLearnerSecret(ctx, learnerId, secret);
    return { set: true as const };
  },

  resetLearnerSecret: (ctx, { learnerId }) =>
    immediate(ctx, () => {
      if (!cachedStatement(ctx.sqlite, 'SELECT 1 FROM learner_profiles WHERE id = ?').get(learnerId)) throw new DalaError('not_found', `There is no learner with id "${learnerId}".`, 'learnerId');
      queueLearnerSecretReset(ctx.sqlite, learnerId, ctx.now());
      cachedStatement(ctx.sqlite, 'DELETE FROM learner_secrets WHERE learner_id = ?').run(learnerId);
      cachedStatement(ctx.sqlite, 'DELETE FROM sign_in_throttle WHERE key = ?').run(learnerThrottleKey(learnerId));
      return { reset: true as const };
    }),
});
