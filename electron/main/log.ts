import fs from 'node:fs';
import path from 'node:path';
import type { HandlerLogger } from '../../database/channels/dispatch';

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * What a log line may hold. Deliberately no free text: learner names, inputs, error messages and
 * file paths never reach the log.
 */
export interface LogEntry {
  /** A fixed event name chosen by the code, e.g. `database-refused`. */
  event: string;
  channel?: string;
  code?: string;
  /** A field name or error class; only its first dotted segment is kept. */
  detail?: string;
}

export interface MainLog {
  readonly file: string;
  write(level: LogLevel, entry: LogEntry): void;
  /** For `invokeChannel`: every handler failure as an `ipc-failure` line. */
  handlerLogger: HandlerLogger;
}

export const LOG_MAX_BYTES = 1024 * 1024;

const TOKEN = /^[A-Za-z0-9_:-]{1,64}$/;

/** Keeps identifier-like tokens only; anything else is replaced, never written. */
function token(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const first = value.split('.')[0] ?? '';
  return TOKEN.test(first) ? first : '[redacted]';
}

export function formatLogLine(time: Date, level: LogLevel, entry: LogEntry): string {
  const parts = [time.toISOString(), level.toUpperCase(), token(entry.event) ?? 'event'];
  const channel = token(entry.channel);
  const code = token(entry.code);
  const detail = token(entry.detail);
  if (channel) parts.push(`channel=${channel}`);
  if (code) parts.push(`code=${code}`);
  if (detail) parts.push(`detail=${detail}`);
  return `${parts.join(' ')}\n`;
}

/**
 * An append-only log at <dataDir>/logs/main.log, rotated to main.log.1 once it would pass
 * `maxBytes` (one old file kept). Logging never throws: a full disk must not stop the app.
 */
export function createMainLog(dataDir: string, options: { maxBytes?: number; now?: () => Date } = {}): MainLog {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'main.log');
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const now = options.now ?? (() => new Date());

  const write = (level: LogLevel, entry: LogEntry): void => {
    try {
      const line = formatLogLine(now(), level, entry);
      fs.mkdirSync(dir, { recursive: true });
      let size = 0;
      try {
        size = fs.statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) fs.renameSync(file, `${file}.1`);
      fs.appendFileSync(file, line);
    } catch {
      // Nowhere left to report it; the app carries on.
    }
  };

  return {
    file,
    write,
    handlerLogger: ({ channel, code, detail }) => write(code === 'storage' ? 'error' : 'warn', { event: 'ipc-failure', channel, code, detail }),
  };
}
