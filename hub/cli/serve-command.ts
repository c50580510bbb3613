import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SLOW_STATEMENT_MS, HubMetrics } from '../server/hub-metrics';
import { createHubLogger, LOG_LEVELS } from '../server/hub-logger';
import { DEFAULT_SHUTDOWN_GRACE_MS, startHubServer, type HubTls } from '../server/hub-server';
import { describeDatabase } from '../store/hub-setup-error';
import { openHubStore } from '../store/open-hub-store';
import { databaseUrl, hostArgument, parseCommandArguments, UsageError, validArgument, wholeNumber } from './hub-arguments';
import type { HubCliIo } from './hub-io';

/** Chosen to be free on a typical school server (not 80/443/8080, which a proxy or another app takes). */
export const DEFAULT_HUB_PORT = 8740;

export const SERVE_USAGE =
  'dala hub serve --database-url URL [--host H] [--port N] [--tls-cert FILE --tls-key FILE] [--log-level debug|info|warn|error] [--slow-statement-ms N] [--max-connections N]';

const OPTIONS = {
  'database-url': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'log-level': { type: 'string' },
  'slow-statement-ms': { type: 'string' },
  'max-connections': { type: 'string' },
} as const;

/** Resolves with the signal's name at the first SIGINT/SIGTERM; a second one ends the process at once. */
export type ShutdownSignal = () => Promise<string>;

export const processShutdownSignal: ShutdownSignal = () =>
  new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        process.stderr.write(`dala hub: ${signal} again: stopping without waiting for requests in flight.\n`);
        process.exit(1);
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

function readTls(certFile: string | undefined, keyFile: string | undefined): HubTls | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) throw new UsageError(`--tls-cert and --tls-key go together (a certificate and its private key, PEM files). Usage: ${SERVE_USAGE}`);
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new Error(`Could not read the TLS ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the path and that the hub's user may read it.`, { cause: error });
    }
  };
  return { cert: read(certFile, 'certificate'), key: read(keyFile, 'private key') };
}

/** `dala hub serve`: runs until SIGINT/SIGTERM, then stops gracefully and returns 0. */
export async function serveCommand(args: readonly string[], io: HubCliIo, shutdownSignal: ShutdownSignal = processShutdownSignal): Promise<number> {
  const { values, positionals } = parseCommandArguments(args, OPTIONS, SERVE_USAGE);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}". Usage: ${SERVE_USAGE}`);
  const url = databaseUrl(values['database-url'], io.env, SERVE_USAGE);
  const host = values.host === undefined ? '127.0.0.1' : validArgument(hostArgument, values.host, '--host', SERVE_USAGE);
  const port = values.port === undefined ? DEFAULT_HUB_PORT : validArgument(wholeNumber(0, 65535), values.port, '--port', SERVE_USAGE);
  const level = validArgument(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }), values['log-level'] ?? 'info', '--log-level', SERVE_USAGE);
  const slowMs = values['slow-statement-ms'] === undefined ? DEFAULT_SLOW_STATEMENT_MS : validArgument(wholeNumber(0, 3_600_000), values['slow-statement-ms'], '--slow-statement-ms', SERVE_USAGE);
  const maxConnections = values['max-connections'] === undefined ? 10 : validArgument(wholeNumber(1, 500), values['max-connections'], '--max-connections', SERVE_USAGE);
  const tls = readTls(values['tls-cert'], values['tls-key']);

  // The log goes to stderr: stdout carries the one "is running" line that scripts wait for.
  const logger = createHubLogger(io.stderr, level);
  const metrics = new HubMetrics();
  const store = await openHubStore(url, { observer: metrics.storeObserver(logger, slowMs), maxConnections });
  let hub;
  try {
    hub = await startHubServer({ store, host, port, ...(tls ? { tls } : {}), logger, metrics, shutdownGraceMs: DEFAULT_SHUTDOWN_GRACE_MS });
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.info('serving', { url: `${hub.url} (database ${describeDatabase(url)})` });
  io.stdout.write(`DALA hub is running at ${hub.url}\n`);

  const signal = await shutdownSignal();
  logger.info(`${signal}: shutting down`);
  await hub.close();
  await store.close();
  logger.info('database closed; bye');
  return 0;
}
