/**
 * IPC naming, in a module with no imports: the preload, the main process and their tests share
 * it. The channel names themselves come from the contract (contract/index.ts).
 */

/** Most payloads are small; a channel that carries more says so in the contract. */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 1_048_576;

/** Prefix of every ipcMain channel; the main process refuses anything else. */
export const IPC_PREFIX = 'dala:';
export const ipcChannel = (name: string): string => `${IPC_PREFIX}${name}`;

/** Events the main process sends to the window (menu items, files opened by the OS). */
export const EVENT_NAMES = ['menuCommand', 'profileFileOpened'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
export const ipcEvent = (name: EventName): string => `${IPC_PREFIX}event:${name}`;

/** What a transport answers for an input JSON cannot write (a cycle, a BigInt), without sending it. */
export const UNREADABLE_REQUEST = { ok: false, error: { code: 'invalid_input', message: 'The request could not be read.' } } as const;

/** The text a transport sends for a channel's input, or undefined when JSON cannot write it. */
export function requestText(input: unknown): string | undefined {
  try {
    return JSON.stringify(input ?? {});
  } catch {
    return undefined;
  }
}
