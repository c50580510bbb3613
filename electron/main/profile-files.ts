import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EventPayload } from '../common/contract';
import { isProfileFilePath } from './command-line';

export type ProfileFileOpened = EventPayload<'profileFileOpened'>;

export interface ProfileFileInbox {
  /** Remembers a .dalaprofile the OS asked us to open; returns its id (undefined if not one). */
  remember(filePath: string): string | undefined;
  /** The window has loaded: announce everything queued, and from now on announce at once. */
  windowReady(): void;
  /** The window is gone: queue announcements again until a new one has loaded. */
  windowNotReady(): void;
  /** The path behind an id, handed out once (for the import); undefined for an unknown id. */
  takeProfileFilePath(fileId: string): string | undefined;
}

/** More than this many unclaimed files and the oldest are forgotten. */
export const MAX_REMEMBERED_FILES = 50;

/**
 * `.dalaprofile` paths opened by the OS (first launch, second launch, macOS 'open-file'). The path
 * never leaves the main process: the renderer gets an opaque id and the file's name, sent once
 * the window has loaded.
 */
export function createProfileFileInbox(options: { announce: (payload: ProfileFileOpened) => void; newId?: () => string }): ProfileFileInbox {
  const newId = options.newId ?? randomUUID;
  const paths = new Map<string, string>();
  let queue: ProfileFileOpened[] = [];
  let ready = false;

  const announce = (payload: ProfileFileOpened): void => {
    if (ready) options.announce(payload);
    else queue.push(payload);
  };

  return {
    remember(filePath) {
      if (!isProfileFilePath(filePath) || !path.isAbsolute(filePath)) return undefined;
      const fileId = newId();
      paths.set(fileId, filePath);
      while (paths.size > MAX_REMEMBERED_FILES) {
        const oldest = paths.keys().next().value as string;
        paths.delete(oldest);
        queue = queue.filter((q) => q.fileId !== oldest);
      }
      announce({ fileId, fileName: path.basename(filePath) });
      return fileId;
    },
    windowReady() {
      ready = true;
      const pending = queue;
      queue = [];
      for (const payload of pending) options.announce(payload);
    },
    windowNotReady() {
      ready = false;
    },
    takeProfileFilePath(fileId) {
      const found = paths.get(fileId);
      paths.delete(fileId);
      return found;
    },
  };
}
