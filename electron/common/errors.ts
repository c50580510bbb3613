import { z } from 'zod';

/**
 * Error codes that cross IPC, HTTP and the CLI. Stable: the renderer switches on them.
 * `passphrase_required` and `wrong_passphrase`: a file protected with a passphrase was opened
 * without one, or with one that does not open it; the UI asks (again) and nothing was changed.
 */
export const ERROR_CODES = ['not_found', 'invalid_input', 'conflict', 'storage', 'forbidden', 'rate_limited', 'passphrase_required', 'wrong_passphrase'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
  /** With `rate_limited`: how long to wait before the next try. */
  retryAfterSeconds: z.number().int().min(1).optional(),
});
/** The only shape an error has once it leaves the database layer: no stack, no SQL, no paths. */
export type IpcError = z.infer<typeof ipcErrorSchema>;

export class DalaError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, field?: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'DalaError';
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  toIpcError(): IpcError {
    const error: IpcError = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    return error;
  }
}

/** A refused permission: nothing was read or written. The message says who can help. */
export function forbidden(message = 'Ask an educator to unlock Educator tools.'): DalaError {
  return new DalaError('forbidden', message);
}

export function isDalaError(value: unknown): value is DalaError {
  return value instanceof DalaError;
}

/** Dotted path of a zod issue, e.g. `attemptDetails.answers.0`; empty paths become undefined. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p) => String(p)).join('.');
}

/** Turns a zod failure into one readable `invalid_input` error naming the first bad field. */
export function invalidInputFromZod(error: z.ZodError): DalaError {
  const first = error.issues[0];
  if (!first) return new DalaError('invalid_input', 'The input is not valid.');
  const field = issuePath(first.path);
  const where = field ? `${field}: ` : '';
  return new DalaError('invalid_input', `${where}${first.message}`, field);
}

/** Parses `input` with `schema`, throwing a typed `invalid_input` error instead of a ZodError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInputFromZod(result.error);
  return result.data;
}
