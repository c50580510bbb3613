// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelResult, DalaApi } from '../../../../electron/common/contract';
import { createInProcessApi, type InProcessApi } from '../../../../tests/support/in-process-api';
import { App } from '../../App';
import { expectDecorativeIcons } from '../../test-support/icons';
import { unlockAdmin } from '../../test-support/classes-fixture';
import { renderWithStore } from '../../test-support/render-app';

let backend: InProcessApi | undefined;
afterEach(() => {
  cleanup();
  backend?.close();
  backend = undefined;
});

const must = <T,>(result: ChannelResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

async function addLearnerWithAttempts(api: DalaApi, displayName: string, scores: number[]): Promise<string> {
  const { id: learnerId } = must(await api.createLearnerProfile({ displayName }));
  must(await api.addInterest({ learnerId, interestName: 'Space' }));
  for (const score of scores) must(await api.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score, completed: true }));
  return learnerId;
}

async function openEducatorTools(prepare?: (b: InProcessApi) => Promise<void> | void) {
  backend = await createInProcessApi();
  await unlockAdmin(backend);
  await prepare?.(backend);
  const rendered = await renderWithStore(<App />, backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'statistics' });
  await screen.findByRole('heading', { level: 1, name: 'Educator tools' });
  return rendered;
}

const tableNamed = (name: string) => screen.getByRole('table', { name });
const cellsOfRow = (table: HTMLElement, header: string) =>
  within(within(table).getByRole('rowheader', { name: new RegExp(`^${header}`) }).closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('educator tools: statistics', () => {
  it('shows the counts of the seeded data, and refreshes', async () => {
    await openEducatorTools(async (b) => {
      await addLearnerWithAttempts(b.api, 'Amara', [0.9, 0.5, 0.4]);
      await addLearnerWithAttempts(b.api, 'Ben', [0.3]);
    });
    expect(await screen.findByText('2 learners on this computer.')).toBeTruthy();
    const attempts = tableNamed('Activities done per learner');
    expect(cellsOfRow(attempts, 'Fewest')).toEqual(['1']);
    expect(cellsOfRow(attempts, 'Middle')).toEqual(['2']);
    expect(cellsOfRow(attempts, 'Average')).toEqual(['2']);
    expect(cellsOfRow(attempts, 'Most')).toEqual(['3']);
    const tables = tableNamed('Rows in each table');
    expect(cellsOfRow(tables, 'Learners')).toEqual(['2', '0']);
    expect(cellsOfRow(tables, 'Activity attempts')).toEqual(['4', '0']);
    expect(cellsOfRow(tables, 'Interests')).toEqual(['2', '0']);
    const statuses = tableNamed('Learning goals by status');
    expect(cellsOfRow(statuses, 'Done')).toEqual(['1']);
    expect(cellsOfRow(statuses, 'Started')).toEqual(['1']);
    expect(cellsOfRow(tableNamed('Badges awarded'), 'First Step')).toEqual(['1']);
    expectDecorativeIcons(within(tableNamed('Badges awarded')).getByRole('rowheader', { name: 'First Step' }), ['first_objective']);

    await addLearnerWithAttempts(backend!.api, 'Chloé', []);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('3 learners on this computer.')).toBeTruthy();
    expect(cellsOfRow(tableNamed('Activities done per learner'), 'Fewest')).toEqual(['0']);
  });

  it('explains a failed read in plain words and retries', async () => {
    let failures = 1;
    await openEducatorTools((b) => {
      const real = b.api.getStatistics;
      b.api.getStatistics = async (input) => (failures-- > 0 ? { ok: false, error: { code: 'storage', message: 'disk I/O error' } } : real(input));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not read its database');
    expect(alert.textContent).not.toContain('disk I/O');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('0 learners on this computer.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the app and database versions', async () => {
    await openEducatorTools();
    const about = screen.getByRole('region', { name: 'About this app' });
    await waitFor(() => expect(within(about).getByText('App version').nextElementSibling?.textContent).toBe('test'));
    expect(within(about).getByText('Database version').nextElementSibling?.textContent).toBe(String(backend!.database.schemaVersion));
  });
});

describe('educator tools: database check', () => {
  it('is reached with the arrow keys and reports a clean database as healthy', async () => {
    await openEducatorTools((b) => addLearnerWithAttempts(b.api, 'Amara', [0.9]).then(() => undefined));
    const user = userEvent.setup();
    const statisticsTab = screen.getByRole('tab', { name: 'Statistics' });
    expect(statisticsTab.getAttribute('aria-selected')).toBe('true');
    statisticsTab.focus();
    await user.keyboard('{ArrowRight}');
    const verifyTab = screen.getByRole('tab', { name: 'Database check' });
    expect(document.activeElement).toBe(verifyTab);
    expect(verifyTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Database check' });
    await user.click(within(panel).getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('The database is healthy.'));
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Remove orphaned rows' })).toBeNull();
  });

  it('lists an orphaned row, asks before removing it, and removes only it', async () => {
    await openEducatorTools(async (b) => {
      await addLearnerWithAttempts(b.api, 'Amara', [0.9]);
      b.database.sqlite.pragma('foreign_keys = OFF');
      b.database.sqlite.prepare("INSERT INTO interests (learner_id, interest_name, timestamp) VALUES ('ghost', 'Dinosaurs', ?)").run(new Date().toISOString());
      b.database.sqlite.pragma('foreign_keys = ON');
    });
    const db = backend!.database.sqlite;
    const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM interests WHERE ${where}`).get() as { n: number }).n;
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Database check' }));
    const panel = screen.getByRole('tabpanel', { name: 'Database check' });
    await user.click(within(panel).getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('1 problem was found.'));
    const problems = within(panel).getByRole('table', { name: 'Problems' });
    expect(cellsOfRow(problems, 'Orphaned row')).toEqual(['interests', expect.stringMatching(/^\d+$/), 'ghost', 'belongs to learner "ghost", who does not exist']);

    await user.click(within(panel).getByRole('button', { name: 'Remove orphaned rows' }));
    const confirm = within(panel).getByRole('group', { name: 'Remove orphaned rows?' });
    expect(confirm.textContent).toContain('cannot be undone');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(count("learner_id = 'ghost'")).toBe(1);

    await user.click(within(panel).getByRole('button', { name: 'Remove orphaned rows' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, remove them' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('1 orphaned row was removed. The database is healthy.'));
    expect(count("learner_id = 'ghost'")).toBe(0);
    expect(count('1 = 1')).toBe(1);
    expect(within(panel).queryByRole('button', { name: 'Remove orphaned rows' })).toBeNull();
    expect(within(panel).queryByRole('table', { name: 'Problems' })).toBeNull();
  });
});
