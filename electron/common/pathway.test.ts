import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interests, struggleAreas, subjects } from './content';
import type { LearningObjective } from './content/schemas';
import type { LoStatus } from './dto';
import { buildPathway, catalogIds, orderObjectives, targetDifficulty } from './pathway';
import type { CognitiveMetric, LoProgress } from './profile';

const T = '2026-03-02T09:00:00.000Z';
type Profile = Parameters<typeof buildPathway>[0];
const empty: Profile = { interests: [], struggles: [], cognitiveMetrics: [], loProgress: [] };
const profile = (fields: Partial<Profile>): Profile => ({ ...empty, ...fields });
const interest = (interestName: string) => ({ interestName, timestamp: T });
const struggle = (struggleDescription: string) => ({ struggleDescription, timestamp: T });
const metric = (accuracy: unknown): CognitiveMetric => ({ taskName: `task_${String(accuracy)}`, metricDetails: { accuracy } as CognitiveMetric['metricDetails'], timestamp: T });
const progress = (loId: string, status: LoStatus, score: number | null = null): LoProgress => ({
  loId,
  status,
  startedAt: T,
  completedAt: status === 'completed' ? T : null,
  score,
  details: null,
});
const lo = (id: string, prerequisites: string[] = [], struggleTags: string[] = []): LearningObjective => ({
  id,
  title: id,
  description: id,
  prerequisites,
  struggleTags,
  masteryThreshold: 0.8,
  activities: [],
});
const ids = (os: readonly { id: string }[]) => os.map((o) => o.id);
const math = () => subjects.find((s) => s.id === 'MATH')!;
const mathIds = (p: Profile) => buildPathway(p).subjects.find((s) => s.subject.id === 'MATH')!.objectives.map((o) => o.objective.id);

describe('catalogIds', () => {
  it('maps stored labels (any case and spacing) and ids back to catalogue ids, ignoring own words', () => {
    expect(catalogIds(interests, ['  space ', 'FOOTBALL', 'dinosaurs', 'my own hobby'])).toEqual(
      interests.filter((i) => ['space', 'football', 'dinosaurs'].includes(i.id)).map((i) => i.id),
    );
    expect(catalogIds(struggleAreas, ['Fractions'])).toEqual(['fractions']);
    expect(catalogIds(struggleAreas, [])).toEqual([]);
  });
});

describe('targetDifficulty', () => {
  it.each([
    [[], 2],
    [[0.2, 0.6], 1],
    [[0.5], 2],
    [[0.79], 2],
    [[0.8], 3],
    [[1, 0.9], 3],
  ] as Array<[number[], number]>)('accuracies %j → level %i', (accuracies, level) => {
    expect(targetDifficulty(accuracies.map(metric))).toBe(level);
  });

  it('ignores metrics without a numeric accuracy', () => {
    expect(targetDifficulty([metric('high'), metric(null)])).toBe(2);
    expect(targetDifficulty([metric('high'), metric(0.1)])).toBe(1);
  });
});

describe('orderObjectives', () => {
  it('keeps the curriculum order when no struggle applies', () => {
    expect(ids(orderObjectives([lo('A'), lo('B', ['A']), lo('C', ['A']), lo('D', ['B', 'C'])], new Set()))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('puts a struggle-tagged objective before its untagged sibling, but never before its prerequisites', () => {
    const los = [lo('A'), lo('B', ['A']), lo('C', ['A'], ['money']), lo('D', [], ['money'])];
    expect(ids(orderObjectives(los, new Set(['money'])))).toEqual(['D', 'A', 'C', 'B']);
    expect(ids(orderObjectives(los, new Set(['spelling'])))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('counts a repeated prerequisite once and keeps objectives caught in a cycle', () => {
    expect(ids(orderObjectives([lo('A'), lo('B', ['A', 'A'])], new Set()))).toEqual(['A', 'B']);
    expect(ids(orderObjectives([lo('A', ['B']), lo('B', ['A']), lo('C')], new Set()))).toEqual(['C', 'A', 'B']);
    expect(ids(orderObjectives([lo('A', ['OTHER_LO_001']), lo('B', ['A'])], new Set()))).toEqual(['A', 'B']);
  });

  it('always returns every objective exactly once, after all of its prerequisites (real curriculum, any struggles)', () => {
    const tags = [...new Set(subjects.flatMap((s) => s.objectives.flatMap((o) => o.struggleTags)))];
    fc.assert(
      fc.property(fc.subarray(tags), (chosen) => {
        for (const subject of subjects) {
          const ordered = orderObjectives(subject.objectives, new Set(chosen));
          expect(ids(ordered).sort()).toEqual(ids(subject.objectives).sort());
          const at = new Map(ordered.map((o, i) => [o.id, i]));
          for (const o of ordered) for (const p of o.prerequisites) expect(at.get(p)!).toBeLessThan(at.get(o.id)!);
        }
      }),
    );
  });
});

describe('buildPathway (real content)', () => {
  it('lists every subject in curriculum order with all its objectives', () => {
    const pathway = buildPathway(empty);
    expect(pathway.subjects.map((s) => s.subject.id)).toEqual(subjects.map((s) => s.id));
    pathway.subjects.forEach((s, i) => expect(s.objectives).toHaveLength(subjects[i]!.objectives.length));
    expect(pathway.targetDifficulty).toBe(2);
  });

  it('moves Money before Times tables for a learner who struggles with money, and not otherwise', () => {
    const plain = mathIds(empty);
    expect(plain.indexOf('MATH_LO_003')).toBeLessThan(plain.indexOf('MATH_LO_005'));
    const money = mathIds(profile({ struggles: [struggle('Money')] }));
    expect(money.indexOf('MATH_LO_005')).toBeLessThan(money.indexOf('MATH_LO_003'));
    expect(money.indexOf('MATH_LO_002')).toBeLessThan(money.indexOf('MATH_LO_005'));
  });

  it('derives states: completed, in progress, available, and locked with what it waits for', () => {
    const p = buildPathway(profile({ loProgress: [progress('MATH_LO_001', 'completed', 0.9), progress('MATH_LO_002', 'in_progress', 0.5)] }));
    const byId = new Map(p.subjects.flatMap((s) => s.objectives).map((o) => [o.objective.id, o]));
    expect(byId.get('MATH_LO_001')).toMatchObject({ state: 'completed', bestScore: 0.9, waitingFor: [] });
    expect(byId.get('MATH_LO_002')).toMatchObject({ state: 'in_progress', bestScore: 0.5 });
    expect(byId.get('MATH_LO_006')).toMatchObject({ state: 'available', bestScore: null });
    expect(byId.get('MATH_LO_003')).toMatchObject({ state: 'locked', waitingFor: ['Adding and subtracting'] });
    expect(byId.get('MATH_LO_008')).toMatchObject({ state: 'locked', waitingFor: ['Fractions', 'Money'] });
    expect(byId.get('READ_LO_001')?.state).toBe('available');
    // A "not_started" row does not make an objective in progress.
    const notStarted = buildPathway(profile({ loProgress: [progress('MATH_LO_001', 'not_started')] }));
    expect(notStarted.subjects[0]!.objectives[0]).toMatchObject({ state: 'available' });
  });

  it('chooses a themed variant from the learner’s interests, and none without a matching interest', () => {
    const find = (p: Profile) => buildPathway(p).subjects[0]!.objectives.find((o) => o.objective.id === 'MATH_LO_001')!;
    const themed = find(profile({ interests: [interest('Football')] })).activities.find((a) => a.activity.id === 'math_001_quiz_a')!;
    expect(themed.theme).toMatchObject({ interestId: 'football', title: 'Stadium numbers' });
    expect(find(empty).activities.every((a) => a.theme === null)).toBe(true);
    expect(find(profile({ interests: [interest('Ballet with my cat')] })).activities.every((a) => a.theme === null)).toBe(true);
  });

  it('sorts activities by closeness to the target difficulty, keeping content order among equals', () => {
    const activitiesOf = (p: Profile, loId: string) =>
      buildPathway(p).subjects.flatMap((s) => s.objectives).find((o) => o.objective.id === loId)!.activities.map((a) => a.activity.id);
    // MATH_LO_005: quiz_a level 1, quiz_b level 2, game level 2.
    expect(activitiesOf(profile({ cognitiveMetrics: [metric(0.1)] }), 'MATH_LO_005')).toEqual(['math_005_quiz_a', 'math_005_quiz_b', 'math_005_game']);
    expect(activitiesOf(profile({ cognitiveMetrics: [metric(0.6)] }), 'MATH_LO_005')).toEqual(['math_005_quiz_b', 'math_005_game', 'math_005_quiz_a']);
  });

  it('names the struggles an objective helps with, and suggests those first', () => {
    const p = buildPathway(profile({ struggles: [struggle('Spelling')], loProgress: [progress('MATH_LO_001', 'in_progress', 0.3)] }));
    const read1 = p.subjects[1]!.objectives.find((o) => o.objective.id === 'READ_LO_001')!;
    expect(read1.addressesStruggles).toEqual(['Spelling']);
    expect(p.suggestions[0]?.objective.id).toBe('READ_LO_001');
    expect(p.suggestions[1]?.objective.id).toBe('MATH_LO_001'); // started ones before fresh ones
    expect(p.suggestions.every((s) => s.state === 'available' || s.state === 'in_progress')).toBe(true);
  });

  it('suggests nothing once everything is completed', () => {
    const all = subjects.flatMap((s) => s.objectives.map((o) => progress(o.id, 'completed', 1)));
    const p = buildPathway(profile({ loProgress: all }));
    expect(p.suggestions).toEqual([]);
    expect(p.subjects.every((s) => s.objectives.every((o) => o.state === 'completed'))).toBe(true);
  });

  it('uses the given subjects and stays pure', () => {
    const only = [math()];
    const input = profile({ struggles: [struggle('Money')] });
    const frozen = JSON.stringify(input);
    expect(buildPathway(input, only).subjects.map((s) => s.subject.id)).toEqual(['MATH']);
    expect(JSON.stringify(input)).toBe(frozen);
  });
});
