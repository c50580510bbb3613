// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessmentProgress } from '../../../../electron/common/assessment-progress';
import { preferenceTasks } from '../../../../electron/common/content';
import type { ChannelResult, DalaApi } from '../../../../electron/common/contract';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { expectDecorativeIcons } from '../../test-support/icons';
import { renderWithStore } from '../../test-support/render-app';
import { formatDate } from './format';

let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  backend?.close();
  backend = undefined;
});

const must = <T,>(result: ChannelResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const MODES = ['visual', 'visual', 'auditory', 'visual', 'reading'];

/** A learner with a bit of everything, written through the real handlers. */
async function seedLearner(api: DalaApi): Promise<string> {
  const { id: learnerId } = must(await api.createLearnerProfile({ displayName: 'Amara <b>' }));
  for (const interestName of ['Space', 'Dinosaurs']) must(await api.addInterest({ learnerId, interestName }));
  must(await api.addStruggle({ learnerId, struggleDescription: 'Fractions' }));
  for (const [i, task] of preferenceTasks.entries()) must(await api.addOrUpdatePreference({ learnerId, category: task.category, value: MODES[i % MODES.length] ?? 'visual' }));
  must(await api.addOrUpdateCognitiveMetric({ learnerId, taskName: 'story_sequencing', metricDetails: { accuracy: 0.75, attempts: 2, time_ms: 42_500 } }));
  must(await api.addOrUpdateCognitiveMetric({ learnerId, taskName: 'memory_span', metricDetails: { accuracy: 0.5, attempts: 3, time_ms: 30_000, span: 5 } }));
  for (let i = 0; i < 11; i++) {
    must(await api.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.9, completed: true }));
  }
  must(await api.addActivityAttempt({ learnerId, loId: 'READ_LO_001', activityId: 'read_001_game', activityType: 'game', score: 0.3, completed: false }));
  return learnerId;
}

async function openReport() {
  backend = await createInProcessApi();
  const learnerId = await seedLearner(backend.api);
  const rendered = await renderWithStore(<App />, backend);
  await rendered.store.getState().openLearner(learnerId);
  rendered.store.getState().goTo({ name: 'profile' });
  await screen.findByRole('heading', { level: 1, name: 'Amara <b>’s profile' });
  return { ...rendered, stored: must(await backend.api.getFullLearnerProfileData({ learnerId })) };
}

const region = (name: string) => screen.getByRole('region', { name });
const rowOf = (table: HTMLElement, header: string) => within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('profile report', () => {
  it('shows each section with the stored data', async () => {
    const { stored } = await openReport();
    const dateOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(dateOf('Profile made')).toBe(formatDate(stored.profile.createdAt));
    expect(dateOf('Last active')).toBe(formatDate(stored.profile.lastUpdatedAt));
    const progress = assessmentProgress(stored);
    expect(within(region('Getting to know me')).getByText(`${progress.doneParts} of ${progress.totalParts} parts are finished.`)).toBeTruthy();
    const interests = within(region('Interests')).getAllByRole('listitem');
    expect(interests.map((li) => li.textContent)).toEqual(['Space', 'Dinosaurs']);
    expectDecorativeIcons(region('Interests'), ['space', 'dinosaurs']);
    expect(within(region('Things that feel tricky')).getByText('Fractions')).toBeTruthy();

    const preferences = region('How I like to learn');
    expect(within(preferences).getByText('Mostly learns by seeing pictures')).toBeTruthy();
    const firstTask = preferenceTasks[0]!;
    expect(cellsOf(rowOf(within(preferences).getByRole('table'), firstTask.prompt))).toEqual([firstTask.options.find((o) => o.mode === 'visual')!.label]);

    const metrics = within(region('Thinking games')).getByRole('table', { name: 'Results of the thinking games' });
    expect(cellsOf(rowOf(metrics, 'Story Shuffle'))).toEqual([expect.stringMatching(/^75\s?%$/), '2', '42.5 s', 'not measured']);
    expect(cellsOf(rowOf(metrics, 'Memory Magic'))).toEqual([expect.stringMatching(/^50\s?%$/), '3', '30 s', '5']);

    const badges = region('Badges');
    const firstStep = stored.badges.find((b) => b.badgeId === 'first_objective')!;
    const firstStepItem = within(badges).getByText('First Step').closest('li') as HTMLElement;
    expect(firstStepItem.textContent).toMatch(/^First Step/);
    expect(firstStepItem.textContent).toContain(`Earned ${formatDate(firstStep.earnedDate)}`);
    expectDecorativeIcons(firstStepItem, ['first_objective']);

    const attempts = within(region('Recent activities')).getByRole('table', { name: 'The 10 most recent activities, newest first' });
    const rows = within(attempts).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(within(attempts).getAllByRole('rowheader', { name: 'Hundreds, tens and ones' }).length).toBeGreaterThanOrEqual(9);
    expect(cellsOf(rowOf(attempts, 'Rhyme match')).slice(0, 3)).toEqual(['Sounding out words', expect.stringMatching(/^30\s?%$/), 'No']);
  });

  it('summarises the progress chart in its label and its table with the same numbers', async () => {
    await openReport();
    const section = region('Progress per subject');
    const chart = within(section).getByRole('img');
    const label = chart.getAttribute('aria-label') ?? '';
    expect(label).toContain('Maths: 1 done, 0 started, 7 not started yet');
    expect(label).toContain('Reading and words: 0 done, 1 started, 7 not started yet');
    expect(label).toContain('Science: 0 done, 0 started, 8 not started yet');
    const table = within(section).getByRole('table', { name: 'Learning goals per subject' });
    expect(cellsOf(rowOf(table, 'Maths'))).toEqual(['1', '0', '7', '8']);
    expect(cellsOf(rowOf(table, 'Reading and words'))).toEqual(['0', '1', '7', '8']);
    expect(cellsOf(rowOf(table, 'Science'))).toEqual(['0', '0', '8', '8']);
  });

  it('prints, and saves a self-contained web page as a download', async () => {
    await openReport();
    const user = userEvent.setup();
    const print = vi.fn();
    window.print = print;
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();

    // jsdom has no object URLs: stand in for the browser's.
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report-1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Save as a web page' }));

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('Amara-b-profile-report.html');
    expect(clicked[0]?.href).toBe('blob:report-1');
    expect(clicked[0]?.isConnected).toBe(false);
    expect(blobs[0]?.type).toBe('text/html;charset=utf-8');
    const html = await blobs[0]!.text();
    expect(html).toContain('Amara &lt;b&gt;’s profile');
    expect(html).not.toContain('Amara <b>');
    expect(html).not.toMatch(/https?:|\bsrc\s*=/i);
    expect(html).toContain('Fractions');
    expect(await screen.findByText('Saved as Amara-b-profile-report.html. Look in your downloads folder.')).toBeTruthy();
    await waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report-1'), { timeout: 3_000 });
  });
});
