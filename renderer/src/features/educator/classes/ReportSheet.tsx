import { subjects } from '../../../../../electron/common/content';
import type { ClassReportView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { formatDateTime } from '../../profile/format';
import { ReportOverviewTable, ReportSubjectTable } from './ReportTables';

const t = text.educator.classes.report;

/** The objectives of the report by subject, in the curriculum's order. */
function bySubject(report: ClassReportView): Array<{ subjectId: string; title: string; objectives: ClassReportView['objectives'] }> {
  const groups: Array<{ subjectId: string; title: string; objectives: ClassReportView['objectives'] }> = [];
  for (const o of report.objectives) {
    let group = groups.find((g) => g.subjectId === o.subjectId);
    if (!group) {
      group = { subjectId: o.subjectId, title: subjects.find((s) => s.id === o.subjectId)?.title ?? o.subjectId, objectives: [] };
      groups.push(group);
    }
    group.objectives.push(o);
  }
  return groups;
}

/** The printable part of the class report: what it is, when it was made, the tables, how to read them. */
export function ReportSheet({ report }: { report: ClassReportView }) {
  return (
    <article className="class-report-sheet" aria-labelledby="class-report-heading">
      <h3 id="class-report-heading" className="break-anywhere">
        {t.heading(report.className)}
      </h3>
      <p className="muted">
        {t.madeAt(formatDateTime(report.generatedAt))} · {t.learnersCount(report.learners.length)}
      </p>
      {report.learners.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <ReportOverviewTable report={report} />
          {bySubject(report).map((g) => (
            <ReportSubjectTable key={g.subjectId} subjectTitle={g.title} objectives={g.objectives} learners={report.learners} />
          ))}
          <section className="report-legend" aria-labelledby="class-report-legend">
            <h4 id="class-report-legend">{t.legendTitle}</h4>
            <ul>
              <li>{t.legendDone}</li>
              <li>{t.legendStarted}</li>
              <li>{t.legendNotStarted}</li>
              <li>{t.legendScore}</li>
            </ul>
          </section>
        </>
      )}
    </article>
  );
}
