import type { AuditEntryView } from '../../electron/common/classes';
import { dateArgument, expectPositionals, parseCommandArguments, validArgument, wholeNumber } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

const AUDIT_USAGE = 'dala audit [--since DATE] [--limit N] [--json]';
const DEFAULT_LIMIT = 500;

/** Who did it, in words: the audit log keeps ids and codes only. */
function actorText(entry: AuditEntryView, usernames: ReadonlyMap<string, string>): string {
  if (entry.actor === 'cli') return 'command line';
  if (entry.actor === 'educator') return entry.educatorId ? `educator ${usernames.get(entry.educatorId) ?? entry.educatorId}` : 'educator';
  return entry.actor;
}

export const auditCommand: CliCommand = {
  path: ['audit'],
  usage: AUDIT_USAGE,
  summary: 'the audit log, newest first: who did what to which id (never names or passwords)',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } }, AUDIT_USAGE);
    expectPositionals(positionals, 0, AUDIT_USAGE, '');
    const since = values.since === undefined ? undefined : dateArgument(values.since, 'start', '--since', AUDIT_USAGE);
    const limit = values.limit === undefined ? DEFAULT_LIMIT : validArgument(wholeNumber(1, 10_000), values.limit, '--limit', AUDIT_USAGE);
    const entries = await context.call('listAuditLog', since === undefined ? { limit } : { since, limit });
    if (values.json) printJson(context.io, entries);
    else if (entries.length === 0) printLines(context.io, [since ? `Nothing in the audit log since ${since}.` : 'The audit log is empty.']);
    else {
      const usernames = new Map((await context.call('listEducators', {})).map((e) => [e.id, e.username]));
      printLines(
        context.io,
        formatTable([
          ['AT', 'ACTION', 'BY', 'TARGET', 'DETAIL'],
          ...entries.map((e) => [e.at, e.action, actorText(e, usernames), e.targetType ? `${e.targetType} ${e.targetId ?? ''}`.trimEnd() : '-', e.detail ?? '']),
        ]),
      );
    }
    // On stderr so that --json stays one JSON value: the list may have been cut at the limit.
    if (entries.length === limit) context.io.stderr.write(`dala: showing the newest ${limit} entries; use --since or --limit to see others.\n`);
    return 0;
  },
};
