import type { AccessLevel } from '../../electron/common/contract';
import type { HandlerContext } from './context';

/**
 * Who is calling: the command line (the machine owner's rights: it can read the file anyway) or a
 * window (Electron's, or a browser host tab) whose session lives in this process.
 */
export type Caller = { kind: 'cli' } | { kind: 'window' };

/** Throws `forbidden` when the caller may not use a channel of this level with this input. */
export function authorize(_ctx: HandlerContext, _caller: Caller, _level: AccessLevel, _input: unknown): void {
  // Filled in by the accounts and sessions of "Who may do what" (issue 10).
}
