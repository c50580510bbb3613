import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { SyncStatusView } from '../../../../../electron/common/sync/sync-views';
import { useAppStore } from '../../../store/store-context';
import { useChannelCall, type ChannelCall } from '../use-channel-call';

/** How often the status is read again while it is on screen: the background sync runs every minute. */
export const STATUS_REFRESH_MS = 15_000;
/** How often the panel looks whether it is on screen, and redraws "2 min ago". */
const TICK_MS = 5_000;

export interface SyncStatusReader {
  call: ChannelCall<'getSyncStatus'>;
  /** The newest status known: read, or handed back by enrol, sync or leave. */
  status: SyncStatusView | null;
  /** What an action answered: shown at once, without waiting for the next read. */
  take(status: SyncStatusView): void;
  /** The clock "2 min ago" is counted from; moves every few seconds. */
  now: number;
}

/** Whether the panel can be seen: its tab is chosen (hidden panels stay mounted) and the window is not in the background. */
function onScreen(element: HTMLElement | null): boolean {
  if (!element || document.visibilityState === 'hidden') return false;
  return element.closest('[hidden]') === null;
}

/**
 * The machine's sync status, read when the panel opens and again every 15 s while it can be seen.
 * Not while hidden: every call counts as use of Educator tools in the main process, so a hidden
 * panel polling on its own would keep an unattended session from timing out there.
 */
export function useSyncStatus(panel: RefObject<HTMLElement | null>): SyncStatusReader {
  const call = useChannelCall('getSyncStatus');
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [taken, setTaken] = useState<{ status: SyncStatusView; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastRead = useRef(0);
  const { run } = call;

  const read = useCallback(() => {
    lastRead.current = Date.now();
    void run({});
  }, [run]);

  // The first read, and again after data changed elsewhere (a restore replaces the sync link too).
  useEffect(read, [read, dataVersion]);

  useEffect(() => {
    const tick = () => {
      const time = Date.now();
      setNow(time);
      if (onScreen(panel.current) && time - lastRead.current >= STATUS_REFRESH_MS) read();
    };
    const timer = setInterval(tick, TICK_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [panel, read]);

  const take = useCallback((status: SyncStatusView) => {
    setTaken({ status, at: Date.now() });
    setNow(Date.now());
  }, []);

  // Whichever arrived last wins: an action's answer, or a read finished after it.
  const readAt = call.finishedAt?.getTime() ?? 0;
  const status = taken && taken.at >= readAt ? taken.status : (call.value ?? taken?.status ?? null);
  return { call, status, take, now };
}
