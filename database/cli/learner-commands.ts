import { displayName, learnerId } from '../../electron/common/dto';
import { expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

const CREATE_USAGE = 'dala learners create --name NAME [--id ID] [--json]';
const LIST_USAGE = 'dala learners list [--json]';
const SHOW_USAGE = 'dala learners show ID [--json]';
const DELETE_USAGE = 'dala learners delete ID --yes';

const createCommand: CliCommand = {
  path: ['learners', 'create'],
  usage: CREATE_USAGE,
  summary: 'create a learner and print the new id',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { name: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } }, CREATE_USAGE);
    expectPositionals(positionals, 0, CREATE_USAGE, '');
    if (values.name === undefined) throw new UsageError(`missing --name. Usage: ${CREATE_USAGE}`);
    const name = validArgument(displayName, values.name, '--name', CREATE_USAGE);
    const id = values.id === undefined ? undefined : validArgument(learnerId, values.id, '--id', CREATE_USAGE);
    const profile = await context.call('createLearnerProfile', id === undefined ? { displayName: name } : { displayName: name, id });
    if (values.json) printJson(context.io, profile);
    else printLines(context.io, [profile.id]);
    return 0;
  },
};

const listCommand: CliCommand = {
  path: ['learners', 'list'],
  usage: LIST_USAGE,
  summary: 'list every learner in this data folder',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, LIST_USAGE);
    expectPositionals(positionals, 0, LIST_USAGE, '');
    const learners = await context.call('listLearnerSummaries', {});
    if (values.json) printJson(context.io, learners);
    else if (learners.length === 0) printLines(context.io, ['No learners yet. Create one with: dala learners create --name NAME']);
    else
      printLines(
        context.io,
        formatTable([
          ['ID', 'NAME', 'OBJECTIVES DONE', 'ATTEMPTS', 'BADGES', 'LAST UPDATED'],
          ...learners.map((l) => [l.id, l.displayName, l.completedObjectives, l.attemptCount, l.badgeCount, l.lastUpdatedAt]),
        ]),
      );
    return 0;
  },
};

const showCommand: CliCommand = {
  path: ['learners', 'show'],
  usage: SHOW_USAGE,
  summary: 'print one learner\'s whole profile',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, SHOW_USAGE);
    const [rawId] = expectPositionals(positionals, 1, SHOW_USAGE, 'the learner ID');
    const id = validArgument(learnerId, rawId, 'ID', SHOW_USAGE);
    const full = await context.call('getFullLearnerProfileData', { learnerId: id });
    if (values.json) {
      printJson(context.io, full);
      return 0;
    }
    const completed = full.loProgress.filter((p) => p.status === 'completed').length;
    printLines(context.io, [
      `${full.profile.displayName} (${full.profile.id})`,
      `  created ${full.profile.createdAt}, last updated ${full.profile.lastUpdatedAt}`,
      `  interests: ${full.interests.map((i) => i.interestName).join(', ') || 'none yet'}`,
      `  struggle areas: ${full.struggles.map((s) => s.struggleDescription).join(', ') || 'none'}`,
      `  preferences: ${full.preferences.map((p) => `${p.category}=${p.value}`).join(', ') || 'none yet'}`,
      `  diagnostics: ${full.cognitiveMetrics.map((m) => m.taskName).join(', ') || 'none yet'}`,
      `  objectives: ${completed} completed, ${full.loProgress.length - completed} in progress`,
      `  badges: ${full.badges.map((b) => b.badgeName).join(', ') || 'none yet'}`,
      `  attempts: ${full.activityAttempts.length}`,
    ]);
    return 0;
  },
};

const deleteCommand: CliCommand = {
  path: ['learners', 'delete'],
  usage: DELETE_USAGE,
  summary: 'delete a learner and all of their records',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { yes: { type: 'boolean' } }, DELETE_USAGE);
    const [rawId] = expectPositionals(positionals, 1, DELETE_USAGE, 'the learner ID');
    const id = validArgument(learnerId, rawId, 'ID', DELETE_USAGE);
    if (!values.yes) throw new UsageError(`deleting removes every record of the learner; add --yes to confirm. Usage: ${DELETE_USAGE}`);
    await context.call('deleteLearnerProfile', { learnerId: id });
    printLines(context.io, [`Deleted learner ${id} and all of their records.`]);
    return 0;
  },
};

export const learnerCommands: CliCommand[] = [createCommand, listCommand, showCommand, deleteCommand];
