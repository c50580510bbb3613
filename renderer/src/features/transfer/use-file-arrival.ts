import { useCallback, useEffect, useRef, useState } from 'react';
import type { TransferFileView } from '../../../../electron/common/transfer-views';
import { callChannel } from '../../api/call';
import { useAppStore } from '../../store/store-context';
import { failureOf, type CallFailure } from './use-transfer-call';

export interface Sending {
  fileName: string;
  sent: number;
  total: number;
}

export interface FileArrival {
  /** A file on its way to the main process (an upload in the browser host) and how far it got. */
  sending: Sending | null;
  /** The desktop's open dialog is showing. */
  choosing: boolean;
  error: CallFailure | null;
  /** Hands a chosen or dropped file to the main process; its view, or null when it failed (then `error` says why). */
  receive(file: File): Promise<TransferFileView | null>;
  /** The desktop app's open dialog (in the main process); null when cancelled or failed. */
  choose(): Promise<TransferFileView | null>;
  /** Sends the file that failed again. */
  retry(): Promise<TransferFileView | null>;
  reset(): void;
}

/**
 * Getting a profile or backup file to the main process, which reads it: by the desktop's open
 * dialog, or a File from the file input or a drop (its path on the desktop, an upload in the
 * browser host). Only the newest file counts, and nothing is set after the panel is gone.
 */
export function useFileArrival(purpose: 'profile' | 'backup'): FileArrival {
  const api = useAppStore((s) => s.api);
  const files = useAppStore((s) => s.files);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [sending, setSending] = useState<Sending | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<CallFailure | null>(null);
  const latest = useRef(0);
  const failed = useRef<File | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const settle = useCallback(
    (mine: number, failure: CallFailure | null) => {
      if (!mounted.current || mine !== latest.current) return false;
      setSending(null);
      setChoosing(false);
      setError(failure);
      if (failure?.code === 'forbidden') void educatorCallRefused();
      return true;
    },
    [educatorCallRefused],
  );

  const receive = useCallback(
    async (file: File) => {
      const mine = ++latest.current;
      failed.current = null;
      setError(null);
      setSending({ fileName: file.name, sent: 0, total: file.size });
      const onProgress = (sent: number, total: number) => {
        if (mounted.current && mine === latest.current) setSending({ fileName: file.name, sent, total });
      };
      let result: Awaited<ReturnType<typeof files.receive>>;
      try {
        result = await files.receive(file, onProgress);
      } catch {
        result = { ok: false, error: { code: 'storage', message: '' } };
      }
      if (!settle(mine, result.ok ? null : result.error)) return null;
      if (!result.ok) failed.current = file;
      return result.ok ? result.value : null;
    },
    [files, settle],
  );

  const choose = useCallback(async () => {
    const mine = ++latest.current;
    setError(null);
    setChoosing(true);
    try {
      const chosen = await callChannel(api, 'chooseTransferFile', { purpose });
      return settle(mine, null) ? chosen : null;
    } catch (e) {
      settle(mine, failureOf(e));
      return null;
    }
  }, [api, purpose, settle]);

  const retry = useCallback(() => (failed.current ? receive(failed.current) : choose()), [receive, choose]);
  const reset = useCallback(() => {
    latest.current++;
    failed.current = null;
    setSending(null);
    setChoosing(false);
    setError(null);
  }, []);
  return { sending, choosing, error, receive, choose, retry, reset };
}
