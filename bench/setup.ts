import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LearnerTransfer } from '../database/transfer/profile-file';
import { makeLearner, makeLearners, rawBulkInsert, rawInsertPlan } from './data';
import { checkpoint, copyDataDir, createDataDir, openRaw } from './db';
import type { BenchSizes } from './sizes';

/**
 * The data every benchmark starts from, written once with raw inserts (fast, and the same rows
 * the raw baselines insert):
 *   classroomDir  a few ordinary learners: the target of the profile import
 *   profileDir    the classroom plus the heavy learner (saves, full profile load, export)
 *   schoolDir     the school (backup, restore, learner picker)
 *   emptyDir      a migrated empty database (restore target)
 */
export interface BenchEnv {
  root: string;
  sizes: BenchSizes;
  heavy: LearnerTransfer;
  classroom: LearnerTransfer[];
  school: LearnerTransfer[];
  classroomDir: string;
  profileDir: string;
  schoolDir: string;
  emptyDir: string;
  /** A fresh copy of a template folder, under a new name. */
  copy(template: string, name: string): string;
  dispose(): void;
}

function insertInto(dataDir: string, transfers: readonly LearnerTransfer[]): void {
  const sqlite = openRaw(dataDir);
  try {
    rawBulkInsert(sqlite, rawInsertPlan(transfers));
  } finally {
    sqlite.close();
  }
  checkpoint(dataDir);
}

export async function prepareBench(sizes: BenchSizes, root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-bench-'))): Promise<BenchEnv> {
  const learnerShape = { attempts: sizes.attemptsPerLearner, objectives: sizes.objectivesPerLearner };
  const classroom = makeLearners(sizes.classroomLearners, learnerShape, 2);
  const heavy = makeLearner(0, { attempts: sizes.heavyAttempts, objectives: sizes.heavyObjectives }, 1);
  const school = makeLearners(sizes.learners, learnerShape, 3);

  const emptyDir = await createDataDir(root, 'empty');
  checkpoint(emptyDir);
  const classroomDir = await createDataDir(root, 'classroom');
  insertInto(classroomDir, classroom);
  const profileDir = copyDataDir(classroomDir, root, 'profile');
  insertInto(profileDir, [heavy]);
  const schoolDir = await createDataDir(root, 'school');
  insertInto(schoolDir, school);

  let copies = 0;
  return {
    root,
    sizes,
    heavy,
    classroom,
    school,
    classroomDir,
    profileDir,
    schoolDir,
    emptyDir,
    copy: (template, name) => copyDataDir(template, root, `${name}-${++copies}`),
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
