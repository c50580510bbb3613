import { useEffect, useRef, useState } from 'react';
import type { SnapshotView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ConfirmBox } from './ConfirmBox';
import { ErrorBanner } from './ErrorBanner';
import { formatDateTime } from './format';
import { useTransferCall } from './use-transfer-call';

const t = text.transfer;

function SnapshotTable({ snapshots, busy, onRestore }: { snapshots: SnapshotView[]; busy: boolean; onRestore(snapshot: SnapshotView): void }) {
  return (
    <table className="data-table">
      <caption>{t.snapshotsCaption}</caption>
      <thead>
        <tr>
          {[t.snapshotWhen, t.snapshotWhy, t.snapshotSize, t.snapshotAction].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {snapshots.map((s) => (
          <tr key={s.id}>
            <th scope="row">{formatDateTime(s.createdAt)}</th>
            <td>{t.reasons[s.reason]}</td>
            <td>{t.sizeKb(s.sizeBytes)}</td>
            <td>
              <button type="button" className="button button-small" onClick={() => onRestore(s)} disabled={busy} aria-label={t.snapshotRestoreLabel(formatDateTime(s.createdAt))}>
                {t.snapshotRestore}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Copies of the whole database: the list, one taken by hand, and a restore after asking. */
export function SnapshotsPanel() {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const list = useTransferCall('listSnapshots');
  const create = useTransferCall('createSnapshot');
  const restore = useTransferCall('restoreSnapshot');
  const [confirming, setConfirming] = useState<SnapshotView | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [lastTried, setLastTried] = useState<SnapshotView | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const { run: readList } = list;

  useEffect(() => {
    void readList({});
  }, [readList, dataVersion]);

  const takeSnapshot = async () => {
    setRestoredAt(null);
    restore.reset();
    if (await create.run({})) void readList({});
  };
  const restoreNow = async (snapshot: SnapshotView) => {
    setConfirming(null);
    setLastTried(snapshot);
    create.reset();
    requestAnimationFrame(() => statusRef.current?.focus());
    if (!(await restore.run({ snapshotId: snapshot.id }))) return;
    setRestoredAt(formatDateTime(snapshot.createdAt));
    await afterDataChanged();
  };
  const busy = create.busy || restore.busy;
  const status = create.busy ? t.snapshotTaking : restore.busy ? t.snapshotRestoring : restoredAt ? t.snapshotRestored(restoredAt) : create.value ? t.snapshotTaken(formatDateTime(create.value.createdAt)) : '';

  return (
    <section className="educator-panel" aria-labelledby="snapshots-title" aria-busy={list.busy || busy}>
      <h2 id="snapshots-title">{t.snapshotsTitle}</h2>
      <p>{t.snapshotsIntro}</p>
      <button type="button" className="button button-primary" onClick={() => void takeSnapshot()} disabled={busy}>
        {t.snapshotNow}
      </button>
      {confirming && (
        <ConfirmBox title={t.snapshotConfirmTitle} confirmLabel={t.snapshotConfirmYes} onConfirm={() => void restoreNow(confirming)} onCancel={() => setConfirming(null)}>
          <p>{t.snapshotConfirmText(formatDateTime(confirming.createdAt))}</p>
        </ConfirmBox>
      )}
      <div ref={statusRef} tabIndex={-1} className="status-anchor">
        <p className="call-status result-ok" role="status">
          {status}
        </p>
        {create.error && !create.busy && <ErrorBanner error={create.error} onRetry={() => void takeSnapshot()} />}
        {restore.error && !restore.busy && <ErrorBanner error={restore.error} onRetry={() => lastTried && void restoreNow(lastTried)} />}
      </div>
      {list.error && !list.busy && <ErrorBanner error={list.error} onRetry={list.retry} />}
      {list.value === null && list.busy && <p className="call-status">{t.snapshotsLoading}</p>}
      {list.value?.length === 0 && <p>{t.snapshotsNone}</p>}
      {list.value && list.value.length > 0 && <SnapshotTable snapshots={list.value} busy={busy} onRestore={setConfirming} />}
    </section>
  );
}
