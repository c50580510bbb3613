import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { HubStore } from '../store/hub-store';
import { describeUnexpectedError, silentHubLogger, type HubLogger, type LogFields } from './hub-logger';
import { HubMetrics } from './hub-metrics';
import { errorAnswer, HttpRefusal, sendError, sendJson } from './hub-responses';
import { matchRoute, type RouteAnswer } from './hub-routes';

/**
 * The hub's HTTP(S) server around a HubStore. Used by `dala hub serve`, and in-process by tests and
 * the bench. Closing it is graceful: it stops accepting, lets the requests in flight (a push batch
 * mid-transaction) finish and answer, and only cuts connections still busy after the grace period.
 */

export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

export interface HubTls {
  cert: string | Buffer;
  key: string | Buffer;
}

export interface HubServerOptions {
  store: HubStore;
  /** Default 127.0.0.1: the hub is reachable from the network only when asked to be. */
  host?: string;
  /** 0 picks a free port (the chosen one is in `url`). */
  port: number;
  tls?: HubTls;
  logger?: HubLogger;
  /** Give the same HubMetrics whose storeObserver() the store was opened with. */
  metrics?: HubMetrics;
  shutdownGraceMs?: number;
}

export interface RunningHub {
  /** e.g. http://127.0.0.1:8740 */
  url: string;
  port: number;
  /**
   * Graceful stop (idempotent). Does not close the store: whoever opened it closes it after this,
   * so that a push that finishes during the grace period still has its pool.
   */
  close(): Promise<void>;
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new Error(`Port ${port} on ${host} is already in use: stop the other program or choose another --port.`));
      else if (error.code === 'EACCES') reject(new Error(`Not allowed to listen on port ${port} on ${host}: ports below 1024 need extra rights; choose a port of 1024 or more.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new Error(`${host} is not an address of this computer: choose another --host (0.0.0.0 for every network).`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const { store } = options;
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentHubLogger;
  const metrics = options.metrics ?? new HubMetrics({ defaultMetrics: false });
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  metrics.attachStore(store, logger);

  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const fields: LogFields = {};
    let route = 'unknown';
    let status: number;
    // A request that arrives once shutdown began, or is still answering then, closes its connection.
    if (closing) res.setHeader('Connection', 'close');
    try {
      if (closing) throw new HttpRefusal('unavailable', 'The hub is shutting down; try again in a minute.', 503, { 'Retry-After': '30' });
      const matched = matchRoute(req.method, req.url);
      route = matched.name;
      const answer: RouteAnswer = await matched.handle({ req, store, metrics, fields });
      status = answer.status;
      if (closing && !res.headersSent) res.setHeader('Connection', 'close');
      if ('json' in answer) sendJson(res, status, answer.json);
      else {
        res.writeHead(status, { 'Content-Type': answer.contentType, 'Content-Length': Buffer.byteLength(answer.text), 'Cache-Control': 'no-store' });
        res.end(answer.text);
      }
    } catch (error) {
      const answer = errorAnswer(error);
      status = answer.status;
      metrics.errors.inc({ route, code: answer.code });
      if (answer.unexpected) logger.error('request failed unexpectedly', { route, ...fields, ...describeUnexpectedError(error) });
      if (res.headersSent) res.destroy();
      else {
        if (closing) res.setHeader('Connection', 'close');
        sendError(res, answer);
      }
      // Past the body limit the rest of the body is never read: close once the answer is out.
      if (answer.code === 'payload_too_large') res.once('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref());
    }
    metrics.requests.inc({ route, status: String(status) });
    const line = { method: req.method, route, status, ms: Math.round(performance.now() - started), ...fields };
    if (status >= 500) logger.warn('request', line);
    else if (route === 'health' || route === 'metrics') logger.debug('request', line);
    else logger.info('request', line);
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    handle(req, res).catch((error: unknown) => {
      logger.error('request handler failed', describeUnexpectedError(error));
      res.destroy();
    });
  };

  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : http.createServer(onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    logger.debug('client error', { code: error.code ?? 'unknown' });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const port = await listen(server, host, options.port);
  const url = `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${port}`;
  logger.info('listening', { url });

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        logger.info('shutting down: waiting for requests in flight', { inFlight });
        const finished = new Promise<void>((resolve) => (drained = resolve));
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
        if (await Promise.race([finished.then(() => false), timedOut])) logger.warn('shutting down: requests still in flight after the grace period were cut', { inFlight, ms: graceMs });
        clearTimeout(timer);
      }
      // Keep-alive connections idle now, or still busy past the grace period.
      server.closeAllConnections();
      await stopped;
      logger.info('stopped');
    })();
    return closed;
  };
  return { url, port, close };
}
