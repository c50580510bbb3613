import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannel, type HandlerLogger } from '../../database/api';
import { CHANNEL_NAMES, ipcChannel, payloadLimitOf, type ChannelName } from '../common/channels';
import type { ChannelHandlers, ChannelResult } from '../common/contract';
import { isAppUrl } from './app-origin';

export const REFUSED_SENDER_MESSAGE = 'This request did not come from the DALA window and was refused.';

const refusedSender = (): ChannelResult<never> => ({ ok: false, error: { code: 'invalid_input', message: REFUSED_SENDER_MESSAGE } });

/**
 * The size of a payload as JSON, in bytes; undefined when it cannot be JSON at all (a cycle, a
 * BigInt: structured clone lets a renderer send those). IPC has no body to count, so this stands in.
 */
export function payloadBytes(payload: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(payload ?? {}) ?? '', 'utf8');
  } catch {
    return undefined;
  }
}

const tooLarge = (limit: number): ChannelResult<never> => ({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${limit} bytes.` } });
const notJson = (): ChannelResult<never> => ({ ok: false, error: { code: 'invalid_input', message: 'The request could not be read.' } });

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
  /** Logs failures by channel and code (never the payload). */
  log?: HandlerLogger;
  /** Told when a request from a wrong sender was refused. */
  onRefusedSender?: (channel: ChannelName) => void;
}

/**
 * One `ipcMain.handle` per contract channel, on `dala:<name>`. The sender is checked first, then
 * the payload's size against the channel's limit; then the shared dispatch path parses the payload with the channel's schema and runs the handler.
 * Returns the channel names registered, in order.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: ChannelHandlers, options: IpcOptions = {}): readonly ChannelName[] {
  const registered: ChannelName[] = [];
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) {
        options.onRefusedSender?.(name);
        return refusedSender();
      }
      // The same per-channel limit as the browser host, checked before the schema parses anything.
      const size = payloadBytes(payload);
      const limit = payloadLimitOf(name);
      if (size === undefined || size > limit) {
        options.log?.({ channel: name, code: 'invalid_input', detail: size === undefined ? 'not-json' : 'too-large' });
        return size === undefined ? notJson() : tooLarge(limit);
      }
      return invokeChannel(handlers, name, payload, options.log);
    });
    registered.push(name);
  }
  return registered;
}
