// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../App';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { expectDecorativeIcons } from '../../test-support/icons';
import { renderWithStore } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

interface Setup {
  interests?: string[];
  struggles?: string[];
  attempts?: Array<{ loId: string; activityId: string; score: number }>;
  accuracy?: number;
}

/** A learner made through the real API, opened in the app and shown their pathway. */
async function openPathway(setup: Setup = {}) {
  backend = await createInProcessApi();
  const api = backend.api;
  const created = await api.createLearnerProfile({ displayName: 'Kofi' });
  if (!created.ok) throw new Error(created.error.message);
  const learnerId = created.value.id;
  for (const interestName of setup.interests ?? []) await api.addInterest({ learnerId, interestName });
  for (const struggleDescription of setup.struggles ?? []) await api.addStruggle({ learnerId, struggleDescription });
  for (const a of setup.attempts ?? []) await api.addActivityAttempt({ learnerId, ...a, activityType: 'quiz', completed: true });
  if (setup.accuracy !== undefined) await api.addOrUpdateCognitiveMetric({ learnerId, taskName: 'pattern_completion', metricDetails: { accuracy: setup.accuracy } });
  const rendered = await renderWithStore(<App />, backend);
  await act(async () => {
    await rendered.store.getState().openLearner(learnerId);
    rendered.store.getState().goTo({ name: 'pathway' });
  });
  await screen.findByRole('heading', { level: 1, name: 'My learning pathway' });
  return rendered;
}

const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
const card = (title: string, subject = 'Maths') =>
  within(section(subject)).getByRole('heading', { level: 3, name: new RegExp(`${title}$`) }).closest('li') as HTMLElement;
const objectiveTitles = (subject: string) => within(section(subject)).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('pathway screen', () => {
  it('shows what is next, then every subject in curriculum order with its objectives', async () => {
    await openPathway();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Next up for you', 'Maths', 'Reading and words', 'Science']);
    expect(objectiveTitles('Maths')).toHaveLength(8);
    expect(objectiveTitles('Maths')[0]).toBe('Place value');
    expect(within(section('Maths')).getByText('0 of 8 goals done')).toBeTruthy();
    expect(screen.getByText(/We picked level 2 activities for you/)).toBeTruthy();
  });

  it('explains the level chosen from the diagnostics', async () => {
    await openPathway({ accuracy: 0.95 });
    expect(screen.getByText(/We picked level 3 activities for you/)).toBeTruthy();
  });

  it('puts a struggle-tagged objective before its untagged sibling only for a learner with that struggle', async () => {
    await openPathway({ struggles: ['Money'] });
    const withStruggle = objectiveTitles('Maths');
    expect(withStruggle.indexOf('Money')).toBeLessThan(withStruggle.indexOf('Times tables and sharing'));
    expect(within(card('Money')).getByText('Helps with: Money')).toBeTruthy();
    cleanup();
    backend?.close();
    await openPathway();
    const without = objectiveTitles('Maths');
    expect(without.indexOf('Times tables and sharing')).toBeLessThan(without.indexOf('Money'));
  });

  it('suggests objectives that help with the learner’s struggles first, saying why', async () => {
    await openPathway({ struggles: ['Spelling'], interests: ['Music'] });
    const nextUp = within(section('Next up for you'));
    const first = nextUp.getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toBe('Sounding out words');
    expect(within(first).getByText('Helps with: Spelling')).toBeTruthy();
    expect(nextUp.getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows the themed title and theme of an activity when the learner has that interest', async () => {
    await openPathway({ interests: ['Football'] });
    const placeValue = within(card('Place value'));
    expect(placeValue.getAllByText('Stadium numbers')).toHaveLength(1);
    const themeTags = placeValue.getAllByText('Football theme');
    expect(themeTags.length).toBeGreaterThan(0);
    // The words name the interest, so its picture is hidden from screen readers.
    for (const tag of themeTags) expectDecorativeIcons(tag, ['football']);
    expect(placeValue.queryByText('Hundreds, tens and ones')).toBeNull();
    expect(placeValue.getByRole('button', { name: 'Start Stadium numbers' })).toBeTruthy();
  });

  it('shows the plain title without the interest', async () => {
    await openPathway();
    expect(within(card('Place value')).getAllByText('Hundreds, tens and ones')).toHaveLength(1);
    expect(screen.queryByText('Stadium numbers')).toBeNull();
  });

  it('does not let a locked objective be started, and says what to finish first', async () => {
    await openPathway();
    const locked = within(card('Adding and subtracting'));
    expect(locked.getByText('Locked')).toBeTruthy();
    expect(locked.getByText(/Finish Place value first\./)).toBeTruthy();
    expect(locked.queryAllByRole('button')).toEqual([]);
    expect(within(card('Place value')).getAllByRole('button', { name: /^Start / })).toHaveLength(3);
  });

  it('marks a completed objective with its best score and unlocks what followed it', async () => {
    await openPathway({ attempts: [{ loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', score: 1 }] });
    const done = within(card('Place value'));
    expect(done.getByText('Done')).toBeTruthy();
    expect(done.getByText(/best score 100%/)).toBeTruthy();
    expect(done.getByText('✓ Done before')).toBeTruthy();
    expect(within(card('Adding and subtracting')).getByText('Ready to start')).toBeTruthy();
    expect(within(section('Maths')).getByText('1 of 8 goals done')).toBeTruthy();
  });

  it('starts an activity with the keyboard', async () => {
    const { store } = await openPathway();
    const user = userEvent.setup();
    const start = within(card('Place value')).getByRole('button', { name: 'Start Number match' });
    for (let i = 0; i < 100 && document.activeElement !== start; i++) await user.tab();
    await user.keyboard('{Enter}');
    expect(store.getState().screen).toEqual({ name: 'activity', loId: 'MATH_LO_001', activityId: 'math_001_game' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Number match' })).toBeTruthy();
  });
});
