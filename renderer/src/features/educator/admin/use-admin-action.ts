import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../../electron/common/contract';
import { callChannel } from '../../../api/call';
import { useAppStore } from '../../../store/store-context';
import { failureText, isForbidden } from './failure-text';

/** What the last action came to, as one sentence: a result, or what went wrong. */
export interface ActionOutcome {
  ok: boolean;
  message: string;
}

export type ChannelCaller = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

export interface AdminAction {
  busy: boolean;
  outcome: ActionOutcome | null;
  /**
   * Runs `work` (one or several calls); the sentence it returns is shown once it worked, the
   * failure in plain words otherwise (`failure` may word it for the panel). Resolves true when it worked.
   */
  perform(work: (call: ChannelCaller) => Promise<string>, failure?: (error: unknown) => string): Promise<boolean>;
  /** Shows a sentence without calling (the form's own checks, "Nothing was changed."), or clears it. */
  show(outcome: ActionOutcome | null): void;
}

/**
 * The changes of one part of an admin panel: a busy flag and one status sentence. Nothing is set
 * after the panel is gone; on `forbidden` the tools check whether the main process locked them.
 */
export function useAdminAction(): AdminAction {
  const api = useAppStore((s) => s.api);
  const educatorCallRefused = useAppStore((s) => s.educatorCallRefused);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const perform = useCallback(
    async (work: (call: ChannelCaller) => Promise<string>, failure: (error: unknown) => string = failureText) => {
      setBusy(true);
      setOutcome(null);
      const call: ChannelCaller = (channel, input) => callChannel(api, channel, input);
      try {
        const message = await work(call);
        if (mounted.current) setOutcome({ ok: true, message });
        return true;
      } catch (error) {
        if (mounted.current) setOutcome({ ok: false, message: failure(error) });
        if (isForbidden(error)) void educatorCallRefused();
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [api, educatorCallRefused],
  );
  return { busy, outcome, perform, show: setOutcome };
}
