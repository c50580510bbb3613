import type { Caller } from '../database/channels/authorize';
import type { ChannelDispatcher } from '../database/channels/dispatch';
import { requestText, UNREADABLE_REQUEST } from '../electron/common/channels';
import type { ChannelResult } from '../electron/common/contract';

/** The bench and the drills call with the command line's rights (they set up and check whole databases). */
export const BENCH_CALLER: Caller = { kind: 'cli' };

/** A call as a transport makes it: the input as JSON text, through the one dispatch path. */
export async function invokeChannel(dispatcher: Pick<ChannelDispatcher, 'dispatchText'>, name: string, payload: unknown): Promise<ChannelResult<unknown>> {
  const text = requestText(payload);
  return text === undefined ? UNREADABLE_REQUEST : dispatcher.dispatchText(name, text, BENCH_CALLER);
}
