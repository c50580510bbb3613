/**
 * The hub's structured log: one JSON object per line (time, level, msg, then fields), for
 * journald, a log shipper or `grep`. The fields a line may carry are a closed list of ids,
 * numbers and fixed labels, so that a learner's name, a row's contents, a credential or an
 * enrolment code cannot end up in a log by accident: there is no field to put them in.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogFields {
  route?: string;
  method?: string;
  status?: number;
  ms?: number;
  /** Ids only: uuids the hub made, never names. */
  machineId?: string;
  schoolId?: string;
  /** A HubErrorCode, or a SQLSTATE for a database error. */
  code?: string;
  /** A store statement label such as "push.upsert.preferences" (never SQL text). */
  statement?: string;
  url?: string;
  received?: number;
  duplicates?: number;
  changed?: number;
  pulled?: number;
  inFlight?: number;
  /** For unexpected failures: the error's class and a redacted message, the stack frames. */
  error?: string;
  stack?: string;
}

export interface HubLogger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LogSink {
  write(line: string): unknown;
}

export function createHubLogger(sink: LogSink, level: LogLevel = 'info', now: () => Date = () => new Date()): HubLogger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (lineLevel: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    sink.write(`${JSON.stringify({ time: now().toISOString(), level: lineLevel, msg, ...fields })}\n`);
  };
  return { level, debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything (tests, or an in-process hub nobody reads the log of). */
export const silentHubLogger: HubLogger = createHubLogger({ write: () => undefined }, 'error', () => new Date(0));

/**
 * What may be logged of an unexpected error. Database messages can quote a value
 * (`invalid input syntax for type uuid: "…"`), so quoted text is blanked; the SQLSTATE, the
 * constraint and the table are schema names and stay, and so do the stack frames (code
 * locations, no data).
 */
export function describeUnexpectedError(error: unknown): Pick<LogFields, 'error' | 'code' | 'stack'> {
  if (!(error instanceof Error)) return { error: typeof error };
  const redacted = error.message.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, 300);
  const pgFields = error as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  const where = [typeof pgFields.table === 'string' ? `table ${pgFields.table}` : '', typeof pgFields.constraint === 'string' ? `constraint ${pgFields.constraint}` : ''].filter(Boolean).join(', ');
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim())
    .join(' | ');
  return {
    error: `${error.name}: ${redacted}${where ? ` (${where})` : ''}`,
    ...(typeof pgFields.code === 'string' ? { code: pgFields.code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
