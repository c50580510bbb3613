import { useId, type ChangeEvent, type RefObject } from 'react';
import type { TransferFileView } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ErrorBanner } from './ErrorBanner';
import { ProgressBar } from './ProgressBar';
import type { FileArrival } from './use-file-arrival';

const t = text.transfer.protection;

/**
 * Choosing a profile or backup file: the desktop app's own open dialog (a button), or the
 * browser's file input, whose file is then sent to DALA with its progress shown (a big backup
 * takes a while). A file that did not arrive says why, and can be sent again.
 */
export function ChooseFile(props: { arrival: FileArrival; label: string; accept: string; disabled: boolean; onArrived(file: TransferFileView): void; focusRef?: RefObject<HTMLElement | null> }) {
  const { arrival, label, accept, disabled, onArrived, focusRef } = props;
  const nativeDialogs = useAppStore((s) => s.files.nativeDialogs);
  const id = useId();
  const busy = disabled || arrival.sending !== null || arrival.choosing;
  const keep = (element: HTMLElement | null) => {
    if (focusRef) focusRef.current = element;
  };

  const onInput = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Emptied at once, so that choosing the same file again (after an import) is a change too.
    event.target.value = '';
    if (!file) return;
    const view = await arrival.receive(file);
    if (view) onArrived(view);
  };
  const onButton = async () => {
    const view = await arrival.choose();
    if (view) onArrived(view);
  };
  const retry = async () => {
    const view = await arrival.retry();
    if (view) onArrived(view);
  };
  const sending = arrival.sending;

  return (
    <div className="choose-file">
      {nativeDialogs ? (
        <button ref={keep} type="button" className="button" onClick={() => void onButton()} disabled={busy}>
          {label}
        </button>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          <input ref={keep} id={id} type="file" accept={accept} onChange={(e) => void onInput(e)} disabled={busy} />
        </>
      )}
      <p className="call-status" role="status">
        {arrival.choosing ? t.choosing : ''}
      </p>
      {sending && <ProgressBar label={t.sendingLabel} done={sending.sent} total={sending.total} words={t.sending(sending.fileName, sending.sent, sending.total)} />}
      {arrival.error && !sending && <ErrorBanner error={arrival.error} fileProblem onRetry={() => void retry()} />}
    </div>
  );
}
