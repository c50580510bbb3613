import { learnerSecret, PICTURE_PASSWORD_LENGTH, SIGN_IN_PICTURES, type LearnerSecret } from '../../electron/common/accounts';
import { learnerId } from '../../electron/common/dto';
import { expectPositionals, parseCommandArguments, refuseSecretsOnArgv, UsageError, validArgument } from './arguments';
import type { CliCommand } from './command';
import { printLines } from './output';
import { readSecretLine } from './secret-input';

const SET_SECRET_USAGE = 'dala learners set-secret ID --pin-stdin | --picture a,b,c | --none';
const PICTURE_LIST = SIGN_IN_PICTURES.map((p) => `${p.id} (${p.name})`).join(', ');

/** Which secret was asked for; exactly one of the three flags, checked before anything is opened. */
async function secretFromArguments(values: { 'pin-stdin'?: boolean; picture?: string; none?: boolean }, io: Parameters<typeof readSecretLine>[0]): Promise<LearnerSecret | 'none'> {
  const chosen = [values['pin-stdin'] === true, values.picture !== undefined, values.none === true].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError(`choose exactly one of --pin-stdin, --picture or --none. Usage: ${SET_SECRET_USAGE}`);
  if (values.none) return 'none';
  if (values.picture !== undefined) {
    const pictures = values.picture.split(',').map((p) => p.trim());
    const result = learnerSecret.safeParse({ kind: 'picture', pictures });
    if (!result.success)
      throw new UsageError(`--picture must be ${PICTURE_PASSWORD_LENGTH} different pictures, in the order the learner picks them, from: ${PICTURE_LIST}; e.g. --picture space,robots,trains. Usage: ${SET_SECRET_USAGE}`);
    return result.data;
  }
  const pin = await readSecretLine(io, 'PIN', '--pin-stdin', SET_SECRET_USAGE);
  // Only the rule is named, never what was typed.
  return validArgument(learnerSecret, { kind: 'pin', pin }, 'the PIN from --pin-stdin', SET_SECRET_USAGE);
}

export const setSecretCommand: CliCommand = {
  path: ['learners', 'set-secret'],
  usage: SET_SECRET_USAGE,
  summary: 'set a learner\'s PIN (read from stdin) or picture password, or --none to forget it',
  async run(args, context) {
    refuseSecretsOnArgv(args, ['--pin'], SET_SECRET_USAGE);
    const { values, positionals } = parseCommandArguments(args, { 'pin-stdin': { type: 'boolean' }, picture: { type: 'string' }, none: { type: 'boolean' } }, SET_SECRET_USAGE);
    const [rawId] = expectPositionals(positionals, 1, SET_SECRET_USAGE, 'the learner ID');
    const id = validArgument(learnerId, rawId, 'ID', SET_SECRET_USAGE);
    const secret = await secretFromArguments(values, context.io);
    if (secret === 'none') {
      await context.call('resetLearnerSecret', { learnerId: id });
      printLines(context.io, [`Forgot the PIN or pictures of learner ${id}: they choose new ones the next time they sign in (if their class asks for one).`]);
      return 0;
    }
    await context.call('setLearnerSecret', { learnerId: id, secret });
    printLines(context.io, [secret.kind === 'pin' ? `Learner ${id} now signs in with the new PIN.` : `Learner ${id} now signs in with the pictures ${secret.pictures.join(', ')}.`]);
    return 0;
  },
};
