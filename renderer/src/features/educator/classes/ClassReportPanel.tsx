import { useEffect, useId, useState } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { downloadTextFile } from '../../profile/download';
import { CallStatus } from '../CallStatus';
import { useChannelCall } from '../use-channel-call';
import './classes.css';
import { forgetClassReportPrint, printClassReport } from './print-report';
import { ReportSheet } from './ReportSheet';
import { useEducatorClasses } from './use-educator-classes';

const t = text.educator.classes;
const r = t.report;

/** The class report of one class: on screen as tables, printed, or saved as CSV for a spreadsheet. */
export function ClassReportPanel() {
  const role = useAppStore((s) => s.session?.educator?.role);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { classes, error: classesError, reload } = useEducatorClasses();
  const report = useChannelCall('getClassReport');
  const csv = useChannelCall('exportClassReportCsv');
  const [chosen, setChosen] = useState('');
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const selectId = useId();
  const list = classes ?? [];
  // A coach with one class has nothing to choose.
  const classId = list.some((c) => c.id === chosen) ? chosen : list.length === 1 ? (list[0]?.id ?? '') : '';
  const { run } = report;

  useEffect(() => {
    if (classId) void run({ classId });
  }, [run, classId, dataVersion]);
  useEffect(() => forgetClassReportPrint, []);

  // Only the chosen class's report is shown, never the one before while the next is read.
  const shown = report.value?.classId === classId ? report.value : null;

  const download = async () => {
    if (!classId) return;
    setSavedAs(null);
    setSaveFailed(false);
    const file = await csv.run({ classId });
    if (!file) return;
    try {
      downloadTextFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      setSavedAs(file.fileName);
    } catch {
      setSaveFailed(true);
    }
  };

  return (
    <section className="educator-panel class-report-panel" aria-labelledby="class-report-title" aria-busy={report.busy || csv.busy}>
      <h2 id="class-report-title">{r.title}</h2>
      <p>{r.intro}</p>
      <CallStatus busy={classes === null && !classesError} busyText={t.loading} error={classesError} onRetry={reload} />
      {classes && classes.length === 0 && <p>{role === 'admin' ? t.none : t.noneForCoach}</p>}
      {list.length > 0 && (
        <div className="inline-form">
          <div>
            <label htmlFor={selectId}>{r.classLabel}</label>
            <select id={selectId} value={classId} onChange={(e) => setChosen(e.target.value)}>
              {classId === '' && <option value="">{r.chooseClass}</option>}
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.archived ? r.archivedOption(c.name) : c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {classId && (
        <div className="button-row no-print" role="group" aria-label={r.actionsLabel}>
          <button type="button" className="button" onClick={() => void run({ classId })} disabled={report.busy}>
            {r.refresh}
          </button>
          <button type="button" className="button button-primary" onClick={printClassReport} disabled={!shown}>
            {r.print}
          </button>
          <button type="button" className="button" onClick={() => void download()} disabled={csv.busy}>
            {r.downloadCsv}
          </button>
        </div>
      )}
      <CallStatus busy={csv.busy} busyText={r.downloading} doneText={savedAs ? r.downloaded(savedAs) : undefined} doneClassName="result-ok" error={csv.error} onRetry={() => void download()} />
      {saveFailed && (
        <p className="field-error" role="alert">
          {r.downloadFailed}
        </p>
      )}
      {classId && <CallStatus busy={report.busy} busyText={r.loading} error={report.error} onRetry={report.retry} />}
      {shown && <ReportSheet report={shown} />}
    </section>
  );
}
