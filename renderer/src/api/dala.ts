import type { ChannelName } from '../../../electron/common/channels';
import type { ChannelInput, ChannelOutput, ChannelResult, DalaApi, DalaEvents } from '../../../electron/common/contract';
import type { IpcError } from '../../../electron/common/errors';
import { createHttpDalaApi, takeHostToken } from './http-transport';

declare global {
  interface Window {
    dala?: DalaApi;
    dalaEvents?: DalaEvents;
  }
}

/** In Electron the preload provides `window.dala`; in the browser host it is HTTP. */
export const dalaApi: DalaApi = window.dala ?? createHttpDalaApi(takeHostToken());
export const dalaEvents: DalaEvents | undefined = window.dalaEvents;

/** A failed call, with the typed code and the message the UI may show. */
export class DalaCallError extends Error {
  readonly code: IpcError['code'];
  readonly field: string | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'DalaCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Calls a channel and returns its value, or throws a DalaCallError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = dalaApi[channel] as unknown as (i: ChannelInput<C>) => Promise<ChannelResult<ChannelOutput<C>>>;
  const result = await fn(input);
  if (!result.ok) throw new DalaCallError(result.error);
  return result.value;
}
