import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createWindowSession } from '../database/accounts/window-session';
import { createChannelDispatcher, type HandlerLogger } from '../database/channels/dispatch';
import { APP_VERSION } from '../database/app-version';
import { openDatabase, type OpenedDatabase } from '../database/open';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions } from '../database/sync/sync-loop';
import { API_PREFIX, handleApiRequest, type ApiContext } from './api-route';
import { DOWNLOAD_PREFIX, downloadUrlFor, handleFileDownload } from './file-download';
import { DEFAULT_UPLOAD_LIMIT_BYTES, handleFileUpload, UPLOAD_PATH, type UploadContext } from './file-upload';
import { listenOnLoopback } from './listen';
import { isAllowedHost, isAllowedOrigin } from './request-guards';
import { sendError, sendText } from './responses';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface BrowserHostOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback only: the host is never reachable from another machine. */
  host: '127.0.0.1';
  /** The built renderer (out/renderer): index.html and assets/. */
  rendererDir: string;
  /** Defaults to 32 random bytes as hex, new for every run. */
  token?: string;
  /** When `port` is taken, listen on a free port instead (and log that). */
  fallbackToFreePort?: boolean;
  /** Defaults to the version in package.json. */
  appVersion?: string;
  /** Automatic backups while it runs and at close (default on, as in the app; tests of other things turn them off). */
  automaticBackups?: boolean;
  /** One line per event, never personal data; defaults to nothing. */
  log?: (line: string) => void;
  /** The largest file `POST /api/files` accepts; defaults to the largest backup plus its envelope (tests lower it). */
  uploadLimitBytes?: number;
  /** Starts the school hub's background sync once the database is open (tests shorten its waits or watch it). */
  startSyncLoop?: (options: SyncLoopOptions) => SyncLoop;
}

export interface BrowserHost {
  /** The address to open, with the token: `http://127.0.0.1:<port>/?token=<token>`. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  token: string;
  database: OpenedDatabase;
  /** Stops accepting requests, ends open connections, then closes the database. */
  close(): Promise<void>;
}

const MIN_TOKEN_LENGTH = 32;
/** How long stopping waits for a sync under way (a hub that does not answer takes up to its 15 s timeout). */
export const SYNC_STOP_GRACE_MS = 5_000;

/**
 * Stops the school hub's sync, waiting at most `graceMs` for the run under way: SIGTERM must not
 * hang on the network. Cut off, the run's next write fails on the closed database and changes
 * nothing; what it had sent is sent again next time, and the hub skips it.
 */
function stopSyncWithin(loop: SyncLoop, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, graceMs);
    timer.unref();
    void loop.stop().finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
const FORBIDDEN = 'DALA only answers requests addressed to 127.0.0.1 or localhost on its own port, from its own pages.';

function requestPath(req: IncomingMessage): string | undefined {
  const raw = req.url ?? '';
  if (!raw.startsWith('/')) return undefined;
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
}

/**
 * Serves the built renderer, `POST /api/<channel>`, file uploads (`POST /api/files`) and
 * downloads (`GET /files/<id>?key=`) on 127.0.0.1 against one database, which is opened before
 * the port is (a refused database throws its typed error and nothing listens).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`The host token must have at least ${MIN_TOKEN_LENGTH} characters.`);
  const log = options.log ?? (() => undefined);
  const database = await openDatabase({ dataDir: options.dataDir });
  const handlerLog: HandlerLogger = (entry) => log(`${entry.channel} failed: ${entry.code}${entry.detail ? ` (${entry.detail})` : ''}`);
  const onEvent = (event: string, detail: string) => log(`${event} (${detail})`);
  // Every minute while enrolled in a school hub, and soon after a save; idle when not enrolled.
  const syncLoop = (options.startSyncLoop ?? startSyncLoop)({ database, onEvent });
  const dispatcher = createChannelDispatcher(
    database,
    {
      appVersion: options.appVersion ?? APP_VERSION,
      shell: 'browser',
      automaticBackups: options.automaticBackups ?? true,
      onEvent,
      downloadUrl: downloadUrlFor,
      // Cheap: the loop looks whether the call queued changes for the hub, and syncs soon if so.
      afterCall: () => syncLoop.noteLocalChange(),
    },
    handlerLog,
  );
  const context: ApiContext = { dispatcher, token, caller: { kind: 'window', session: createWindowSession() } };
  const uploads: UploadContext = { store: dispatcher.context.transferFiles, token, limitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES };
  let port = options.port;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    const urlPath = requestPath(req);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      if (urlPath?.startsWith(API_PREFIX)) sendError(res, 403, 'storage', FORBIDDEN);
      else sendText(res, 403, `${FORBIDDEN}\n`);
      return;
    }
    if (urlPath === undefined) sendText(res, 400, 'Bad request.\n');
    else if (urlPath === UPLOAD_PATH) await handleFileUpload(req, res, uploads);
    else if (urlPath.startsWith(API_PREFIX)) await handleApiRequest(req, res, urlPath, context);
    else if (urlPath.startsWith(DOWNLOAD_PREFIX)) await handleFileDownload(req, res, dispatcher.context.transferFiles);
    else await serveStatic(req, res, options.rendererDir, urlPath);
  };

  // requestTimeout bounds receiving a whole request, body included: a 1 GiB backup read from a USB
  // stick, or written to a slow disk, can take minutes to upload; 60 s would cut it off. Headers stay quick.
  const server = http.createServer({ requestTimeout: 10 * 60_000, headersTimeout: 20_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`request failed: ${(error as Error)?.name ?? 'error'}`);
      if (!res.headersSent) sendError(res, 500, 'storage', 'DALA could not answer this request.');
      else res.destroy();
    });
  });

  try {
    const listening = await listenOnLoopback(server, options.host, options.port, options.fallbackToFreePort === true);
    port = listening.port;
    if (listening.fellBack) log(`port ${options.port} is in use; using port ${port} instead`);
  } catch (error) {
    await Promise.all([syncLoop.stop(), dispatcher.close()]);
    database.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
      // Calls in flight finish, then running jobs (backup, restore) stop: they hold their own
      // connection to the file. The school hub's sync starts no new run and the one under way ends
      // (an operation the hub took but this machine had not crossed off yet is sent again next
      // time, and the hub skips it). Then the database closes.
      .then(() => Promise.all([stopSyncWithin(syncLoop, SYNC_STOP_GRACE_MS), dispatcher.close()]))
      .then(() => database.close());
    return closing;
  };

  const origin = `http://${options.host}:${port}`;
  return { url: `${origin}/?token=${token}`, origin, port, token, database, close };
}
