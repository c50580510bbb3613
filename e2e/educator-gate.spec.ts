import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dala } from './support/app-host';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { heading1 } from './support/flows';
import { expectNoHorizontalScroll } from './support/layout-checks';
import { useE2eSession } from './support/session';
import { asAdmin, hostCall, passEducatorGate, seedClasses } from './support/sign-in';

const session = useE2eSession();

describe('Educator tools on a shared machine', () => {
  it('a pupil at the window cannot open them without the password, nor reach the API behind them', async () => {
    const host = await session.host();
    await seedClasses(host, [{ name: 'Owls', learners: ['Amara', 'Ben'] }]);
    const { page, pageErrors } = await session.open(host.url);
    await heading1(page, 'Who is learning today?').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Educator tools' }).click();
    await page.getByRole('heading', { name: 'Unlock Educator tools' }).waitFor();
    expect(await page.getByRole('tablist').count()).toBe(0);
    await keepScreenshot(page, 'educator-unlock');
    await expectNoHorizontalScroll(page, 'the unlock form');
    await expectNoAxeViolations(page, 'the unlock form');

    // A guess is refused, said plainly, and leaves the tools locked.
    await page.getByLabel('Username', { exact: true }).fill('e2e-admin');
    await page.getByLabel('Password', { exact: true }).fill('let me in please');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('That username and password do not match. Try again.').waitFor();
    expect(await page.getByRole('tablist').count()).toBe(0);

    // The page's own token cannot do educator work either: the main process refuses it.
    const pageToken = new URL(host.url).searchParams.get('token') ?? '';
    const refused = await page.evaluate(async (token) => {
      const response = await fetch('/api/deleteLearnerProfile', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ learnerId: 'anyone' }),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string } };
    }, pageToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const names = JSON.parse(dala(host.dataDir, 'learners', 'list', '--json').stdout) as Array<{ displayName: string }>;
    expect(names.map((l) => l.displayName).sort()).toEqual(['Amara', 'Ben']);

    // The right password opens them; Lock closes them at once.
    await passEducatorGate(page);
    await page.getByText('Unlocked for E2E Admin (admin)').waitFor();
    await keepScreenshot(page, 'educator-unlocked');
    // Every admin panel of this round: looked at, and axe clean.
    for (const [tab, ready] of [
      ['Classes', 'Owls'],
      ['Educators', 'e2e-admin'],
      ['Audit log', 'Unlocked Educator tools'],
      ['Settings', 'Save settings'],
      ['Automatic backups', 'Back up now'],
    ] as const) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      const panel = page.getByRole('tabpanel', { name: tab });
      await panel.getByText(ready, { exact: false }).first().waitFor();
      await expect.poll(() => page.locator('.spinner').count(), { timeout: 15_000 }).toBe(0);
      await keepScreenshot(page, `educator-panel-${tab.toLowerCase().replace(/ /g, '-')}`);
      await expectNoHorizontalScroll(page, `the ${tab} panel`);
      await expectNoAxeViolations(page, `the ${tab} panel`);
    }
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlock Educator tools' }).waitFor();
    expect((await hostCall(host, 'getSession', {})).educator).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('the audit log of the CLI shows the failed and the good unlock', async () => {
    const host = await session.host();
    await asAdmin(host, async () => undefined);
    const { page } = await session.open(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Educator tools' }).click();
    await page.getByLabel('Username', { exact: true }).fill('e2e-admin');
    await page.getByLabel('Password', { exact: true }).fill('guess-7391');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('That username and password do not match. Try again.').waitFor();
    await passEducatorGate(page);
    const audit = dala(host.dataDir, 'audit', '--json');
    expect(audit.status).toBe(0);
    const actions = (JSON.parse(audit.stdout) as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toContain('educator_unlock_failed');
    expect(actions).toContain('educator_unlocked');
    expect(audit.stdout).not.toContain('guess-7391');
  });

  it("a coach unlocks, sees only their class's report, and downloads it as CSV", async () => {
    const host = await session.host();
    const ids = await seedClasses(host, [
      { name: 'Owls', learners: ['Amara', 'Ben'] },
      { name: 'Stars', learners: ['Chloé'] },
    ]);
    await asAdmin(host, async () => {
      const coach = await hostCall(host, 'createEducator', { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach', password: 'coach password 1' });
      const owls = (await hostCall(host, 'listClasses', {})).find((c) => c.name === 'Owls');
      await hostCall(host, 'assignCoach', { educatorId: coach.id, classId: owls!.id });
      await hostCall(host, 'addActivityAttempt', { learnerId: ids.Amara as string, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score: 0.9, completed: true });
    });
    const { page, pageErrors } = await session.open(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Educator tools' }).click();
    await page.getByLabel('Username', { exact: true }).fill('mr.banda');
    await page.getByLabel('Password', { exact: true }).fill('coach password 1');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('Unlocked for Mr Banda (coach)').waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toContain('Class report');
    expect(tabs).not.toContain('Backup and restore');
    await page.getByRole('tab', { name: 'Class report' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Class report' });
    await panel.getByRole('heading', { name: 'Class report: Owls' }).waitFor();
    await panel.getByRole('rowheader', { name: 'Amara' }).first().waitFor();
    expect(await panel.getByText('Chloé').count()).toBe(0);
    await keepScreenshot(page, 'educator-class-report-coach');
    await expectNoAxeViolations(page, "a coach's class report");
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = fs.readFileSync((await download.path()) as string);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text).toContain('Amara');
    expect(text).toContain('Ben');
    expect(text).not.toContain('Chloé');
    expect(pageErrors).toEqual([]);
  });
});
