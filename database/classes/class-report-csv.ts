import type { ClassReportView } from '../../electron/common/classes';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string): string {
  // A cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet: a learner's name must not run as one.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const STATUS_TEXT = { not_started: 'not started', in_progress: 'in progress', completed: 'completed' } as const;

/**
 * The class report as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so accented
 * names open right), CRLF line ends, one row per learner, two columns per objective.
 */
export function classReportCsv(report: ClassReportView): string {
  const header = ['Learner', 'Assessment finished', ...report.objectives.flatMap((o) => [`${o.loId} ${o.title}: status`, `${o.loId} ${o.title}: best score`]), 'Badges'];
  const rows = report.learners.map((l) => [
    l.displayName,
    l.assessment.finished ? 'yes' : 'no',
    ...report.objectives.flatMap((o) => {
      const p = l.objectives[o.loId];
      return [p ? STATUS_TEXT[p.status] : STATUS_TEXT.not_started, p?.bestScore == null ? '' : String(Math.round(p.bestScore * 100) / 100)];
    }),
    l.badges.map((b) => b.badgeName).join('; '),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** `class-report-<class>-<date>.csv`, the class name made safe for any file system. */
export function classReportFileName(report: ClassReportView, localDate: string): string {
  const safe = report.className.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '-').slice(0, 60) || 'class';
  return `class-report-${safe}-${localDate}.csv`;
}
