import { z } from 'zod';
import type { EventName } from '../channels';

/** What the main process tells the window: menu items chosen, files opened by the OS. */
export const MENU_COMMANDS = ['newLearner', 'importProfile', 'exportProfile', 'backup', 'restore', 'educatorTools'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const eventSchemas = {
  menuCommand: z.enum(MENU_COMMANDS),
  /** A .dalaprofile opened by the OS (double-click, command line): the path stays in main; the renderer gets an id. */
  profileFileOpened: z.strictObject({ fileId: z.string(), fileName: z.string() }),
} satisfies { [E in EventName]: z.ZodType };
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** `window.dalaEvents`: subscribe to main-process events; returns an unsubscribe function. */
export type DalaEvents = { [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void };
