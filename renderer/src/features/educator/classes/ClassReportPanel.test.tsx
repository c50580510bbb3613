// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../../tests/support/in-process-api';
import { asAdmin, must, seedClasses, unlockAdmin } from '../../../test-support/classes-fixture';
import { startApp } from '../../../test-support/render-app';
import { addLearnerWithWork, captureDownloads } from '../../../test-support/transfer-fixture';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await backend?.close();
  backend = undefined;
});

const COACH = { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach' as const, password: 'coach password 1' };

/**
 * Class 4B: Amara with an interest and two quiz attempts on Place value (90% and 40%), Ben with
 * nothing yet. Class 5A: Dan. The Class report tab opens for the admin, or for a coach of 4B.
 */
async function openReport(options: { asCoach?: boolean } = {}) {
  backend = await createInProcessApi();
  const { classIds, learnerIds } = await seedClasses(backend, [
    { name: 'Class 4B', learners: ['Ben'] },
    { name: 'Class 5A', learners: ['Dan'] },
  ]);
  const room = classIds['Class 4B']!;
  await asAdmin(backend, async (api) => {
    const amara = await addLearnerWithWork(api, 'Amara');
    must(await api.addClassMembers({ classId: room, learnerIds: [amara] }));
    if (options.asCoach) {
      const coach = must(await api.createEducator(COACH));
      must(await api.assignCoach({ educatorId: coach.id, classId: room }));
    }
  });
  if (options.asCoach) must(await backend.api.unlockEducator({ username: COACH.username, password: COACH.password }));
  else await unlockAdmin(backend);
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'report' });
  const panel = await screen.findByRole('tabpanel', { name: 'Class report' });
  return { ...rendered, panel, room, learnerIds, user: userEvent.setup(), backend };
}

const rowCells = (table: HTMLElement, learner: string) =>
  within(within(table).getByRole('rowheader', { name: learner }).closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);
/** What a screen reader says for a cell: the words, not the short marks. */
const spoken = (table: HTMLElement, learner: string) =>
  within(within(table).getByRole('rowheader', { name: learner }).closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.querySelector('.visually-hidden')?.textContent);

describe('class report', () => {
  it('shows learners × learning goals for the chosen class, with status and best score', async () => {
    const { panel, user, room, backend: b } = await openReport();
    const select = await within(panel).findByLabelText('Class');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a class', 'Class 4B', 'Class 5A']);
    expect(within(panel).queryByRole('table')).toBeNull();
    await user.selectOptions(select, 'Class 4B');

    expect(await within(panel).findByRole('heading', { name: 'Class report: Class 4B' })).toBeTruthy();
    expect(within(panel).getByText(/^Made on .+ · 2 learners$/)).toBeTruthy();
    const overview = within(panel).getByRole('table', { name: 'About me and badges' });
    expect(within(overview).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Amara', 'Ben']);
    const [amaraAbout, amaraGoals] = rowCells(overview, 'Amara');
    expect(amaraAbout).toMatch(/^Interests done; 0 of \d+ learning choices; 0 of \d+ thinking games$/);
    expect(amaraGoals).toBe('1 of 24');
    expect(rowCells(overview, 'Ben')).toEqual([expect.stringMatching(/^No interests yet; 0 of \d+/), '0 of 24', 'none yet']);

    const maths = within(panel).getByRole('table', { name: 'Maths: learning goals' });
    const headers = within(maths).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(['Learner', 'Place value', 'Adding and subtracting']);
    expect(headers).toHaveLength(9);
    const amara = spoken(maths, 'Amara');
    expect(amara[0]).toBe('Done, best score 90%');
    expect(amara[1]).toBe('Not started');
    expect(spoken(maths, 'Ben').every((w) => w === 'Not started')).toBe(true);
    // On screen: a short mark and the score; "–" for not started, explained in the legend.
    expect(rowCells(maths, 'Amara')[0]).toContain('Done90%');
    expect(within(panel).getByText('– Not started yet.')).toBeTruthy();
    for (const subject of ['Reading and words', 'Science']) expect(within(panel).getByRole('table', { name: `${subject}: learning goals` })).toBeTruthy();
    // Each wide table scrolls sideways in a region the keyboard can reach.
    const region = within(panel).getByRole('region', { name: 'Maths: learning goals (scrolls sideways)' });
    expect(region.tabIndex).toBe(0);

    // The screen shows what the main process reports for the class.
    const report = must(await b.api.getClassReport({ classId: room }));
    const placeValue = report.learners.find((l) => l.displayName === 'Amara')?.objectives.MATH_LO_001;
    expect(placeValue).toEqual({ status: 'completed', bestScore: 0.9 });

    await user.selectOptions(select, 'Class 5A');
    expect(await within(panel).findByRole('heading', { name: 'Class report: Class 5A' })).toBeTruthy();
    expect(within(within(panel).getByRole('table', { name: 'About me and badges' })).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Dan']);
  });

  it('prints the report alone, and saves it as a CSV file for spreadsheets', async () => {
    const { panel, user } = await openReport();
    await user.selectOptions(await within(panel).findByLabelText('Class'), 'Class 4B');
    await within(panel).findByRole('table', { name: 'About me and badges' });
    const actions = within(panel).getByRole('group', { name: 'Class report actions' });

    const print = vi.fn(() => {
      // While the dialog is open, the print shows the report only (classes.css).
      expect(document.documentElement.classList.contains('printing-class-report')).toBe(true);
    });
    window.print = print;
    await user.click(within(actions).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent(window, new Event('afterprint'));
    expect(document.documentElement.classList.contains('printing-class-report')).toBe(false);

    const downloads = captureDownloads();
    await user.click(within(actions).getByRole('button', { name: 'Download CSV' }));
    const status = await within(panel).findByText(/^Saved as class-report-Class-4B-\d{4}-\d{2}-\d{2}\.csv\. It opens in a spreadsheet program\./);
    expect(status.getAttribute('role')).toBe('status');
    expect(downloads).toHaveLength(1);
    const [file] = downloads;
    expect(file?.fileName).toMatch(/^class-report-Class-4B-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file?.blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await file!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Learner,Assessment finished,MATH_LO_001 Place value: status,MATH_LO_001 Place value: best score,/);
    expect(lines[0]).toMatch(/,Badges$/);
    expect(lines[1]).toMatch(/^Amara,no,completed,0\.9,not started,,/);
    expect(lines[2]).toMatch(/^Ben,no,not started,,/);
  });

  it('a coach chooses only among their own classes', async () => {
    const { panel } = await openReport({ asCoach: true });
    // One class: nothing to choose, the report shows at once.
    const select = await within(panel).findByLabelText('Class');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Class 4B']);
    expect(await within(panel).findByRole('heading', { name: 'Class report: Class 4B' })).toBeTruthy();
    await waitFor(() => expect(within(within(panel).getByRole('table', { name: 'About me and badges' })).getAllByRole('rowheader')).toHaveLength(2));
    expect(within(panel).queryByText(/Dan/)).toBeNull();
  });
});
