import { useMemo, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { downloadTextFile } from './download';
import { buildReportHtml } from './report-html';
import { buildReportModel, reportFileName } from './report-model';
import { ReportSections } from './ReportSections';

const t = text.profile;

type SaveNotice = { kind: 'saved'; fileName: string } | { kind: 'failed' } | null;

/** The learner's profile summary and the educator's report: on screen, printed, or saved as a web page. */
export function ProfileReport() {
  const profile = useAppStore((s) => s.profile);
  const model = useMemo(() => (profile ? buildReportModel(profile) : null), [profile]);
  const [notice, setNotice] = useState<SaveNotice>(null);
  if (!model) return <p>{t.noProfile}</p>;

  const saveAsWebPage = () => {
    const fileName = reportFileName(model.learnerName);
    try {
      downloadTextFile(fileName, buildReportHtml(model, { generatedAt: new Date() }), 'text/html;charset=utf-8');
      setNotice({ kind: 'saved', fileName });
    } catch {
      setNotice({ kind: 'failed' });
    }
  };

  return (
    <article className="profile-report">
      <header className="report-header">
        <h1>{t.title(model.learnerName)}</h1>
        <p className="lead no-print">{t.intro}</p>
        <dl className="report-dates">
          <div>
            <dt>{t.createdLabel}</dt>
            <dd>{model.createdAt}</dd>
          </div>
          <div>
            <dt>{t.lastActiveLabel}</dt>
            <dd>{model.lastActiveAt}</dd>
          </div>
        </dl>
        <div className="report-actions no-print" role="group" aria-label={t.actionsLabel}>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t.print}
          </button>
          <button type="button" className="button" onClick={saveAsWebPage}>
            {t.saveHtml}
          </button>
        </div>
        <p className="no-print report-notice" role="status">
          {notice?.kind === 'saved' && t.savedHtml(notice.fileName)}
        </p>
        {notice?.kind === 'failed' && (
          <p className="field-error no-print" role="alert">
            {t.saveHtmlFailed}
          </p>
        )}
      </header>
      <ReportSections model={model} />
    </article>
  );
}
