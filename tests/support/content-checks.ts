import fs from 'node:fs';
import path from 'node:path';
import { FIXED_ICONS } from '../../electron/common/content/icons';
import {
  type BadgeDefinition,
  type DiagnosticTask,
  type GamePiece,
  type Interest,
  type PreferenceTask,
  type StruggleArea,
  type Subject,
} from '../../electron/common/content/schemas';

/**
 * The cross-file checks of the bundled content (ids, prerequisites, references, answers, icons,
 * game pieces): each returns its problems as sentences, so a test prints all of them at once.
 */

/** Everything the cross-file checks look at; the real content and broken copies both fit it. */
export interface Content {
  interests: Interest[];
  struggles: StruggleArea[];
  preferenceTasks: PreferenceTask[];
  diagnostics: DiagnosticTask[];
  subjects: Subject[];
  badges: BadgeDefinition[];
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

export function idProblems(c: Content): string[] {
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

export function prerequisiteProblems(subs: Subject[]): string[] {
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

export function referenceProblems(c: Content): string[] {
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

export function answerProblems(c: Content): string[] {
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
export function gamePieces(t: DiagnosticTask): GamePiece[] {
  return t.kind === 'pattern_completion' ? t.pieces : t.kind === 'memory_span' ? t.symbols : [];
}

/**
 * A piece's outline: its SVG without colours. Two pieces of one game with the same outline would
 * differ by colour alone, which colour-blind pupils cannot see; nor could anyone on a grey screen.
 */
const COLOUR_ATTRIBUTE = /\s(?:fill|stroke|color|stop-color|opacity|fill-opacity|stroke-opacity)="[^"]*"/g;
const outlineOf = (svg: string): string => svg.replace(COLOUR_ATTRIBUTE, '').replace(/\s+/g, ' ').trim();

/** Within one game: no two pieces share a picture, a name, or an outline; every name says something. */
export function pieceProblems(c: Content, svgOf: (icon: string) => string | undefined): string[] {
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
const ICON_DIR = path.resolve(__dirname, '../../resources/content/icons');
export const iconFiles: ReadonlySet<string> = new Set(fs.readdirSync(ICON_DIR).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -'.svg'.length)));

/** Every icon named has a file, and every file is named (the renderer bundles the whole folder). */
export function iconProblems(c: Content, files: ReadonlySet<string>): string[] {
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

export const iconSvg = (icon: string): string | undefined => (iconFiles.has(icon) ? fs.readFileSync(path.join(ICON_DIR, `${icon}.svg`), 'utf8') : undefined);

export function contentProblems(c: Content): string[] {
  return [...idProblems(c), ...prerequisiteProblems(c.subjects), ...referenceProblems(c), ...answerProblems(c), ...iconProblems(c, iconFiles), ...pieceProblems(c, iconSvg)];
}
