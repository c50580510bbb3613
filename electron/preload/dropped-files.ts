import type { WebUtils } from 'electron';

// Bundled into the sandboxed preload with bridge.ts: imports nothing but electron's types.

/** `window.dalaFiles`: what the window may learn about a file dropped on it. */
export interface DalaFiles {
  /** The path of a file dropped on (or picked in) the window; '' when it has none (made in the page, not a File). */
  pathForFile(file: File): string;
}

/**
 * A dropped file reaches the main process as its path (the `openDroppedFile` channel), never as
 * its content over IPC: Chromium no longer gives a File a `path`, and only the preload can ask
 * Electron for it (webUtils, available to sandboxed preloads since Electron 29).
 */
export function createDalaFiles(webUtils: Pick<WebUtils, 'getPathForFile'>): DalaFiles {
  return {
    pathForFile(file: File): string {
      try {
        return webUtils.getPathForFile(file) || '';
      } catch {
        // Electron throws for anything that is not a File; the page gets the same answer as for a
        // File with no path, and shows its "choose the file instead" message.
        return '';
      }
    },
  };
}
