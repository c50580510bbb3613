/**
 * How big each benchmark is. `full` is what the budgets are about. `quick` is a fast run, scaled
 * down only as far as the throughput ratios stay meaningful: below a few tens of thousands of rows
 * a job's fixed costs (a fresh worker's code warming up, a snapshot, fsyncs) outweigh the rows.
 * `tiny` only proves the code runs (tests/bench-smoke.test.ts).
 */
export interface BenchSizes {
  label: 'full' | 'quick' | 'tiny';
  /** The school of the backup/restore benchmark and of the learner picker. */
  learners: number;
  attemptsPerLearner: number;
  objectivesPerLearner: number;
  /** The learner whose full profile is loaded, exported and imported. */
  heavyAttempts: number;
  heavyObjectives: number;
  /** Other learners in the database the profile benchmarks use (and the import target). */
  classroomLearners: number;
  /** Saves timed per side, in rounds that alternate ours and raw. */
  savesPerRound: number;
  saveRounds: number;
  loadRepetitions: number;
  transferRepetitions: number;
  backupRepetitions: number;
  pickerRepetitions: number;
  /** Streamed files: a backup of this many learners (× attemptsPerLearner) and of ten times as many. */
  streamLearners: number;
  /** Streamed files: a profile file of one learner with this many attempts. */
  streamProfileAttempts: number;
  /** School hub: learners (× attemptsPerLearner) pushed by one machine and pulled by another. */
  syncLearners: number;
  /** School hub: push, raw and pull repetitions (each in a school of its own). */
  syncRepetitions: number;
  /** School hub: machines syncing a shared learner while changes reach them (20 in the budget). */
  syncMachines: number;
  /** School hub: changes made on random machines during that run. */
  syncLatencyChanges: number;
}

export const SIZES: Record<BenchSizes['label'], BenchSizes> = {
  full: {
    label: 'full',
    learners: 1_000,
    attemptsPerLearner: 100,
    objectivesPerLearner: 10,
    heavyAttempts: 5_000,
    heavyObjectives: 50,
    classroomLearners: 30,
    savesPerRound: 50,
    saveRounds: 6,
    loadRepetitions: 21,
    transferRepetitions: 9,
    backupRepetitions: 5,
    pickerRepetitions: 5,
    streamLearners: 1_000,
    streamProfileAttempts: 50_000,
    syncLearners: 300,
    syncRepetitions: 5,
    syncMachines: 20,
    syncLatencyChanges: 12,
  },
  quick: {
    label: 'quick',
    learners: 300,
    attemptsPerLearner: 100,
    objectivesPerLearner: 10,
    heavyAttempts: 2_000,
    heavyObjectives: 50,
    classroomLearners: 10,
    savesPerRound: 20,
    saveRounds: 3,
    loadRepetitions: 11,
    transferRepetitions: 5,
    backupRepetitions: 3,
    pickerRepetitions: 3,
    streamLearners: 300,
    streamProfileAttempts: 10_000,
    syncLearners: 100,
    syncRepetitions: 3,
    syncMachines: 20,
    syncLatencyChanges: 8,
  },
  tiny: {
    label: 'tiny',
    learners: 4,
    attemptsPerLearner: 10,
    objectivesPerLearner: 3,
    heavyAttempts: 40,
    heavyObjectives: 5,
    classroomLearners: 2,
    savesPerRound: 3,
    saveRounds: 1,
    loadRepetitions: 1,
    transferRepetitions: 1,
    backupRepetitions: 1,
    pickerRepetitions: 1,
    streamLearners: 4,
    streamProfileAttempts: 200,
    syncLearners: 3,
    syncRepetitions: 1,
    syncMachines: 4,
    syncLatencyChanges: 2,
  },
};
