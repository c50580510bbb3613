import { useCallback, useEffect, useRef, useState } from 'react';
import type { AutomaticBackupCopyView } from '../../../../../electron/common/transfer-views';
import { DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { formatDateTime } from '../../transfer/format';
import { ActionStatus } from '../admin/ActionStatus';
import { failureText } from '../admin/failure-text';
import { useAdminAction } from '../admin/use-admin-action';
import { CallStatus } from '../CallStatus';
import { useChannelCall } from '../use-channel-call';
import { BackupCopiesTable } from './BackupCopiesTable';
import { BackupStatus } from './BackupStatus';
import './backups.css';

const t = text.educator.backups;
const isStorage = (error: unknown) => !(error instanceof DalaCallError) || error.code === 'storage';

/** Automatic backups: how they are going, the copies, one made now, and one put back after asking. */
export function AutomaticBackupsPanel() {
  const status = useChannelCall('getAutomaticBackupStatus');
  const copies = useChannelCall('listAutomaticBackups');
  const action = useAdminAction();
  const afterDataChanged = useAppStore((s) => s.afterDataChanged);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [doing, setDoing] = useState<'run' | 'restore'>('run');
  const [confirming, setConfirming] = useState<AutomaticBackupCopyView | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const { run: readStatus } = status;
  const { run: readCopies } = copies;

  const read = useCallback(() => {
    void readStatus({});
    void readCopies({});
  }, [readStatus, readCopies]);
  useEffect(read, [read, dataVersion]);

  const folder = status.value?.folder ?? '';
  const backUpNow = () => {
    setDoing('run');
    void action.perform(
      async (call) => {
        const copy = await call('runAutomaticBackup', {});
        read();
        return t.backedUp(formatDateTime(copy.createdAt));
      },
      // A full disk or a share not connected: say where, so the admin can check it.
      (error) => (isStorage(error) ? t.runFailed(folder) : failureText(error)),
    );
  };

  const restoreNow = (copy: AutomaticBackupCopyView) => {
    setConfirming(null);
    setDoing('restore');
    // The confirmation closes: keep keyboard focus on what happens next.
    requestAnimationFrame(() => statusRef.current?.focus());
    void action.perform(
      async (call) => {
        await call('restoreAutomaticBackup', { backupId: copy.id });
        // The whole window shows the restored records: the picker's names, the open profile, every panel.
        await afterDataChanged();
        // The backup's educator accounts came back with it: if this one is not among them, the tools lock.
        await educatorCallRefused();
        return t.restored(formatDateTime(copy.createdAt));
      },
      (error) => (isStorage(error) ? t.restoreFailed : failureText(error)),
    );
  };

  const cancel = (copy: AutomaticBackupCopyView) => {
    setConfirming(null);
    // Back to the Restore button that asked, so a keyboard user carries on where they were.
    requestAnimationFrame(() => {
      const buttons = tableRef.current?.querySelectorAll<HTMLButtonElement>('button[data-copy-id]') ?? [];
      [...buttons].find((b) => b.dataset.copyId === copy.id)?.focus();
    });
  };

  const list = copies.value;
  return (
    <section className="educator-panel" aria-labelledby="automatic-backups-title" aria-busy={status.busy || copies.busy || action.busy}>
      <h2 id="automatic-backups-title">{t.title}</h2>
      <p>{t.intro}</p>
      <CallStatus busy={status.busy && !status.value} busyText={t.loadingStatus} error={status.error} onRetry={status.retry} />
      {status.value && <BackupStatus status={status.value} />}
      <button type="button" className="button button-primary" onClick={backUpNow} disabled={action.busy}>
        {t.backUpNow}
      </button>
      {confirming && (
        <ConfirmBox title={t.confirmTitle} confirmLabel={t.confirmYes} onConfirm={() => restoreNow(confirming)} onCancel={() => cancel(confirming)}>
          <p>{t.confirmText(formatDateTime(confirming.createdAt))}</p>
          <p>{t.confirmSafety}</p>
        </ConfirmBox>
      )}
      <ActionStatus ref={statusRef} busy={action.busy} busyText={doing === 'run' ? t.backingUp : t.restoring} outcome={action.outcome} />
      <CallStatus busy={copies.busy && !list} busyText={t.loadingCopies} error={copies.error} onRetry={copies.retry} />
      {list?.length === 0 && <p>{t.none}</p>}
      <div ref={tableRef}>{list && list.length > 0 && <BackupCopiesTable copies={list} busy={action.busy} onRestore={setConfirming} />}</div>
    </section>
  );
}
