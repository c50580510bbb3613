import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requestText, UNREADABLE_REQUEST } from '../../electron/common/channels';
import { CHANNEL_NAMES, type ChannelResult, type DalaApi } from '../../electron/common/contract';
import { isDalaError } from '../../electron/common/errors';
import type { TransferFileView } from '../../electron/common/transfer-views';
import { createWindowSession } from '../../database/accounts/window-session';
import type { TransferFileDialogs } from '../../database/channels/context';
import { createChannelDispatcher } from '../../database/channels/dispatch';
import { downloadUrlFor } from '../../host/file-download';
import { openDatabase, type OpenedDatabase } from '../../database/open';

/** A file the window saved: its name and its bytes, as the user would find it. */
export interface SavedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The renderer's file transport (renderer/src/api/transfer-files.ts) for tests: the browser host's
 * way (the file input, downloads) unless dialogs are given, which play the desktop's.
 */
export interface InProcessTransferFiles {
  nativeDialogs: boolean;
  receive(file: File, onProgress?: (sentBytes: number, totalBytes: number) => void): Promise<ChannelResult<TransferFileView>>;
  download(url: string, fileName: string): Promise<void>;
}

export interface InProcessApi {
  api: DalaApi;
  database: OpenedDatabase;
  dataDir: string;
  /** Hands files to the handlers as the browser host's upload does, and takes downloads as the browser would. */
  files: InProcessTransferFiles;
  /** Every file the window downloaded, oldest first. */
  savedFiles: SavedFile[];
  /** Where automatic backups go when no folder is chosen (`backups/` beside the database). */
  defaultBackupsDir: string;
  /** Makes every following call fail as a read-only disk would, to test failure handling. */
  failWrites(enabled: boolean): void;
  /** Stops running jobs (the dispatcher's own close), then closes the database and removes the folder. */
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** Plays Electron's part for files the OS opened (an id in the window, a path in main). */
  resolveProfileFile?: (fileId: string) => string | undefined;
  /** The desktop app's native open and save dialogs; without them, files go the browser host's way. */
  fileDialogs?: TransferFileDialogs;
}

/**
 * vitest's jsdom environment puts jsdom's typed arrays (another realm's) on the global object,
 * and the file envelope's encryption library (noble) checks `instanceof Uint8Array` on the
 * Buffers Node's streams and crypto hand it: it refuses them ("Uint8Array expected"). The
 * handlers run in the test's own process, so they get Node's Uint8Array back; the page's code
 * does not care which realm its byte arrays come from.
 */
function useNodeUint8Array(): void {
  const nodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
  if (globalThis.Uint8Array !== nodeUint8Array) globalThis.Uint8Array = nodeUint8Array;
}

/**
 * `window.dala` for component tests: the real handlers on a real SQLite file in a temp dir, called
 * through the same dispatch as IPC and HTTP (the input as JSON text, as a transport sends it).
 * Only the transport is skipped. Files reach the handlers as the browser host's upload hands
 * them over (written to a file, registered with the transfer store); downloads are taken with
 * their one-time key, as the host's download route does, and kept in `savedFiles`.
 */
export async function createInProcessApi(options: InProcessOptions = {}): Promise<InProcessApi> {
  useNodeUint8Array();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-renderer-'));
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-uploads-'));
  const database = await openDatabase({ dataDir });
  const dispatcher = createChannelDispatcher(database, { appVersion: 'test', shell: 'browser', resolveProfileFile: options.resolveProfileFile, fileDialogs: options.fileDialogs, downloadUrl: downloadUrlFor });
  const store = dispatcher.context.transferFiles;
  const savedFiles: SavedFile[] = [];
  let uploads = 0;
  const files: InProcessTransferFiles = {
    nativeDialogs: options.fileDialogs !== undefined,
    receive: async (file, onProgress) => {
      const bytes = Buffer.from(await file.arrayBuffer());
      // A folder each, so the file keeps the name it was chosen under (the store shows that name).
      const folder = path.join(uploadsDir, String(++uploads));
      fs.mkdirSync(folder);
      const filePath = path.join(folder, path.basename(file.name));
      fs.writeFileSync(filePath, bytes);
      onProgress?.(bytes.length, bytes.length);
      try {
        return { ok: true, value: store.registerIncoming(filePath) };
      } catch (error) {
        if (isDalaError(error)) return { ok: false, error: error.toIpcError() };
        throw error;
      }
    },
    download: async (url, fileName) => {
      const address = new URL(url, 'http://localhost');
      const fileId = decodeURIComponent(address.pathname.replace(/^\/files\//, ''));
      const file = store.takeDownload(fileId, address.searchParams.get('key') ?? '');
      if (!file) throw new Error(`the download ${url} was used already or never given`);
      savedFiles.push({ fileName, bytes: fs.readFileSync(file.path) });
    },
  };
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
    files,
    savedFiles,
    defaultBackupsDir: path.join(dataDir, 'backups'),
    failWrites: (enabled) => {
      failing = enabled;
    },
    close: async () => {
      await dispatcher.close();
      database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(uploadsDir, { recursive: true, force: true });
    },
  };
}
