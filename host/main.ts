import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../database/cli/arguments';
import { resolveDataDir } from '../database/data-dir';
import { isDalaError } from '../electron/common/errors';
import { HOST_USAGE, parseHostArguments, type HostArguments } from './arguments';
import { HostStartError } from './listen';
import { startBrowserHost, type BrowserHost } from './server';

export interface HostIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves when the host should stop (SIGINT/SIGTERM in the real process). */
  stopSignal: Promise<string>;
}

export interface HostPaths {
  /** The project (or packaged app) root: the built renderer is in out/renderer there. */
  root: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `dala-host`: opens the database, serves the app on 127.0.0.1 and prints exactly one line to
 * stdout, the address to open. Returns the exit code: 0 after a clean stop, 1 when the database
 * or the port cannot be used, 2 for bad arguments. Problems are one line on stderr.
 */
export async function runHost(argv: readonly string[], io: HostIo, paths: HostPaths): Promise<number> {
  const fail = (code: number, message: string): number => {
    io.stderr.write(`dala-host: ${oneLine(message)}\n`);
    return code;
  };
  let args: HostArguments;
  try {
    args = parseHostArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(2, error.message);
    throw error;
  }
  if (args.help) {
    io.stdout.write(`Usage: ${HOST_USAGE}\n  Serves DALA Learner Profile to a browser on this machine (127.0.0.1 only).\n`);
    return 0;
  }
  const rendererDir = path.join(paths.root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    io.stderr.write('dala-host: the app\'s pages are not built yet (out/renderer is missing); run "npm start -- --browser" or "npx electron-vite build". The API works meanwhile.\n');
  }
  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      dataDir: resolveDataDir(args.dataDir),
      port: args.port,
      host: '127.0.0.1',
      rendererDir,
      fallbackToFreePort: !args.portGiven,
      log: (line) => io.stderr.write(`dala-host: ${oneLine(line)}\n`),
    });
  } catch (error) {
    if (isDalaError(error) || error instanceof HostStartError) return fail(1, error.message);
    return fail(1, `could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.stdout.write(`DALA is running at ${host.url}\n`);
  await io.stopSignal;
  await host.close();
  return 0;
}

/** Resolves with the name of the first SIGINT or SIGTERM; later ones are ignored while closing. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.on('SIGINT', () => undefined);
      process.on('SIGTERM', () => undefined);
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
