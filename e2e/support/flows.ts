import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dala, projectRoot } from './app-host';
import type { PageInput, PageNode } from './in-page';

/**
 * Flows a learner goes through, written once for every spec: they use the names and roles a
 * screen reader would (never CSS classes where a role or label exists), and the bundled content
 * files for the right answers, exactly as the app ships them.
 */

// ---- content, read from the files the app bundles ---------------------------------------------

const readContent = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(projectRoot, 'resources', 'content', file), 'utf8')) as T;

interface PreferenceTask {
  category: string;
  prompt: string;
  options: Array<{ mode: string; label: string }>;
}
interface StoryTask {
  kind: 'story_sequencing';
  taskName: string;
  title: string;
  rounds: Array<{ sentences: Array<{ id: string; text: string }> }>;
}
/** A game piece: a bundled picture and the name a screen reader says for it. */
interface GamePiece {
  icon: string;
  name: string;
}
interface PatternTask {
  kind: 'pattern_completion';
  taskName: string;
  title: string;
  /** An item of a round is one of these pieces' icons, or a number. */
  pieces: GamePiece[];
  rounds: Array<{ sequence: string[]; choices: string[]; answer: string }>;
}
interface MemoryTask {
  kind: 'memory_span';
  taskName: string;
  title: string;
  symbols: GamePiece[];
  startLength: number;
  maxLength: number;
}
type DiagnosticTask = StoryTask | PatternTask | MemoryTask;
interface QuizQuestion {
  id: string;
  prompt: string;
  choices: string[];
  answer: string;
}
interface Curriculum {
  subjects: Array<{
    id: string;
    title: string;
    objectives: Array<{
      id: string;
      title: string;
      activities: Array<{ type: 'quiz' | 'game'; id: string; title: string; questions?: QuizQuestion[] }>;
    }>;
  }>;
}

export const content = {
  interests: readContent<{ interests: Array<{ id: string; label: string }> }>('interests.json').interests,
  struggles: readContent<{ struggles: Array<{ id: string; label: string }> }>('struggles.json').struggles,
  preferenceTasks: readContent<{ tasks: PreferenceTask[] }>('preference-tasks.json').tasks,
  diagnostics: readContent<{ tasks: DiagnosticTask[] }>('diagnostics.json').tasks,
  curriculum: readContent<Curriculum>('curriculum.json'),
  badges: readContent<{ badges: Array<{ id: string; name: string }> }>('badges.json').badges,
};

function diagnostic<K extends DiagnosticTask['kind']>(kind: K): Extract<DiagnosticTask, { kind: K }> {
  const task = content.diagnostics.find((t) => t.kind === kind);
  if (!task) throw new Error(`no ${kind} task in diagnostics.json`);
  return task as Extract<DiagnosticTask, { kind: K }>;
}
export const storyTask = diagnostic('story_sequencing');
export const patternTask = diagnostic('pattern_completion');
export const memoryTask = diagnostic('memory_span');

/** A pattern item as it is named on screen: its piece's name ("red circle"), or the number itself. */
export const patternItemName = (item: string): string => patternTask.pieces.find((p) => p.icon === item)?.name ?? item;
/** The game's message for a right pick: "Yes! The dog comes next." or "Yes! 10 comes next." */
export const patternRightMessage = (item: string): string =>
  `Yes! ${patternTask.pieces.some((p) => p.icon === item) ? `The ${patternItemName(item)}` : item} comes next.`;

/** The right answer to a quiz question on screen, from the curriculum's answer keys. */
export function quizAnswer(prompt: string, choices: readonly string[]): string {
  const answers = new Set<string>();
  for (const subject of content.curriculum.subjects)
    for (const objective of subject.objectives)
      for (const activity of objective.activities)
        for (const q of activity.questions ?? []) if (q.prompt === prompt && choices.includes(q.answer)) answers.add(q.answer);
  if (answers.size !== 1) throw new Error(`no single answer key for “${prompt}” with choices ${choices.join(', ')}: ${[...answers].join(', ')}`);
  return [...answers][0] as string;
}

export function badgeName(id: string): string {
  const badge = content.badges.find((b) => b.id === id);
  if (!badge) throw new Error(`no badge ${id} in badges.json`);
  return badge.name;
}

// ---- the CLI's view of a learner ---------------------------------------------------------------

export interface ShownLearner {
  profile: { id: string; displayName: string };
  preferences: Array<{ category: string; value: string }>;
  interests: Array<{ interestName: string }>;
  struggles: Array<{ struggleDescription: string }>;
  cognitiveMetrics: Array<{ taskName: string; metricDetails: Record<string, unknown> }>;
  loProgress: Array<{ loId: string; status: string; score: number | null }>;
  badges: Array<{ badgeId: string; badgeName: string }>;
  activityAttempts: Array<{ loId: string; activityId: string; activityType: string; score: number | null; completed: boolean; attemptDetails: Record<string, unknown> }>;
}

export function learnerIdByName(dataDir: string, name: string): string {
  const listed = dala(dataDir, 'learners', 'list', '--json');
  expect(listed.status, listed.stderr).toBe(0);
  const matches = (JSON.parse(listed.stdout) as Array<{ id: string; displayName: string }>).filter((l) => l.displayName === name);
  expect(matches, `learners named ${name}`).toHaveLength(1);
  return matches[0]?.id as string;
}

/** `dala learners show ID --json`: what is really on disk. */
export function showLearner(dataDir: string, id: string): ShownLearner {
  const shown = dala(dataDir, 'learners', 'show', id, '--json');
  expect(shown.status, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout) as ShownLearner;
}

// ---- screens ------------------------------------------------------------------------------------

/** Called on every screen a flow passes, e.g. to keep a screenshot and run axe. */
export type OnScreen = (name: string, description: string) => Promise<void>;
const noScreens: OnScreen = async () => undefined;

export const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The picker's "New learner" form; the new learner lands on the first assessment step. */
export async function createLearner(page: Page, name: string): Promise<void> {
  await heading1(page, 'Who is learning today?').waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Make my profile' }).click();
  await heading1(page, 'What do you like?').waitFor();
}

/** A toggle (interest or struggle area): shown as picked only once the database has it. */
export async function toggleChoice(page: Page, label: string, pressed = true): Promise<void> {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe(String(pressed));
}

/** "Add your own": the field empties once the database has the entry. */
export async function addOwnEntry(page: Page, fieldLabel: string, words: string): Promise<void> {
  const field = page.getByLabel(fieldLabel, { exact: true });
  await field.fill(words);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: words }).getByRole('button', { name: `Remove ${words}` }).waitFor();
  await expect.poll(() => field.inputValue()).toBe('');
}

/** A preference radio: clicked, then checked only once the database confirmed the save. */
export async function choosePreference(page: Page, optionLabel: string): Promise<void> {
  const radio = page.getByRole('radio', { name: optionLabel, exact: true });
  await radio.click();
  await expect.poll(() => radio.isChecked(), { timeout: 10_000 }).toBe(true);
}

export async function pressNext(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

export async function dismissCelebration(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Yay! Keep going' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// ---- the three diagnostic games, played to the end with the right answers -----------------------

/** Story Shuffle: each story put in order with "Move up", checked once (right first time). */
export async function playStoryGame(page: Page, onScreen: OnScreen = noScreens): Promise<void> {
  await heading1(page, storyTask.title).waitFor();
  await onScreen('game-story-intro', 'the story game before it starts');
  await page.getByRole('button', { name: 'Start the game' }).click();
  const list = page.getByRole('list', { name: 'Sentences in your order' });
  for (const [r, round] of storyTask.rounds.entries()) {
    await page.getByRole('heading', { name: `Story ${r + 1} of ${storyTask.rounds.length}` }).waitFor();
    if (r === 0) await onScreen('game-story-playing', 'the story game, sentences out of order');
    for (const [target, sentence] of round.sentences.entries()) {
      const order = await list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('.story-text')?.textContent ?? ''));
      for (let at = order.indexOf(sentence.text); at > target; at--) {
        await page.getByRole('button', { name: `Move up: ${sentence.text}`, exact: true }).click();
        await page.getByText(`Moved “${sentence.text}” to place ${at} of ${round.sentences.length}.`).waitFor();
      }
    }
    await page.getByRole('button', { name: 'Check my order' }).click();
    await page.getByRole('status').filter({ hasText: 'Yes! That is the right order.' }).waitFor();
    const last = r === storyTask.rounds.length - 1;
    await page.getByRole('button', { name: last ? 'See my result' : 'Next story' }).click();
  }
  await page.getByRole('heading', { level: 2, name: 'Well done!' }).waitFor();
  await page.getByText('You got 100% right.').waitFor();
  await onScreen('game-story-result', 'the story game result');
}

/** What Comes Next?: the right tile picked for every pattern. */
export async function playPatternGame(page: Page, onScreen: OnScreen = noScreens): Promise<void> {
  await heading1(page, patternTask.title).waitFor();
  await onScreen('game-pattern-intro', 'the pattern game before it starts');
  await page.getByRole('button', { name: 'Start the game' }).click();
  for (const [r, round] of patternTask.rounds.entries()) {
    await page.getByRole('heading', { name: `Pattern ${r + 1} of ${patternTask.rounds.length}` }).waitFor();
    if (r === 0) await onScreen('game-pattern-playing', 'the pattern game, a pattern to complete');
    const answer = patternItemName(round.answer);
    await page.getByRole('button', { name: answer, exact: true }).click();
    await page.getByRole('status').filter({ hasText: patternRightMessage(round.answer) }).waitFor();
    if (r === 0) await onScreen('game-pattern-feedback', 'the pattern game after a right pick');
    const last = r === patternTask.rounds.length - 1;
    await page.getByRole('button', { name: last ? 'See my result' : 'Next pattern' }).click();
  }
  await page.getByRole('heading', { level: 2, name: 'Well done!' }).waitFor();
  await onScreen('game-pattern-result', 'the pattern game result');
}

/**
 * Memory Magic: remember the symbols on show, press "I'm ready", tap them back in order, up to the
 * longest sequence. Returns the span reached.
 */
export async function playMemoryGame(page: Page, onScreen: OnScreen = noScreens): Promise<number> {
  await heading1(page, memoryTask.title).waitFor();
  await onScreen('game-memory-intro', 'the memory game before it starts');
  await page.getByRole('button', { name: 'Start the game' }).click();
  let length = memoryTask.startLength;
  for (;;) {
    await page.getByRole('heading', { name: `Remember ${length} symbols` }).waitFor();
    const shown = page.getByRole('list', { name: 'Symbols to remember' });
    await shown.waitFor();
    const symbols = await shown.getByRole('listitem').allTextContents();
    expect(symbols).toHaveLength(length);
    if (length === memoryTask.startLength) await onScreen('game-memory-show', 'the memory game showing symbols');
    // The symbols also hide by themselves after a few seconds; either way the pad comes next.
    await page
      .getByRole('button', { name: "I'm ready" })
      .click({ timeout: 1_500 })
      .catch(() => undefined);
    const pad = page.getByRole('group', { name: 'Ready? Now tap the symbols in the same order.' });
    await pad.waitFor();
    if (length === memoryTask.startLength) await onScreen('game-memory-input', 'the memory game waiting for taps');
    for (const symbol of symbols) await pad.getByRole('button', { name: symbol, exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Brilliant! You got them all in order.' }).waitFor();
    if (length >= memoryTask.maxLength) break;
    length += 1;
    await page.getByRole('button', { name: `Next: ${length} symbols` }).click();
  }
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('heading', { level: 2, name: 'Well done!' }).waitFor();
  await page.getByText(`You remembered ${memoryTask.maxLength} symbols in a row.`).waitFor();
  return length;
}

// ---- the whole assessment -----------------------------------------------------------------------

export interface AssessmentAnswers {
  /** Predefined interest labels to pick. */
  interests: string[];
  /** The learner's own words for something they like. */
  ownInterest: string;
  /** Predefined struggle-area labels to pick. */
  struggles: string[];
  /** The mode to choose on each preference task, in order (visual, auditory, reading, kinesthetic). */
  preferenceModes: string[];
}

export const defaultAnswers: AssessmentAnswers = {
  interests: ['Space', 'Dinosaurs'],
  ownInterest: 'Knitting',
  struggles: ['Spelling'],
  preferenceModes: ['visual', 'kinesthetic', 'reading', 'auditory', 'visual'],
};

/**
 * The whole "About me" assessment from its first step to the finished page, every step answered
 * and every game played to the end. The last saved game finishes the assessment, which awards the
 * "All About Me" badge: its celebration is seen and closed. Returns the preference chosen per task.
 */
export async function completeAssessment(page: Page, answers: AssessmentAnswers = defaultAnswers, onScreen: OnScreen = noScreens): Promise<Record<string, string>> {
  await heading1(page, 'What do you like?').waitFor();
  await onScreen('assessment-interests', 'the interests step');
  for (const label of answers.interests) await toggleChoice(page, label);
  await addOwnEntry(page, 'Something else you like', answers.ownInterest);
  await onScreen('assessment-interests-picked', 'the interests step with picks and an own interest');
  await pressNext(page);

  await heading1(page, 'What feels tricky?').waitFor();
  for (const label of answers.struggles) await toggleChoice(page, label);
  await onScreen('assessment-struggles', 'the struggle-areas step');
  await pressNext(page);

  const chosen: Record<string, string> = {};
  for (const [i, task] of content.preferenceTasks.entries()) {
    await heading1(page, `How do you like to learn? (${i + 1} of ${content.preferenceTasks.length})`).waitFor();
    const mode = answers.preferenceModes[i % answers.preferenceModes.length] as string;
    const option = task.options.find((o) => o.mode === mode);
    if (!option) throw new Error(`task ${task.category} has no ${mode} option`);
    await choosePreference(page, option.label);
    chosen[task.category] = mode;
    await onScreen(`assessment-preference-${i + 1}`, `preference task ${i + 1}`);
    await pressNext(page);
  }

  for (const [i, task] of content.diagnostics.entries()) {
    if (task.kind === 'story_sequencing') await playStoryGame(page, onScreen);
    else if (task.kind === 'pattern_completion') await playPatternGame(page, onScreen);
    else await playMemoryGame(page, onScreen);
    if (i < content.diagnostics.length - 1) await pressNext(page);
  }

  const celebration = page.getByRole('dialog', { name: /You earned a badge!/ });
  await celebration.waitFor();
  await celebration.getByText(badgeName('assessment_finished')).waitFor();
  await onScreen('celebration-assessment', 'the badge celebration for finishing the assessment');
  await dismissCelebration(page);

  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await heading1(page, 'You did it!').waitFor();
  await onScreen('assessment-finished', 'the finished page of the assessment');
  return chosen;
}

/** An objective's card in its subject's list on the pathway. */
export const objectiveCard = (page: Page, subject: string, title: string): Locator =>
  page
    .getByRole('list', { name: `${subject} goals` })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

// ---- activities ---------------------------------------------------------------------------------

/** The question on screen in a quiz, and its choices (the radios' values). */
export const quizPrompt = async (page: Page): Promise<string> => ((await page.locator('.question-prompt').textContent()) ?? '').trim();
export const quizChoices = (page: Page): Promise<string[]> => page.getByRole('radio').evaluateAll((radios: PageInput[]) => radios.map((r) => r.value));

/**
 * A quiz answered right from its first question to its score, each answer looked up in the
 * curriculum's answer keys by the question shown. Returns the number of questions.
 */
export async function completeQuizCorrectly(page: Page, onScreen: OnScreen = noScreens): Promise<number> {
  let total: number;
  for (let n = 1; ; n++) {
    const counter = page.getByRole('heading', { level: 2, name: /^Question \d+ of \d+$/ });
    await expect.poll(() => counter.textContent()).toMatch(new RegExp(`^Question ${n} of \\d+$`));
    total = Number(/of (\d+)$/.exec((await counter.textContent()) ?? '')?.[1]);
    const prompt = await quizPrompt(page);
    const choices = await quizChoices(page);
    const answer = quizAnswer(prompt, choices);
    const radio = page.getByRole('radio', { name: answer, exact: true });
    await radio.click();
    await expect.poll(() => radio.isChecked()).toBe(true);
    if (n === 1) await onScreen('quiz-question', 'a quiz question with an answer chosen');
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText('Well done, that is right!').waitFor();
    if (n === 1) await onScreen('quiz-feedback', 'quiz feedback after a right answer');
    if (n === total) break;
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  await page.getByRole('button', { name: 'See my score' }).click();
  await page.getByRole('heading', { level: 2, name: 'All done!' }).waitFor();
  await page.getByRole('status').filter({ hasText: '✓ Your score is saved.' }).waitFor();
  return total;
}

/** The text of each element as a screen reader reads it: without aria-hidden parts (emoji). */
export function spokenTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements: PageNode[]) =>
    elements.map((element) => {
      const clone = element.cloneNode(true);
      for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}
