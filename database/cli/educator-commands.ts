import { z } from 'zod';
import { EDUCATOR_ROLES, password, username, type EducatorView } from '../../electron/common/accounts';
import { classId } from '../../electron/common/classes';
import { displayName } from '../../electron/common/dto';
import { DalaError } from '../../electron/common/errors';
import { expectPositionals, parseCommandArguments, refuseSecretsOnArgv, UsageError, validArgument } from './arguments';
import type { CliCommand, CommandContext } from './command';
import { formatTable, printJson, printLines } from './output';
import { readSecretLine } from './secret-input';

/**
 * Educator accounts from the command line. The CLI runs with the rights of whoever can read the
 * database file (DESIGN.md, "Who may do what"), so it asks no password of its own; the accounts'
 * passwords come in on stdin only.
 */

const CREATE_USAGE = `dala educators create --username U --name NAME [--role ${EDUCATOR_ROLES.join('|')}] --password-stdin [--json]`;
const LIST_USAGE = 'dala educators list [--json]';
const RESET_USAGE = 'dala educators reset-password U --password-stdin';
const DISABLE_USAGE = 'dala educators disable U';
const ENABLE_USAGE = 'dala educators enable U';
const ASSIGN_USAGE = 'dala educators assign U CLASS_ID';
const UNASSIGN_USAGE = 'dala educators unassign U CLASS_ID';

/** The contract's roles, with a message that names them in words. */
const roleArgument = z.enum(EDUCATOR_ROLES, { error: `must be ${EDUCATOR_ROLES.join(' or ')}` });

/** The account password: never from argv, always from one line of stdin, checked before anything is opened. */
async function passwordFromStdin(context: CommandContext, given: boolean | undefined, usage: string): Promise<string> {
  if (!given) throw new UsageError(`missing --password-stdin: the password is read from stdin, never from the command line. Usage: ${usage}`);
  return validArgument(password, await readSecretLine(context.io, 'password', '--password-stdin', usage), 'the password from --password-stdin', usage);
}

/** The account called `name`, whatever its case (usernames are one account whatever their case). */
async function educatorNamed(context: CommandContext, name: string): Promise<EducatorView> {
  const educators = await context.call('listEducators', {});
  const found = educators.find((e) => e.username.toLowerCase() === name.toLowerCase());
  if (!found) throw new DalaError('not_found', `There is no educator called "${name}". See the accounts with: dala educators list`, 'username');
  return found;
}

/** `educators <verb> U` with only the username (and optionally a class id) as positionals. */
function usernameArgument(positional: string | undefined, usage: string): string {
  return validArgument(username, positional, 'U (the username)', usage);
}

const createCommand: CliCommand = {
  path: ['educators', 'create'],
  usage: CREATE_USAGE,
  summary: 'create an educator account (coach by default); the password is read from stdin',
  async run(args, context) {
    refuseSecretsOnArgv(args, ['--password'], CREATE_USAGE);
    const { values, positionals } = parseCommandArguments(
      args,
      { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, json: { type: 'boolean' } },
      CREATE_USAGE,
    );
    expectPositionals(positionals, 0, CREATE_USAGE, '');
    if (values.username === undefined) throw new UsageError(`missing --username. Usage: ${CREATE_USAGE}`);
    if (values.name === undefined) throw new UsageError(`missing --name. Usage: ${CREATE_USAGE}`);
    const user = validArgument(username, values.username, '--username', CREATE_USAGE);
    const name = validArgument(displayName, values.name, '--name', CREATE_USAGE);
    const role = values.role === undefined ? 'coach' : validArgument(roleArgument, values.role, '--role', CREATE_USAGE);
    const secret = await passwordFromStdin(context, values['password-stdin'], CREATE_USAGE);
    const educator = await context.call('createEducator', { username: user, displayName: name, role, password: secret });
    if (values.json) printJson(context.io, educator);
    else printLines(context.io, [educator.id]);
    return 0;
  },
};

const listCommand: CliCommand = {
  path: ['educators', 'list'],
  usage: LIST_USAGE,
  summary: 'list the educator accounts: username, name, role, active or disabled, classes',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, LIST_USAGE);
    expectPositionals(positionals, 0, LIST_USAGE, '');
    const educators = await context.call('listEducators', {});
    if (values.json) {
      printJson(context.io, educators);
      return 0;
    }
    if (educators.length === 0) {
      printLines(context.io, ['No educator accounts yet. Make the first admin with: dala educators create --username U --name NAME --role admin --password-stdin']);
      return 0;
    }
    // Class names read better than ids; `dala classes list` shows the ids for assign/unassign.
    const classNames = new Map((await context.call('listClasses', {})).map((c) => [c.id, c.name]));
    const classesOf = (e: EducatorView) => (e.role === 'admin' ? 'all (admin)' : e.classIds.map((id) => classNames.get(id) ?? id).join(', ') || 'none yet');
    printLines(
      context.io,
      formatTable([['USERNAME', 'NAME', 'ROLE', 'STATUS', 'CLASSES'], ...educators.map((e) => [e.username, e.displayName, e.role, e.disabled ? 'disabled' : 'active', classesOf(e)])]),
    );
    return 0;
  },
};

const resetPasswordCommand: CliCommand = {
  path: ['educators', 'reset-password'],
  usage: RESET_USAGE,
  summary: 'give an educator a new password (read from stdin); it works at once, even after a lockout',
  async run(args, context) {
    refuseSecretsOnArgv(args, ['--password'], RESET_USAGE);
    const { values, positionals } = parseCommandArguments(args, { 'password-stdin': { type: 'boolean' } }, RESET_USAGE);
    const [rawName] = expectPositionals(positionals, 1, RESET_USAGE, 'the username U');
    const user = usernameArgument(rawName, RESET_USAGE);
    const secret = await passwordFromStdin(context, values['password-stdin'], RESET_USAGE);
    const educator = await educatorNamed(context, user);
    await context.call('resetEducatorPassword', { educatorId: educator.id, password: secret });
    printLines(context.io, [`Set a new password for ${educator.username}.`]);
    return 0;
  },
};

function disabledCommand(disabled: boolean): CliCommand {
  const usage = disabled ? DISABLE_USAGE : ENABLE_USAGE;
  return {
    path: ['educators', disabled ? 'disable' : 'enable'],
    usage,
    summary: disabled ? 'stop an educator from signing in (the account and its history stay)' : 'let a disabled educator sign in again',
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, usage);
      const [rawName] = expectPositionals(positionals, 1, usage, 'the username U');
      const educator = await educatorNamed(context, usernameArgument(rawName, usage));
      await context.call('setEducatorDisabled', { educatorId: educator.id, disabled });
      printLines(context.io, [disabled ? `Disabled ${educator.username}: they can no longer sign in.` : `Enabled ${educator.username}: they can sign in again.`]);
      return 0;
    },
  };
}

function coachCommand(assign: boolean): CliCommand {
  const usage = assign ? ASSIGN_USAGE : UNASSIGN_USAGE;
  return {
    path: ['educators', assign ? 'assign' : 'unassign'],
    usage,
    summary: assign ? 'make an educator a coach of a class' : 'stop an educator coaching a class',
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, usage);
      const [rawName, rawClass] = expectPositionals(positionals, 2, usage, 'the username U and the CLASS_ID');
      const user = usernameArgument(rawName, usage);
      const klass = validArgument(classId, rawClass, 'CLASS_ID', usage);
      const educator = await educatorNamed(context, user);
      // unassignCoach is silent about a class the educator does not coach; a teacher who mistyped the id should hear it.
      if (!assign && !educator.classIds.includes(klass)) throw new DalaError('not_found', `${educator.username} does not coach class "${klass}". See: dala educators list`, 'classId');
      const updated = await context.call(assign ? 'assignCoach' : 'unassignCoach', { educatorId: educator.id, classId: klass });
      printLines(context.io, [
        assign
          ? `${updated.username} now coaches class ${klass} (${updated.classIds.length} class(es) in all).`
          : `${updated.username} no longer coaches class ${klass} (${updated.classIds.length} class(es) left).`,
      ]);
      return 0;
    },
  };
}

export const educatorCommands: CliCommand[] = [createCommand, listCommand, resetPasswordCommand, disabledCommand(true), disabledCommand(false), coachCommand(true), coachCommand(false)];
