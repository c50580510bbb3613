import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName } from '../../../../electron/common/contract';
import type { ChannelInput, ChannelOutput } from '../../../../electron/common/contract';
import type { ErrorCode } from '../../../../electron/common/errors';
import { callChannel, DalaCallError } from '../../api/call';
import { useAppStore } from '../../store/store-context';

export interface CallState<T> {
  busy: boolean;
  /** The last answer; kept while a refresh runs, so the tables do not flicker away. */
  value: T | null;
  error: ErrorCode | null;
  finishedAt: Date | null;
}

export interface ChannelCall<C extends ChannelName> extends CallState<ChannelOutput<C>> {
  run(input: ChannelInput<C>): Promise<ChannelOutput<C> | null>;
  /** Runs the last call again (after a failure). */
  retry(): void;
}

/**
 * One read-only call of a channel for the educator panels: busy flag, last value, a typed error
 * code. Only the newest call's answer is kept, and nothing is set after the panel is gone.
 */
export function useChannelCall<C extends ChannelName>(channel: C): ChannelCall<C> {
  const api = useAppStore((s) => s.api);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [state, setState] = useState<CallState<ChannelOutput<C>>>({ busy: false, value: null, error: null, finishedAt: null });
  const latest = useRef(0);
  const lastInput = useRef<ChannelInput<C> | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: ChannelInput<C>) => {
      const call = ++latest.current;
      lastInput.current = input;
      setState((s) => ({ ...s, busy: true, error: null }));
      try {
        const value = await callChannel(api, channel, input);
        if (mounted.current && call === latest.current) setState({ busy: false, value, error: null, finishedAt: new Date() });
        return value;
      } catch (error) {
        const code: ErrorCode = error instanceof DalaCallError ? error.code : 'storage';
        if (mounted.current && call === latest.current) setState((s) => ({ ...s, busy: false, error: code }));
        // The main process may have locked Educator tools (idle there, or the account changed).
        if (code === 'forbidden') void educatorCallRefused();
        return null;
      }
    },
    [api, channel, educatorCallRefused],
  );
  const retry = useCallback(() => {
    if (lastInput.current) void run(lastInput.current);
  }, [run]);
  return { ...state, run, retry };
}
