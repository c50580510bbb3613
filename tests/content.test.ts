import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it, expect } from 'vitest';
import { z } from 'zod';
import interestsJson from '../resources/content/interests.json';
import strugglesJson from '../resources/content/struggles.json';
import preferenceTasksJson from '../resources/content/preference-tasks.json';
import diagnosticsJson from '../resources/content/diagnostics.json';
import curriculumJson from '../resources/content/curriculum.json';
import badgesJson from '../resources/content/badges.json';
import { FIXED_ICONS } from '../electron/common/content/icons';
import {
  DIAGNOSTIC_KINDS,
  badgesFileSchema,
  curriculumFileSchema,
  diagnosticsFileSchema,
  interestsFileSchema,
  preferenceTasksFileSchema,
  strugglesFileSchema,
  type BadgeDefinition,
  type DiagnosticTask,
  type GamePiece,
  type Interest,
  type PreferenceTask,
  type StruggleArea,
  type Subject,
} from '../electron/common/content/schemas';

/** Everything the cross-file checks look at; the real content and broken copies both fit it. */
interface Content {
  interests: Interest[];
  struggles: StruggleArea[];
  preferenceTasks: PreferenceTask[];
  diagnostics: DiagnosticTask[];
  subjects: Subject[];
  badges: BadgeDefinition[];
}

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

function duplicates(what: string, ids: string[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate ${what} id: ${id}`);
    seen.add(id);
  }
  return problems;
}

function idProblems(c: Content): string[] {
  const objectives = c.subjects.flatMap((s) => s.objectives);
  const activities = objectives.flatMap((o) => o.activities);
  return [
    ...duplicates('interest', c.interests.map((i) => i.id)),
    ...duplicates('struggle', c.struggles.map((s) => s.id)),
    ...duplicates('subject', c.subjects.map((s) => s.id)),
    ...duplicates('objective', objectives.map((o) => o.id)),
    ...duplicates('activity', activities.map((a) => a.id)),
    ...duplicates('badge', c.badges.map((b) => b.id)),
    ...duplicates('preference category', c.preferenceTasks.map((t) => t.category)),
    ...duplicates('diagnostic taskName', c.diagnostics.map((t) => t.taskName)),
    ...activities.flatMap((a) => (a.type === 'quiz' ? duplicates(`question (in ${a.id})`, a.questions.map((q) => q.id)) : [])),
    ...c.diagnostics.flatMap((t) =>
      t.kind === 'story_sequencing'
        ? t.rounds.flatMap((r, i) => duplicates(`sentence (round ${i + 1})`, r.sentences.map((s) => s.id)))
        : [],
    ),
  ];
}

/** Returns the objective ids of one prerequisite cycle, or null when the graph is acyclic. */
function findPrerequisiteCycle(subs: Subject[]): string[] | null {
  const prereqs = new Map(subs.flatMap((s) => s.objectives.map((o) => [o.id, o.prerequisites] as const)));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const p of prereqs.get(id) ?? []) {
      if (!prereqs.has(p)) continue; // unknown ids are reported by prerequisiteProblems
      const cycle = visit(p);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of prereqs.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

function prerequisiteProblems(subs: Subject[]): string[] {
  const subjectOf = new Map(subs.flatMap((s) => s.objectives.map((o) => [o.id, s.id] as const)));
  const problems: string[] = [];
  for (const s of subs) {
    for (const o of s.objectives) {
      for (const p of o.prerequisites) {
        const pSubject = subjectOf.get(p);
        if (pSubject === undefined) problems.push(`${o.id}: unknown prerequisite ${p}`);
        else if (pSubject !== s.id) problems.push(`${o.id}: prerequisite ${p} is in another subject (${pSubject})`);
        if (p === o.id) problems.push(`${o.id}: is its own prerequisite`);
      }
    }
  }
  const cycle = findPrerequisiteCycle(subs);
  if (cycle) problems.push(`prerequisite cycle: ${cycle.join(' -> ')}`);
  return problems;
}

function referenceProblems(c: Content): string[] {
  const struggleIds = new Set(c.struggles.map((s) => s.id));
  const interestIds = new Set(c.interests.map((i) => i.id));
  const subjectIds = new Set(c.subjects.map((s) => s.id));
  const problems: string[] = [];
  for (const o of c.subjects.flatMap((s) => s.objectives)) {
    for (const tag of o.struggleTags) if (!struggleIds.has(tag)) problems.push(`${o.id}: unknown struggle tag ${tag}`);
    for (const a of o.activities) {
      for (const t of a.themes) if (!interestIds.has(t.interestId)) problems.push(`${a.id}: unknown theme interest ${t.interestId}`);
    }
  }
  for (const b of c.badges) {
    if (b.rule.kind === 'objectives_completed' && b.rule.subjectId !== undefined && !subjectIds.has(b.rule.subjectId)) {
      problems.push(`badge ${b.id}: unknown subject ${b.rule.subjectId}`);
    }
    if (b.rule.kind === 'activity_type_completed' && b.rule.activityType !== 'quiz' && b.rule.activityType !== 'game') {
      problems.push(`badge ${b.id}: unknown activity type ${b.rule.activityType}`);
    }
  }
  return problems;
}

function answerProblems(c: Content): string[] {
  const problems: string[] = [];
  for (const a of c.subjects.flatMap((s) => s.objectives.flatMap((o) => o.activities))) {
    if (a.type !== 'quiz') continue;
    for (const q of a.questions) {
      const correct = q.choices.filter((choice) => choice === q.answer).length;
      if (correct !== 1) problems.push(`${a.id}/${q.id}: ${correct} choices equal the answer`);
      problems.push(...duplicates(`choice (in ${a.id}/${q.id})`, q.choices));
    }
  }
  for (const t of c.diagnostics) {
    if (t.kind === 'pattern_completion') {
      t.rounds.forEach((r, i) => {
        const correct = r.choices.filter((choice) => choice === r.answer).length;
        if (correct !== 1) problems.push(`${t.taskName} round ${i + 1}: ${correct} choices equal the answer`);
        problems.push(...duplicates(`choice (in ${t.taskName} round ${i + 1})`, r.choices));
      });
    }
    if (t.kind === 'memory_span') {
      if (t.maxLength <= t.startLength) problems.push(`${t.taskName}: maxLength must be greater than startLength`);
    }
  }
  return problems;
}

/** The pictures a diagnostic game plays with (pattern pieces, memory symbols). */
function gamePieces(t: DiagnosticTask): GamePiece[] {
  return t.kind === 'pattern_completion' ? t.pieces : t.kind === 'memory_span' ? t.symbols : [];
}

/**
 * A piece's outline: its SVG without colours. Two pieces of one game with the same outline would
 * differ by colour alone, which colour-blind pupils cannot see; nor could anyone on a grey screen.
 */
const COLOUR_ATTRIBUTE = /\s(?:fill|stroke|color|stop-color|opacity|fill-opacity|stroke-opacity)="[^"]*"/g;
const outlineOf = (svg: string): string => svg.replace(COLOUR_ATTRIBUTE, '').replace(/\s+/g, ' ').trim();

/** Within one game: no two pieces share a picture, a name, or an outline; every name says something. */
function pieceProblems(c: Content, svgOf: (icon: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const t of c.diagnostics) {
    const pieces = gamePieces(t);
    problems.push(...duplicates(`piece icon (in ${t.taskName})`, pieces.map((p) => p.icon)));
    problems.push(...duplicates(`piece name (in ${t.taskName})`, pieces.map((p) => p.name.toLowerCase())));
    const byOutline = new Map<string, string>();
    for (const piece of pieces) {
      if (!/^[a-z][a-z ]*$/.test(piece.name)) problems.push(`${t.taskName}: piece name "${piece.name}" is not a few lower-case words`);
      const svg = svgOf(piece.icon);
      if (svg === undefined) continue; // reported by iconProblems
      const outline = outlineOf(svg);
      const same = byOutline.get(outline);
      if (same !== undefined) problems.push(`${t.taskName}: ${same} and ${piece.icon} differ only in colour`);
      else byOutline.set(outline, piece.icon);
    }
  }
  return problems;
}

/** The icon ids there are files for: resources/content/icons/<id>.svg (their insides: icon-files.test.ts). */
const ICON_DIR = path.resolve(__dirname, '../resources/content/icons');
const iconFiles: ReadonlySet<string> = new Set(fs.readdirSync(ICON_DIR).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -'.svg'.length)));

/** Every icon named has a file, and every file is named (the renderer bundles the whole folder). */
function iconProblems(c: Content, files: ReadonlySet<string>): string[] {
  const named: Array<[string, string]> = [
    ...c.interests.map((i): [string, string] => [`interest ${i.id}`, i.icon]),
    ...c.badges.map((b): [string, string] => [`badge ${b.id}`, b.icon]),
    ...c.diagnostics.flatMap((t) => gamePieces(t).map((p): [string, string] => [`${t.taskName} piece ${p.name}`, p.icon])),
    ...FIXED_ICONS.map((icon): [string, string] => ['fixed icon', icon]),
  ];
  const used = new Set(named.map(([, icon]) => icon));
  return [
    ...named.filter(([, icon]) => !files.has(icon)).map(([what, icon]) => `${what}: no icon file ${icon}.svg`),
    ...[...files].filter((f) => !used.has(f)).map((f) => `icon file ${f}.svg is not used`),
  ];
}

const iconSvg = (icon: string): string | undefined => (iconFiles.has(icon) ? fs.readFileSync(path.join(ICON_DIR, `${icon}.svg`), 'utf8') : undefined);

function contentProblems(c: Content): string[] {
  return [...idProblems(c), ...prerequisiteProblems(c.subjects), ...referenceProblems(c), ...answerProblems(c), ...iconProblems(c, iconFiles), ...pieceProblems(c, iconSvg)];
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
