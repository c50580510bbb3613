import type { OpenedDatabase } from '../open';
import type { CliIo } from './output';

export interface CommandContext {
  io: CliIo;
  dataDir: string;
  /** Opens (creating and migrating when needed) the database; closed by the dispatcher. */
  open(options?: { migrate?: boolean }): Promise<OpenedDatabase>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['learners', 'create']. */
  path: readonly string[];
  usage: string;
  summary: string;
  /** Returns the exit code: 0 done, 1 failed or found problems. Bad arguments throw UsageError. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
