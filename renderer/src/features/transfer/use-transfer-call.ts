import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName } from '../../../../electron/common/contract';
import type { ChannelInput, ChannelOutput } from '../../../../electron/common/contract';
import type { ErrorCode } from '../../../../electron/common/errors';
import { callChannel, DalaCallError } from '../../api/call';
import { useAppStore } from '../../store/store-context';

/** A failed call: the typed code, and the handler's message (shown only where it is meant for people). */
export interface CallFailure {
  code: ErrorCode;
  message: string;
}

export const failureOf = (error: unknown): CallFailure =>
  error instanceof DalaCallError ? { code: error.code, message: error.message } : { code: 'storage', message: String(error) };

export interface TransferCall<C extends ChannelName> {
  busy: boolean;
  value: ChannelOutput<C> | null;
  error: CallFailure | null;
  /** Resolves with the value, or null when the call failed (or was overtaken by a newer one). */
  run(input: ChannelInput<C>): Promise<ChannelOutput<C> | null>;
  /** Runs the last call again. */
  retry(): void;
  /** Forgets the value and the error (Cancel). */
  reset(): void;
}

/**
 * One channel call for the transfer panels: busy flag, value, failure with its message. Only the
 * newest call's answer is kept, and nothing is set after the panel is gone.
 */
export function useTransferCall<C extends ChannelName>(channel: C): TransferCall<C> {
  const api = useAppStore((s) => s.api);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [state, setState] = useState<{ busy: boolean; value: ChannelOutput<C> | null; error: CallFailure | null }>({ busy: false, value: null, error: null });
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
      const current = () => mounted.current && call === latest.current;
      try {
        const value = await callChannel(api, channel, input);
        if (!current()) return null;
        setState({ busy: false, value, error: null });
        return value;
      } catch (error) {
        const failure = failureOf(error);
        if (current()) setState((s) => ({ ...s, busy: false, error: failure }));
        // The main process may have locked Educator tools (idle there, or the account changed).
        if (failure.code === 'forbidden') void educatorCallRefused();
        return null;
      }
    },
    [api, channel, educatorCallRefused],
  );
  const retry = useCallback(() => {
    if (lastInput.current) void run(lastInput.current);
  }, [run]);
  const reset = useCallback(() => {
    latest.current++;
    lastInput.current = null;
    setState({ busy: false, value: null, error: null });
  }, []);
  return { ...state, run, retry, reset };
}
