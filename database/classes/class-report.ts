import type { ClassReportLearner, ClassReportView } from '../../electron/common/classes';
import { diagnosticTasks, preferenceTasks, subjects } from '../../electron/common/content';
import { DalaError } from '../../electron/common/errors';
import type { ManagerContext } from '../manager/context';
import { cachedStatement } from '../statement-cache';

/**
 * The class report: every learner of a class × every learning objective of the curriculum
 * (status and best score), assessment completion and badges, read in one transaction. The screen
 * and the CSV are both made from this.
 */
export function classReport(ctx: ManagerContext, classId: string): ClassReportView {
  return ctx.sqlite.transaction(() => {
    const klass = cachedStatement(ctx.sqlite, 'SELECT id, name FROM classes WHERE id = ?').get(classId) as { id: string; name: string } | undefined;
    if (!klass) throw new DalaError('not_found', `There is no class with id "${classId}".`, 'classId');
    const learners = cachedStatement(
      ctx.sqlite,
      'SELECT l.id, l.display_name AS displayName FROM class_members m JOIN learner_profiles l ON l.id = m.learner_id WHERE m.class_id = ? ORDER BY l.display_name COLLATE NOCASE, l.id',
    ).all(classId) as Array<{ id: string; displayName: string }>;
    const categories = new Set(preferenceTasks.map((t) => t.category));
    const taskNames = new Set(diagnosticTasks.map((t) => t.taskName));
    const rows: ClassReportLearner[] = learners.map((l) => {
      const progress = cachedStatement(ctx.sqlite, 'SELECT lo_id AS loId, status, score FROM learning_objective_progress WHERE learner_id = ?').all(l.id) as Array<{
        loId: string;
        status: ClassReportLearner['objectives'][string]['status'];
        score: number | null;
      }>;
      const interests = (cachedStatement(ctx.sqlite, 'SELECT count(*) AS n FROM interests WHERE learner_id = ? AND deleted_at IS NULL').get(l.id) as { n: number }).n;
      const preferences = (cachedStatement(ctx.sqlite, 'SELECT category FROM preferences WHERE learner_id = ? AND deleted_at IS NULL').all(l.id) as Array<{ category: string }>).filter((p) =>
        categories.has(p.category),
      ).length;
      const diagnostics = (cachedStatement(ctx.sqlite, 'SELECT task_name AS taskName FROM cognitive_metrics WHERE learner_id = ?').all(l.id) as Array<{ taskName: string }>).filter((m) =>
        taskNames.has(m.taskName),
      ).length;
      const badges = cachedStatement(ctx.sqlite, 'SELECT badge_id AS badgeId, badge_name AS badgeName FROM badges WHERE learner_id = ? ORDER BY earned_date, badge_id').all(l.id) as Array<{
        badgeId: string;
        badgeName: string;
      }>;
      return {
        learnerId: l.id,
        displayName: l.displayName,
        assessment: {
          finished: interests > 0 && preferences === categories.size && diagnostics === taskNames.size,
          interests: interests > 0,
          preferencesDone: preferences,
          preferencesTotal: categories.size,
          diagnosticsDone: diagnostics,
          diagnosticsTotal: taskNames.size,
        },
        objectives: Object.fromEntries(progress.map((p) => [p.loId, { status: p.status, bestScore: p.score }])),
        badges,
      };
    });
    return {
      classId: klass.id,
      className: klass.name,
      generatedAt: ctx.now(),
      objectives: subjects.flatMap((s) => s.objectives.map((o) => ({ loId: o.id, title: o.title, subjectId: s.id }))),
      learners: rows,
    };
  })();
}
