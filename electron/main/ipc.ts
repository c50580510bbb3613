import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { createWindowSession, type WindowSession } from '../../database/accounts/window-session';
import type { Caller } from '../../database/channels/authorize';
import type { ChannelDispatcher, HandlerLogger } from '../../database/channels/dispatch';
import { ipcChannel } from '../common/channels';
import { CHANNEL_NAMES, type ChannelName, type ChannelResult } from '../common/contract';
import { isAppUrl } from './app-origin';

export const REFUSED_SENDER_MESSAGE = 'This request did not come from the DALA window and was refused.';

const refusedSender = (): ChannelResult<never> => ({ ok: false, error: { code: 'invalid_input', message: REFUSED_SENDER_MESSAGE } });
const notText = (): ChannelResult<never> => ({ ok: false, error: { code: 'invalid_input', message: 'The request could not be read.' } });

export type IpcSender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Only the top frame of a DALA window, showing app://dala/, may call a channel: not a subframe,
 * not a frame that is gone or being unloaded, not another origin.
 */
export function isTrustedSender(event: IpcSender): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.detached === true) return false;
    if (frame !== event.sender.mainFrame) return false;
    return isAppUrl(frame.url);
  } catch {
    // Electron throws when a frame is read after it was disposed: that sender is not trusted.
    return false;
  }
}

export interface IpcOptions {
  /** Who is signed in at the window; one per window, held here in the main process. */
  session?: WindowSession;
  /** Logs failures by channel and code (never the payload). */
  log?: HandlerLogger;
  /** Told when a request from a wrong sender was refused. */
  onRefusedSender?: (channel: ChannelName) => void;
}


/**
 * One `ipcMain.handle` per contract channel, on `dala:<name>`. The sender is checked first; the
 * preload sends the input as JSON text, so that the dispatcher checks the bytes received against
 * the channel's limit and parses them exactly as the browser host does with an HTTP body.
 * Returns the channel names registered, in order.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Pick<ChannelDispatcher, 'dispatchText'>, options: IpcOptions = {}): readonly ChannelName[] {
  const caller: Caller = { kind: 'window', session: options.session ?? createWindowSession() };
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) {
        options.onRefusedSender?.(name);
        return refusedSender();
      }
      if (typeof payload !== 'string') {
        options.log?.({ channel: name, code: 'invalid_input', detail: 'not-text' });
        return notText();
      }
      return dispatcher.dispatchText(name, payload, caller);
    });
  }
  return CHANNEL_NAMES;
}
