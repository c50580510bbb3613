import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requestText, UNREADABLE_REQUEST } from '../../electron/common/channels';
import { CHANNEL_NAMES, type ChannelResult, type DalaApi } from '../../electron/common/contract';
import { createWindowSession } from '../../database/accounts/window-session';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { openDatabase, type OpenedDatabase } from '../../database/open';

export interface InProcessApi {
  api: DalaApi;
  database: OpenedDatabase;
  dataDir: string;
  /** Where automatic backups go when no folder is chosen (`backups/` beside the database). */
  defaultBackupsDir: string;
  /** Makes every following call fail as a read-only disk would, to test failure handling. */
  failWrites(enabled: boolean): void;
  /** Stops running jobs (the dispatcher's own close), then closes the database and removes the folder. */
  close(): Promise<void>;
}

/**
 * `window.dala` for component tests: the real handlers on a real SQLite file in a temp dir, called
 * through the same dispatch as IPC and HTTP (the input as JSON text, as a transport sends it).
 * Only the transport is skipped. `resolveProfileFile` plays Electron's part for files the OS
 * opened (an id in the window, a path in main).
 */
export async function createInProcessApi(options: { resolveProfileFile?: (fileId: string) => string | undefined } = {}): Promise<InProcessApi> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-renderer-'));
  const database = await openDatabase({ dataDir });
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', resolveProfileFile: options.resolveProfileFile });
  let failing = false;
  const caller = { kind: 'window', session: createWindowSession() } as const;
  const call = async (name: string, input: unknown): Promise<ChannelResult<unknown>> => {
    const text = requestText(input);
    return text === undefined ? UNREADABLE_REQUEST : dispatcher.dispatchText(name, text, caller);
  };
  const api = {} as Record<string, (input: unknown) => Promise<ChannelResult<unknown>>>;
  for (const name of CHANNEL_NAMES) {
    api[name] = async (input) => {
      if (failing && !name.startsWith('get') && name !== 'listLearners') {
        database.sqlite.pragma('query_only = ON');
        try {
          return await call(name, input);
        } finally {
          database.sqlite.pragma('query_only = OFF');
        }
      }
      return call(name, input);
    };
  }
  return {
    api: api as DalaApi,
    database,
    dataDir,
    defaultBackupsDir: path.join(dataDir, 'backups'),
    failWrites: (enabled) => {
      failing = enabled;
    },
    close: async () => {
      await dispatcher.close();
      database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
