import { beforeAll, describe, it, expect } from 'vitest';
import { z } from 'zod';
import interestsJson from '../resources/content/interests.json';
import strugglesJson from '../resources/content/struggles.json';
import preferenceTasksJson from '../resources/content/preference-tasks.json';
import diagnosticsJson from '../resources/content/diagnostics.json';
import curriculumJson from '../resources/content/curriculum.json';
import badgesJson from '../resources/content/badges.json';
import {
  DIAGNOSTIC_KINDS,
  badgesFileSchema,
  curriculumFileSchema,
  diagnosticsFileSchema,
  interestsFileSchema,
  preferenceTasksFileSchema,
  strugglesFileSchema,
} from '../electron/common/content/schemas';

import { answerProblems, contentProblems, gamePieces, iconFiles, iconProblems, iconSvg, idProblems, pieceProblems, prerequisiteProblems, referenceProblems, type Content } from './support/content-checks';

/**
 * The content as loaded by ./index (which parses it at import). It is imported in a beforeAll so
 * that, should a file not match its schema, the schema tests below still run and print the issues.
 */
let content: Content;
async function loadContent(): Promise<void> {
  const loaded = await import('../electron/common/content/index');
  content = {
    interests: loaded.interests,
    struggles: loaded.struggleAreas,
    preferenceTasks: loaded.preferenceTasks,
    diagnostics: loaded.diagnosticTasks,
    subjects: loaded.subjects,
    badges: loaded.badgeDefinitions,
  };
}


const rawFiles: Array<[string, z.ZodType, unknown]> = [
  ['interests.json', interestsFileSchema, interestsJson],
  ['struggles.json', strugglesFileSchema, strugglesJson],
  ['preference-tasks.json', preferenceTasksFileSchema, preferenceTasksJson],
  ['diagnostics.json', diagnosticsFileSchema, diagnosticsJson],
  ['curriculum.json', curriculumFileSchema, curriculumJson],
  ['badges.json', badgesFileSchema, badgesJson],
];

function parseIssues(schema: z.ZodType, raw: unknown): string | null {
  const result = schema.safeParse(raw);
  return result.success ? null : z.prettifyError(result.error);
}

describe('bundled content: schemas', () => {
  for (const [name, schema, raw] of rawFiles) {
    it(`${name} matches its schema`, () => {
      const issues = parseIssues(schema, raw);
      expect(issues, `${name} does not match its schema:\n${issues}`).toBeNull();
    });
  }

  it('rejects a broken copy (answer not among the choices, extra key)', () => {
    const badAnswer = structuredClone(curriculumJson) as { subjects: Array<{ objectives: Array<{ activities: Array<Record<string, unknown>> }> }> };
    const quiz = badAnswer.subjects[0]!.objectives[0]!.activities.find((a) => a.type === 'quiz') as { questions: Array<{ answer: string }> };
    quiz.questions[0]!.answer = 'not one of the choices';
    expect(parseIssues(curriculumFileSchema, badAnswer)).toMatch(/exactly one of the choices/);

    const extraKey = structuredClone(interestsJson) as { interests: Array<Record<string, unknown>> };
    extraKey.interests[0]!.colour = 'red';
    expect(parseIssues(interestsFileSchema, extraKey)).not.toBeNull();

    // An icon is a file name in one folder: no paths, no extensions, no emoji left behind.
    for (const icon of ['../icons/space', 'space.svg', '🚀', '']) {
      const badIcon = structuredClone(interestsJson) as { interests: Array<Record<string, unknown>> };
      badIcon.interests[0]!.icon = icon;
      expect(parseIssues(interestsFileSchema, badIcon), icon).not.toBeNull();
    }
  });

  it('rejects game pieces that are emoji, unnamed, or not among the task\'s pieces', () => {
    type RawTask = { kind: string; pieces?: Array<Record<string, unknown>>; rounds?: Array<{ sequence: string[] }>; symbols?: unknown[] };
    const broken = (mutate: (pattern: RawTask, memory: RawTask) => void): string | null => {
      const copy = structuredClone(diagnosticsJson) as { tasks: RawTask[] };
      mutate(copy.tasks.find((t) => t.kind === 'pattern_completion')!, copy.tasks.find((t) => t.kind === 'memory_span')!);
      return parseIssues(diagnosticsFileSchema, copy);
    };
    expect(broken(() => undefined)).toBeNull();
    expect(broken((pattern) => (pattern.rounds![0]!.sequence[0] = '🔴'))).toMatch(/neither a number nor the icon of one of the task's pieces/);
    expect(broken((pattern) => (pattern.rounds![0]!.sequence[0] = 'piece_no_such_piece'))).toMatch(/neither a number/);
    expect(broken((pattern) => delete pattern.pieces![0]!.name)).not.toBeNull();
    expect(broken((_pattern, memory) => (memory.symbols![0] = '🍎'))).not.toBeNull();
    expect(broken((_pattern, memory) => (memory.symbols![0] = { icon: '🍎', name: 'apple' }))).not.toBeNull();
  });
});

describe('loaded content', () => {
  beforeAll(loadContent);

  describe('bundled content: counts', () => {
    it('has enough interests, struggles, preference tasks and badges', () => {
      expect(content.interests.length).toBeGreaterThanOrEqual(20);
      expect(content.struggles.length).toBeGreaterThanOrEqual(12);
      expect(content.preferenceTasks.length).toBeGreaterThanOrEqual(4);
      expect(content.badges.length).toBeGreaterThanOrEqual(8);
    });

    it('preference categories follow visual_preference_task_N', () => {
      for (const t of content.preferenceTasks) expect(t.category).toMatch(/^visual_preference_task_\d+$/);
    });

    it('has at least three diagnostics covering every kind', () => {
      expect(content.diagnostics.length).toBeGreaterThanOrEqual(3);
      expect(new Set(content.diagnostics.map((t) => t.kind))).toEqual(new Set(DIAGNOSTIC_KINDS));
    });

    it('has MATH, READ and SCI with at least 8 objectives each', () => {
      expect(content.subjects.map((s) => s.id).sort()).toEqual(['MATH', 'READ', 'SCI']);
      for (const s of content.subjects) expect(s.objectives.length, s.id).toBeGreaterThanOrEqual(8);
    });

    it('gives every objective at least 3 activities, with at least one quiz and one game', () => {
      for (const o of content.subjects.flatMap((s) => s.objectives)) {
        expect(o.activities.length, o.id).toBeGreaterThanOrEqual(3);
        expect(o.activities.some((a) => a.type === 'quiz'), `${o.id} has a quiz`).toBe(true);
        expect(o.activities.some((a) => a.type === 'game'), `${o.id} has a game`).toBe(true);
      }
    });
  });

  describe('bundled content: cross-file consistency', () => {
    it('has unique ids everywhere', () => {
      expect(idProblems(content)).toEqual([]);
    });

    it('has prerequisites that exist, stay in their subject and form no cycle', () => {
      expect(prerequisiteProblems(content.subjects)).toEqual([]);
    });

    it('references only known struggles, interests and subjects', () => {
      expect(referenceProblems(content)).toEqual([]);
    });

    it('has exactly one correct answer per quiz question and pattern round, and a sound memory task', () => {
      expect(answerProblems(content)).toEqual([]);
    });

    it('gives the games pieces that differ in picture, name and outline (not colour alone)', () => {
      expect(content.diagnostics.flatMap(gamePieces).length).toBeGreaterThanOrEqual(12);
      expect(pieceProblems(content, iconSvg)).toEqual([]);
    });

    it('names an icon file that exists for every interest, badge, game piece, preference mode and fixed icon, and ships no unused icon', () => {
      expect(iconFiles.size).toBeGreaterThanOrEqual(content.interests.length + content.badges.length);
      expect(iconProblems(content, iconFiles)).toEqual([]);
    });

    it('has no problems at all', () => {
      expect(contentProblems(content)).toEqual([]);
    });
  });

  describe('the consistency checks catch broken content', () => {
    const broken = (mutate: (c: Content) => void): string[] => {
      const copy = structuredClone(content);
      mutate(copy);
      return contentProblems(copy);
    };
    const objective = (c: Content, subjectId: string, index: number) =>
      c.subjects.find((s) => s.id === subjectId)!.objectives[index]!;

    it('finds a prerequisite cycle', () => {
      const problems = broken((c) => objective(c, 'MATH', 0).prerequisites.push(objective(c, 'MATH', 2).id));
      expect(problems.some((p) => p.startsWith('prerequisite cycle'))).toBe(true);
    });

    it('finds unknown and cross-subject prerequisites', () => {
      const problems = broken((c) => objective(c, 'READ', 1).prerequisites.push('READ_LO_999', 'MATH_LO_001'));
      expect(problems).toContain('READ_LO_002: unknown prerequisite READ_LO_999');
      expect(problems).toContain('READ_LO_002: prerequisite MATH_LO_001 is in another subject (MATH)');
    });

    it('finds duplicate activity ids across subjects', () => {
      const problems = broken((c) => {
        objective(c, 'SCI', 0).activities[0]!.id = objective(c, 'MATH', 0).activities[0]!.id;
      });
      expect(problems.some((p) => p.startsWith('duplicate activity id'))).toBe(true);
    });

    it('finds unknown struggle tags, theme interests and badge subjects', () => {
      const problems = broken((c) => {
        objective(c, 'SCI', 1).struggleTags.push('no_such_struggle');
        objective(c, 'SCI', 1).activities[0]!.themes.push({ interestId: 'no_such_interest', title: 'x', intro: 'y' });
        c.badges.push({ id: 'ghost', name: 'Ghost', description: 'x', icon: 'ghost', rule: { kind: 'objectives_completed', count: 1, subjectId: 'ART' } });
      });
      expect(problems).toContain('SCI_LO_002: unknown struggle tag no_such_struggle');
      expect(problems.some((p) => p.endsWith('unknown theme interest no_such_interest'))).toBe(true);
      expect(problems).toContain('badge ghost: unknown subject ART');
    });

    it('finds an icon without a file and a file without a use', () => {
      const problems = broken((c) => {
        c.interests[0]!.icon = 'no_such_icon';
      });
      expect(problems).toContain(`interest ${content.interests[0]!.id}: no icon file no_such_icon.svg`);
      expect(problems).toContain(`icon file ${content.interests[0]!.icon}.svg is not used`);
    });

    it('finds game pieces told apart by colour alone, repeated names and a piece without a file', () => {
      const circle = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">\n  <circle cx="24" cy="24" r="18" fill="${colour}" stroke="#000"/>\n</svg>`;
      const svgs: Record<string, string> = { piece_red_circle: circle('#e04f5f'), piece_blue_circle: circle('#3b82c4') };
      const copy = structuredClone(content);
      const pattern = copy.diagnostics.find((t) => t.kind === 'pattern_completion')!;
      if (pattern.kind !== 'pattern_completion') throw new Error('unreachable');
      pattern.pieces = [
        { icon: 'piece_red_circle', name: 'red circle' },
        { icon: 'piece_blue_circle', name: 'blue circle' },
        { icon: 'piece_ghost', name: 'Red Circle' },
      ];
      const problems = pieceProblems(copy, (icon) => svgs[icon]);
      expect(problems).toContain('pattern_completion: piece_red_circle and piece_blue_circle differ only in colour');
      expect(problems).toContain('duplicate piece name (in pattern_completion) id: red circle');
      expect(problems).toContain('pattern_completion: piece name "Red Circle" is not a few lower-case words');
      expect(iconProblems(copy, iconFiles)).toContain('pattern_completion piece Red Circle: no icon file piece_ghost.svg');
    });

    it('finds wrong answers, ambiguous patterns and a bad memory task', () => {
      const problems = broken((c) => {
        const quiz = objective(c, 'MATH', 1).activities.find((a) => a.type === 'quiz');
        if (quiz?.type === 'quiz') quiz.questions[0]!.answer = 'nope';
        for (const t of c.diagnostics) {
          if (t.kind === 'pattern_completion') t.rounds[0]!.choices.push(t.rounds[0]!.answer);
          if (t.kind === 'memory_span') t.maxLength = t.startLength;
        }
      });
      expect(problems.some((p) => p.includes('0 choices equal the answer'))).toBe(true);
      expect(problems.some((p) => p.includes('round 1: 2 choices equal the answer'))).toBe(true);
      expect(problems.some((p) => p.includes('maxLength must be greater than startLength'))).toBe(true);
    });
  });
});
