import { DalaError } from '../../electron/common/errors';
import { enrolInSchoolHubInput, type SyncStatusView } from '../../electron/common/sync/sync-views';
import { expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import type { CliIo } from './output';
import { printJson, printLines } from './output';

/** `dala sync enroll|now|status|leave`: this machine's link to the school hub (docs/cli.md, "School hub sync"). */

const ENROLL_USAGE = 'dala sync enroll --hub URL --code CODE [--name NAME]';
const NOW_USAGE = 'dala sync now [--json]';
const STATUS_USAGE = 'dala sync status [--json]';
const LEAVE_USAGE = 'dala sync leave';

const NOT_ENROLLED = `This machine is not enrolled in a school hub. Enrol it with: ${ENROLL_USAGE}`;

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

function describeState(status: SyncStatusView): string {
  switch (status.state) {
    case 'not_enrolled':
      return 'Not enrolled in a school hub: this machine works alone and queues nothing.';
    case 'up_to_date':
      return 'Up to date.';
    case 'pending':
      return `${changes(status.pending)} waiting for the next sync.`;
    case 'offline':
      return `Offline: ${changes(status.pending)} waiting on this machine.`;
    case 'revoked':
      return "This machine's credential was revoked. An admin must leave the school hub and enrol again with a new code.";
    case 'error':
      return `The last sync failed: ${status.message ?? 'unknown error'}`;
  }
}

function statusLines(status: SyncStatusView): string[] {
  if (status.state === 'not_enrolled') return [describeState(status)];
  return [
    `School:      ${status.schoolName ?? ''} (${status.schoolId ?? ''})`,
    `Hub:         ${status.hub ?? ''}`,
    `Machine:     ${status.machineId ?? ''}`,
    `Waiting:     ${changes(status.pending)}`,
    `Last sync:   ${status.lastSyncAt ?? 'never'}`,
    `Last try:    ${status.lastAttemptAt ?? 'never'}`,
    `State:       ${describeState(status)}`,
  ];
}

/** A failed sync: the reason on stderr, exit 1 (the changes stay queued). */
function failed(io: CliIo, status: SyncStatusView): number {
  const why =
    status.state === 'offline'
      ? `The school hub at ${status.hub ?? ''} cannot be reached just now. ${changes(status.pending)} kept on this machine for the next sync; nothing is lost.`
      : describeState(status);
  io.stderr.write(`dala: ${why}\n`);
  return 1;
}

export const syncCommands: CliCommand[] = [
  {
    path: ['sync', 'enroll'],
    usage: ENROLL_USAGE,
    summary: "join a school hub with the enrolment code its IT person printed (queues this machine's data for the first sync)",
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { hub: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } }, ENROLL_USAGE);
      expectPositionals(positionals, 0, ENROLL_USAGE, '');
      if (values.hub === undefined) throw new UsageError(`--hub is needed (the hub's address, e.g. https://hub.school.example:8443). Usage: ${ENROLL_USAGE}`);
      if (values.code === undefined) throw new UsageError(`--code is needed (the enrolment code "dala hub schools create" printed). Usage: ${ENROLL_USAGE}`);
      const shape = enrolInSchoolHubInput.shape;
      const hubUrl = validArgument(shape.hubUrl, values.hub, '--hub', ENROLL_USAGE);
      const code = validArgument(shape.code, values.code, '--code', ENROLL_USAGE);
      const machineName = values.name === undefined ? undefined : validArgument(shape.machineName, values.name, '--name', ENROLL_USAGE);
      const status = await context.call('enrolInSchoolHub', { hubUrl, code, ...(machineName === undefined ? {} : { machineName }) });
      printLines(context.io, [
        `Enrolled this machine in ${status.schoolName ?? 'the school'} (hub ${status.hub ?? hubUrl}, machine ${status.machineId ?? ''}).`,
        `${changes(status.pending)} queued for the first sync; run "dala sync now" to send them now.`,
      ]);
      return 0;
    },
  },
  {
    path: ['sync', 'now'],
    usage: NOW_USAGE,
    summary: 'push the changes waiting here and pull the school\'s new ones (exit 1 when the hub cannot be reached; nothing is lost)',
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, NOW_USAGE);
      expectPositionals(positionals, 0, NOW_USAGE, '');
      const run = await context.call('syncNow', {});
      if (run.status.state === 'not_enrolled') throw new DalaError('not_found', NOT_ENROLLED);
      const ok = run.status.state === 'up_to_date' || run.status.state === 'pending';
      if (values.json) printJson(context.io, { pushed: run.pushed, pulled: run.pulled, state: run.status.state, pending: run.status.pending });
      else if (ok) printLines(context.io, [`Pushed ${changes(run.pushed)} and pulled ${changes(run.pulled)}. ${describeState(run.status)}`]);
      return ok ? 0 : failed(context.io, run.status);
    },
  },
  {
    path: ['sync', 'status'],
    usage: STATUS_USAGE,
    summary: 'which school hub this machine syncs with, how many changes wait, and when it last synced',
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, STATUS_USAGE);
      expectPositionals(positionals, 0, STATUS_USAGE, '');
      const status = await context.call('getSyncStatus', {});
      if (values.json) printJson(context.io, status);
      else printLines(context.io, statusLines(status));
      return 0;
    },
  },
  {
    path: ['sync', 'leave'],
    usage: LEAVE_USAGE,
    summary: "stop syncing with the school hub: the credential and the queued changes are forgotten, the learners' data stays",
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, LEAVE_USAGE);
      expectPositionals(positionals, 0, LEAVE_USAGE, '');
      const before = await context.call('getSyncStatus', {});
      if (before.state === 'not_enrolled') {
        printLines(context.io, ['This machine is not enrolled in a school hub; nothing to do.']);
        return 0;
      }
      await context.call('leaveSchoolHub', {});
      printLines(context.io, [`This machine left ${before.schoolName ?? 'the school hub'}. Its data stays here; nothing more is queued.`]);
      return 0;
    },
  },
];
