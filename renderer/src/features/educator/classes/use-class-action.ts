import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../../electron/common/contract';
import type { ErrorCode } from '../../../../../electron/common/errors';
import { callChannel, DalaCallError } from '../../../api/call';
import { useAppStore } from '../../../store/store-context';

export interface ClassAction {
  busy: boolean;
  error: ErrorCode | null;
  /** What the last change did, in a sentence for the status line. */
  done: string | null;
  /**
   * Calls `channel`; once it worked, `after` puts the answer where the window needs it and returns
   * the sentence to show. Resolves with the answer, or null when the call failed.
   */
  perform<C extends ChannelName>(channel: C, input: ChannelInput<C>, after: (value: ChannelOutput<C>) => string | Promise<string>): Promise<ChannelOutput<C> | null>;
  /** Runs the last change again, its follow-up included (after a failure). */
  retry(): void;
  /** Shows a problem found before calling (an empty name): no call is made. */
  refuse(message: string): void;
  /** The window's own problem, if any, worded for the teacher. */
  problem: string | null;
  clear(): void;
}

/**
 * The changes of one section of the classes panel (several channels, one status line), like
 * useChannelCall: busy flag, typed error, retry; on `forbidden` the tools are checked for a lock.
 */
export function useClassAction(): ClassAction {
  const api = useAppStore((s) => s.api);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [state, setState] = useState<{ busy: boolean; error: ErrorCode | null; done: string | null; problem: string | null }>({ busy: false, error: null, done: null, problem: null });
  const last = useRef<(() => Promise<unknown>) | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const perform = useCallback(
    <C extends ChannelName>(channel: C, input: ChannelInput<C>, after: (value: ChannelOutput<C>) => string | Promise<string>) => {
      const attempt = async (): Promise<ChannelOutput<C> | null> => {
        setState({ busy: true, error: null, done: null, problem: null });
        try {
          const value = await callChannel(api, channel, input);
          const done = await after(value);
          if (mounted.current) setState({ busy: false, error: null, done, problem: null });
          return value;
        } catch (error) {
          const code: ErrorCode = error instanceof DalaCallError ? error.code : 'storage';
          if (mounted.current) setState({ busy: false, error: code, done: null, problem: null });
          // The main process may have locked Educator tools (idle there, or the account changed).
          if (code === 'forbidden') void educatorCallRefused();
          return null;
        }
      };
      last.current = attempt;
      return attempt();
    },
    [api, educatorCallRefused],
  );
  const retry = useCallback(() => {
    if (last.current) void last.current();
  }, []);
  const refuse = useCallback((message: string) => setState({ busy: false, error: null, done: null, problem: message }), []);
  const clear = useCallback(() => setState({ busy: false, error: null, done: null, problem: null }), []);
  return { ...state, perform, retry, refuse, clear };
}
