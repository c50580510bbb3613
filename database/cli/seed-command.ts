import { seedDemoData } from '../maintenance/demo-data';
import { expectPositionals, parseCommandArguments, UsageError, validArgument, wholeNumber } from './arguments';
import type { CliCommand } from './command';
import { printLines } from './output';

const SEED_USAGE = 'dala seed --learners N [--attempts M] [--seed S]';

export const seedCommand: CliCommand = {
  path: ['seed'],
  usage: SEED_USAGE,
  summary: 'write deterministic demo learners (for trying the app and for benchmarks)',
  async run(args, context) {
    const { values, positionals } = parseCommandArguments(
      args,
      { learners: { type: 'string' }, attempts: { type: 'string' }, seed: { type: 'string' } },
      SEED_USAGE,
    );
    expectPositionals(positionals, 0, SEED_USAGE, '');
    if (values.learners === undefined) throw new UsageError(`missing --learners. Usage: ${SEED_USAGE}`);
    const learners = validArgument(wholeNumber(1, 100_000), values.learners, '--learners', SEED_USAGE);
    const attemptsPerLearner = values.attempts === undefined ? 20 : validArgument(wholeNumber(0, 100_000), values.attempts, '--attempts', SEED_USAGE);
    const seed = values.seed === undefined ? 1 : validArgument(wholeNumber(0, 2 ** 31 - 1), values.seed, '--seed', SEED_USAGE);
    const database = await context.open();
    let lastReport = Date.now();
    const result = seedDemoData(database, {
      learners,
      attemptsPerLearner,
      seed,
      onProgress: (done, total) => {
        // Progress on stderr keeps stdout clean for scripts; at most twice a second.
        if (Date.now() - lastReport > 500 || done === total) {
          context.io.stderr.write(`\rseeding: ${done}/${total} learners`);
          if (done === total) context.io.stderr.write('\n');
          lastReport = Date.now();
        }
      },
    });
    printLines(context.io, [`Created ${result.learnersCreated} learner(s) with ${result.attemptsRecorded} attempt(s) (seed ${seed}).`]);
    return 0;
  },
};
