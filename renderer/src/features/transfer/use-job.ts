import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatusView } from '../../../../electron/common/transfer-views';
import { callChannel } from '../../api/call';
import { useAppStore } from '../../store/store-context';
import { failureOf, type CallFailure } from './use-transfer-call';

/** How often a running job's progress is asked for. */
export const JOB_POLL_MS = 300;

export interface JobControl {
  /** The latest status (running with progress, done with its result, or failed). */
  status: JobStatusView | null;
  running: boolean;
  error: CallFailure | null;
  /** Starts a job (`starter` calls startBackup or startRestore) and follows it until it ends. */
  start(starter: () => Promise<{ jobId: string }>): Promise<JobStatusView | null>;
  /** Starts the last job again. */
  retry(): void;
  reset(): void;
}

/**
 * Follows a long job (backup, restore) that runs off the main process's thread: starts it, then
 * asks for its status every JOB_POLL_MS until it is done or failed. The window never waits on it.
 */
export function useJob(): JobControl {
  const api = useAppStore((s) => s.api);
  const [status, setStatus] = useState<JobStatusView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<CallFailure | null>(null);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const generation = useRef(0);
  const lastStarter = useRef<(() => Promise<{ jobId: string }>) | null>(null);
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const start = useCallback(
    async (starter: () => Promise<{ jobId: string }>) => {
      const mine = ++generation.current;
      const current = () => mine === generation.current;
      lastStarter.current = starter;
      setStatus(null);
      setError(null);
      setRunning(true);
      try {
        const { jobId } = await starter();
        for (;;) {
          if (!current()) return null;
          const next = await callChannel(api, 'getJobStatus', { jobId });
          if (!current()) return null;
          setStatus(next);
          if (next.state !== 'running') {
            setRunning(false);
            if (next.state === 'failed') setError(next.error ?? { code: 'storage', message: '' });
            return next;
          }
          await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
        }
      } catch (failure) {
        const reason = failureOf(failure);
        if (current()) {
          setRunning(false);
          setError(reason);
        }
        // Educator tools were locked meanwhile (idle, or a replace restore brought other accounts).
        if (reason.code === 'forbidden') void educatorCallRefused();
        return null;
      }
    },
    [api, educatorCallRefused],
  );
  const retry = useCallback(() => {
    if (lastStarter.current) void start(lastStarter.current);
  }, [start]);
  const reset = useCallback(() => {
    generation.current++;
    setStatus(null);
    setRunning(false);
    setError(null);
  }, []);
  return { status, running, error, start, retry, reset };
}
