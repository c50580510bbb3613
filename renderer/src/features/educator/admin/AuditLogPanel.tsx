import { useCallback, useEffect, useState } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { CallStatus } from '../CallStatus';
import { formatTime } from '../format';
import { useChannelCall } from '../use-channel-call';
import { AuditFilter } from './AuditFilter';
import { AuditTable } from './AuditTable';
import './admin.css';

const t = text.educator.admin.audit;
/** Entries read at a time; "Show older entries" reads this many more. */
const PAGE = 100;

/** Who did what on this computer: newest first, from a chosen day on, more on request. */
export function AuditLogPanel() {
  const log = useChannelCall('listAuditLog');
  const educators = useChannelCall('listEducators');
  const classes = useChannelCall('listClasses');
  const learners = useAppStore((s) => s.learners);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [since, setSince] = useState<string | undefined>(undefined);
  const [limit, setLimit] = useState(PAGE);
  const { run: readLog } = log;
  const { run: readEducators } = educators;
  const { run: readClasses } = classes;

  const read = useCallback(
    (from: string | undefined, count: number) => {
      // The names are read again too: an account or class made since shows by name.
      void readEducators({});
      void readClasses({});
      void readLog(from ? { since: from, limit: count } : { limit: count });
    },
    [readLog, readEducators, readClasses],
  );
  useEffect(() => {
    // The first read, and again after a restore or import; the filter and the buttons read on demand.
    read(since, limit);
  }, [read, dataVersion]); // since and limit change only through apply and more, which read themselves

  const apply = (from: string | undefined) => {
    setSince(from);
    setLimit(PAGE);
    read(from, PAGE);
  };
  const more = () => {
    setLimit(limit + PAGE);
    read(since, limit + PAGE);
  };

  const entries = log.value;
  const names = { educators: educators.value ?? [], classes: classes.value ?? [], learners: learners ?? [] };
  const summary = entries && (entries.length === 0 ? (since ? t.noneSince : t.none) : `${t.showing(entries.length)} ${log.finishedAt ? t.refreshed(formatTime(log.finishedAt)) : ''}`);

  return (
    <section className="educator-panel" aria-labelledby="audit-title" aria-busy={log.busy}>
      <div className="panel-heading">
        <h2 id="audit-title">{t.title}</h2>
        <button type="button" className="button" onClick={() => read(since, limit)} aria-disabled={log.busy || undefined}>
          {t.refresh}
        </button>
      </div>
      <p>{t.intro}</p>
      <AuditFilter busy={log.busy} onApply={apply} />
      <CallStatus busy={log.busy} busyText={t.loading} doneText={summary} error={log.error} onRetry={log.retry} />
      {entries && entries.length > 0 && <AuditTable entries={entries} names={names} />}
      {entries && entries.length >= limit && (
        <button type="button" className="button" onClick={more} aria-disabled={log.busy || undefined}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
}
