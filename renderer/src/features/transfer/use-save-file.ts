import { useCallback, useEffect, useRef, useState } from 'react';
import { callChannel } from '../../api/call';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { failureOf, type CallFailure } from './use-transfer-call';

const t = text.transfer.protection;

/** What became of a save: where it went (the desktop's dialog, the browser's downloads), or not saved. */
export type SaveOutcome = { kind: 'saved' | 'downloaded'; fileName: string } | { kind: 'cancelled' };

export interface SaveFile {
  busy: boolean;
  outcome: SaveOutcome | null;
  error: CallFailure | null;
  /** Saves a file the main process made (an export, a backup); again for "Save the file again". */
  save(fileId: string): Promise<SaveOutcome | null>;
  reset(): void;
}

/** The sentence for a save that went somewhere, or the reason it did not. */
export function savedText(outcome: SaveOutcome): string {
  if (outcome.kind === 'cancelled') return t.notSaved;
  return outcome.kind === 'saved' ? t.saved(outcome.fileName) : t.downloaded(outcome.fileName);
}

/**
 * Saving a file that stays in the main process until then: the desktop app shows its save dialog
 * there; the browser host answers a one-time address, which the transport downloads.
 */
export function useSaveFile(): SaveFile {
  const api = useAppStore((s) => s.api);
  const files = useAppStore((s) => s.files);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [state, setState] = useState<{ busy: boolean; outcome: SaveOutcome | null; error: CallFailure | null }>({ busy: false, outcome: null, error: null });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const save = useCallback(
    async (fileId: string) => {
      const mine = ++latest.current;
      const current = () => mounted.current && mine === latest.current;
      setState({ busy: true, outcome: null, error: null });
      try {
        const saved = await callChannel(api, 'saveTransferFile', { fileId });
        if (saved.kind === 'download') await files.download(saved.url, saved.fileName);
        const outcome: SaveOutcome = saved.kind === 'download' ? { kind: 'downloaded', fileName: saved.fileName } : saved;
        if (current()) setState({ busy: false, outcome, error: null });
        return outcome;
      } catch (error) {
        const failure = failureOf(error);
        // The main process forgot the file (kept for an hour): saving again cannot work, making it again does.
        const said = failure.code === 'not_found' ? { code: failure.code, message: t.saveGone } : failure;
        if (current()) setState({ busy: false, outcome: null, error: said });
        if (failure.code === 'forbidden') void educatorCallRefused();
        return null;
      }
    },
    [api, files, educatorCallRefused],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ busy: false, outcome: null, error: null });
  }, []);
  return { ...state, save, reset };
}
