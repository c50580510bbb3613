import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SIGN_IN_METHODS } from '../../electron/common/accounts';
import { classId, className, type ClassReportView } from '../../electron/common/classes';
import { learnerId } from '../../electron/common/dto';
import { DalaError } from '../../electron/common/errors';
import { writeFileAtomically } from '../transfer/file-io';
import { expectPositionals, parseCommandArguments, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

const CREATE_USAGE = `dala classes create --name NAME [--sign-in ${SIGN_IN_METHODS.join('|')}] [--json]`;
const LIST_USAGE = 'dala classes list [--json]';
const ADD_USAGE = 'dala classes add CLASS_ID LEARNER_ID...';
const REMOVE_USAGE = 'dala classes remove CLASS_ID LEARNER_ID';
const REPORT_USAGE = 'dala classes report CLASS_ID [--csv FILE] [--json]';

/** The contract's sign-in methods, with a message that names them in words. */
const signInArgument = z.enum(SIGN_IN_METHODS, { error: `must be one of ${SIGN_IN_METHODS.join(', ')}` });

const createCommand: CliCommand = {
  path: ['classes', 'create'],
  usage: CREATE_USAGE,
  summary: 'create a class and print its id (sign-in: none by default, or pin, picture)',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { name: { type: 'string' }, 'sign-in': { type: 'string' }, json: { type: 'boolean' } }, CREATE_USAGE);
    expectPositionals(positionals, 0, CREATE_USAGE, '');
    if (values.name === undefined) throw new UsageError(`missing --name. Usage: ${CREATE_USAGE}`);
    const name = validArgument(className, values.name, '--name', CREATE_USAGE);
    const method = values['sign-in'] === undefined ? 'none' : validArgument(signInArgument, values['sign-in'], '--sign-in', CREATE_USAGE);
    const created = await context.call('createClass', { name, signInMethod: method });
    if (values.json) printJson(context.io, created);
    else printLines(context.io, [created.id]);
    return 0;
  },
};

const listCommand: CliCommand = {
  path: ['classes', 'list'],
  usage: LIST_USAGE,
  summary: 'list the classes with their sign-in, learners and coaches (archived ones too)',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, LIST_USAGE);
    expectPositionals(positionals, 0, LIST_USAGE, '');
    const classes = await context.call('listClasses', {});
    const details = [];
    for (const c of classes) details.push(await context.call('getClassDetails', { classId: c.id }));
    if (values.json) {
      printJson(context.io, details);
      return 0;
    }
    if (details.length === 0) {
      printLines(context.io, ['No classes yet. Create one with: dala classes create --name NAME']);
      return 0;
    }
    const usernames = new Map((await context.call('listEducators', {})).map((e) => [e.id, e.username]));
    printLines(
      context.io,
      formatTable([
        ['ID', 'NAME', 'SIGN-IN', 'LEARNERS', 'ARCHIVED', 'COACHES'],
        ...details.map((c) => [c.id, c.name, c.signInMethod, c.learnerIds.length, c.archived ? 'yes' : 'no', c.coachIds.map((id) => usernames.get(id) ?? id).join(', ') || '-']),
      ]),
    );
    return 0;
  },
};

const addCommand: CliCommand = {
  path: ['classes', 'add'],
  usage: ADD_USAGE,
  summary: 'add learners to a class (learners already in it stay as they are)',
  async run(args, context) {
    const { positionals } = parseCommandArguments(args, {}, ADD_USAGE);
    if (positionals.length < 2) throw new UsageError(`missing ${positionals.length === 0 ? 'the CLASS_ID and ' : ''}at least one LEARNER_ID. Usage: ${ADD_USAGE}`);
    const [rawClass, ...rawLearners] = positionals;
    const klass = validArgument(classId, rawClass, 'CLASS_ID', ADD_USAGE);
    const learners = rawLearners.map((id) => validArgument(learnerId, id, 'LEARNER_ID', ADD_USAGE));
    if (learners.length > 1000) throw new UsageError(`at most 1000 learners at a time. Usage: ${ADD_USAGE}`);
    const detail = await context.call('addClassMembers', { classId: klass, learnerIds: learners });
    printLines(context.io, [`Added ${new Set(learners).size} learner(s) to ${detail.name} (${detail.id}); it now has ${detail.learnerIds.length}.`]);
    return 0;
  },
};

const removeCommand: CliCommand = {
  path: ['classes', 'remove'],
  usage: REMOVE_USAGE,
  summary: 'take a learner out of a class (their profile and records stay)',
  async run(args, context) {
    const { positionals } = parseCommandArguments(args, {}, REMOVE_USAGE);
    const [rawClass, rawLearner] = expectPositionals(positionals, 2, REMOVE_USAGE, 'the CLASS_ID and the LEARNER_ID');
    const klass = validArgument(classId, rawClass, 'CLASS_ID', REMOVE_USAGE);
    const learner = validArgument(learnerId, rawLearner, 'LEARNER_ID', REMOVE_USAGE);
    const detail = await context.call('removeClassMember', { classId: klass, learnerId: learner });
    printLines(context.io, [`Removed learner ${learner} from ${detail.name} (${detail.id}); it now has ${detail.learnerIds.length}.`]);
    return 0;
  },
};

/** Learner, assessment finished, objectives completed / in progress, badges: what a teacher scans for. */
function reportTable(report: ClassReportView): string[] {
  const heading = `${report.className} (${report.classId}): ${report.learners.length} learner(s), ${report.objectives.length} objective(s), as of ${report.generatedAt}`;
  if (report.learners.length === 0) return [heading, `No learners in this class yet. Add some with: dala classes add ${report.classId} LEARNER_ID...`];
  const count = (objectives: ClassReportView['learners'][number]['objectives'], status: string) => Object.values(objectives).filter((o) => o.status === status).length;
  return [
    heading,
    ...formatTable([
      ['LEARNER', 'ASSESSMENT FINISHED', 'OBJECTIVES COMPLETED', 'IN PROGRESS', 'BADGES'],
      ...report.learners.map((l) => [l.displayName, l.assessment.finished ? 'yes' : 'no', count(l.objectives, 'completed'), count(l.objectives, 'in_progress'), l.badges.length]),
    ]),
  ];
}

const reportCommand: CliCommand = {
  path: ['classes', 'report'],
  usage: REPORT_USAGE,
  summary: 'the class report: a table, --json, or --csv FILE for spreadsheet programs',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(args, { csv: { type: 'string' }, json: { type: 'boolean' } }, REPORT_USAGE);
    const [rawClass] = expectPositionals(positionals, 1, REPORT_USAGE, 'the CLASS_ID');
    const klass = validArgument(classId, rawClass, 'CLASS_ID', REPORT_USAGE);
    if (values.csv === '') throw new UsageError(`--csv needs a file name, e.g. --csv report.csv. Usage: ${REPORT_USAGE}`);
    if (values.csv !== undefined) {
      // Checked before the call, so that a mistyped folder does not leave an "exported" line in the audit log.
      const folder = path.dirname(path.resolve(values.csv));
      if (!fs.existsSync(folder)) throw new DalaError('not_found', `Cannot write ${values.csv}: the folder ${folder} does not exist.`, 'csv');
      const { content } = await context.call('exportClassReportCsv', { classId: klass });
      writeFileAtomically(values.csv, content);
      if (!values.json) printLines(context.io, [`Wrote the report of class ${klass} to ${values.csv}.`]);
    }
    if (values.json) printJson(context.io, await context.call('getClassReport', { classId: klass }));
    else if (values.csv === undefined) printLines(context.io, reportTable(await context.call('getClassReport', { classId: klass })));
    return 0;
  },
};

export const classCommands: CliCommand[] = [createCommand, listCommand, addCommand, removeCommand, reportCommand];
