import type { ChannelName } from '../../../electron/common/contract';
import type { ChannelInput, ChannelOutput, ChannelResult, DalaApi } from '../../../electron/common/contract';
import type { IpcError } from '../../../electron/common/errors';

/** A failed call, with the typed code and the message the UI may show. */
export class DalaCallError extends Error {
  readonly code: IpcError['code'];
  readonly field: string | undefined;
  /** With `rate_limited`: how long to wait before the next try. */
  readonly retryAfterSeconds: number | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'DalaCallError';
    this.code = error.code;
    this.field = error.field;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** Calls a channel and returns its value, or throws a DalaCallError. */
export async function callChannel<C extends ChannelName>(api: DalaApi, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = api[channel] as unknown as (i: ChannelInput<C>) => Promise<ChannelResult<ChannelOutput<C>>>;
  let result: ChannelResult<ChannelOutput<C>>;
  try {
    result = await fn(input);
  } catch {
    // A transport that throws (IPC gone, window closing) is a storage failure to the learner.
    result = { ok: false, error: { code: 'storage', message: 'The app could not reach its data.' } };
  }
  if (!result.ok) throw new DalaCallError(result.error);
  return result.value;
}
