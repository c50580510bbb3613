import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENT_NAMES, ipcChannel, ipcEvent, requestText, UNREADABLE_REQUEST, type EventName } from '../common/channels';
import { CHANNEL_NAMES, type ChannelName } from '../common/contract';

// Bundled whole into a sandboxed preload, where nothing but electron can be required at run time.

export type ChannelCall = (input?: unknown) => Promise<unknown>;
export type EventListener = (payload: unknown) => void;
export type Unsubscribe = () => void;
export type SubscriberName = `on${Capitalize<EventName>}`;

export function subscriberName<E extends EventName>(name: E): `on${Capitalize<E>}` {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<E>}`;
}

/**
 * `window.dala`: one function per contract channel, each an invoke on `dala:<name>` with the input
 * as JSON text (the main process checks its size in bytes and parses it, as the browser host does).
 */
export function createDalaApi(ipc: Pick<IpcRenderer, 'invoke'>): Record<ChannelName, ChannelCall> {
  const api = {} as Record<ChannelName, ChannelCall>;
  for (const name of CHANNEL_NAMES) {
    const channel = ipcChannel(name);
    api[name] = (input?: unknown) => {
      const text = requestText(input);
      return text === undefined ? Promise.resolve(UNREADABLE_REQUEST) : ipc.invoke(channel, text);
    };
  }
  return api;
}

/** Events that arrive before anyone listens are kept (up to this many) for the first listener. */
export const MAX_PENDING_EVENTS = 20;

/**
 * `window.dalaEvents`: `on<Event>(listener)` per event, returning an unsubscribe function. Listeners
 * get the payload only, never the IpcRendererEvent (which would hand out `sender`). Events sent
 * before the page has subscribed (a file opened by the OS while React is still mounting) are
 * kept and delivered to the first listener.
 */
export function createDalaEvents(ipc: Pick<IpcRenderer, 'on'>): Record<SubscriberName, (listener: EventListener) => Unsubscribe> {
  const events = {} as Record<SubscriberName, (listener: EventListener) => Unsubscribe>;
  for (const name of EVENT_NAMES) {
    const listeners = new Set<EventListener>();
    let pending: unknown[] = [];
    const deliver = (payload: unknown): void => {
      for (const listener of [...listeners]) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`A ${name} listener failed`, error);
        }
      }
    };
    const flush = (): void => {
      if (listeners.size === 0) return;
      const queued = pending;
      pending = [];
      for (const payload of queued) deliver(payload);
    };
    ipc.on(ipcEvent(name), (_event: IpcRendererEvent, payload: unknown) => {
      if (listeners.size > 0) deliver(payload);
      else if (pending.length < MAX_PENDING_EVENTS) pending.push(payload);
    });
    events[subscriberName(name)] = (listener: EventListener) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriberName(name)} needs a function.`);
      listeners.add(listener);
      if (pending.length > 0) queueMicrotask(flush);
      return () => {
        listeners.delete(listener);
      };
    };
  }
  return events;
}
