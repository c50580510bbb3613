import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../hub/server/test-support/hub-test-kit';
import { useHubCluster } from '../hub/test-support/hub-fixture';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { createLearner } from './support/flows';
import { expectNoHorizontalScroll } from './support/layout-checks';
import { useE2eSession } from './support/session';
import { hostCall, passEducatorGate } from './support/sign-in';

/**
 * The School hub panel against a real hub on a throwaway PostgreSQL cluster: an admin enrols the
 * machine from the form, the learner made here reaches the hub, and a revoked credential is said
 * plainly. The refused enrolment (no hub at all) is in school-hub.spec.ts.
 */

const hubCluster = useHubCluster();
const session = useE2eSession();
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub(hubCluster.cluster);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
}, 30_000);

describe('the school hub in Educator tools, with a hub that answers', () => {
  it('an admin enrols the machine, syncs now, and is told plainly when the credential is revoked', async () => {
    const school = await hubCluster.admin.createSchool('North Primary');
    const host = await session.host();
    const { page, pageErrors } = await session.open(host.url);
    await createLearner(page, 'Amara');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Educator tools' }).click();
    await passEducatorGate(page);

    await page.getByRole('tab', { name: 'School hub', exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: 'School hub' });
    const form = panel.getByRole('region', { name: 'Enrol this machine' });
    await form.getByLabel('Hub address').fill(hub.url);
    await form.getByLabel('Enrolment code').fill(school.enrolmentCode);
    await form.getByLabel('Name of this machine (optional)').fill('Lab PC 7');
    await form.getByLabel('Name of this machine (optional)').press('Enter');
    await panel.getByText('This machine is now part of North Primary. Its records are sent to the hub within a few seconds.').waitFor({ timeout: 20_000 });
    expect(await form.count()).toBe(0);

    const [machine] = await hubCluster.admin.listMachines(school.schoolId);
    expect(machine?.name).toBe('Lab PC 7');

    // Sync now: the learner made before enrolling goes to the hub; the panel says so and is up to date.
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await panel.getByText(/^Sent \d+ changes?, received \d+ changes?\.$/).waitFor({ timeout: 20_000 });
    await panel.locator('.sync-state', { hasText: /^Up to date · just now$/ }).waitFor();
    const details = panel.getByRole('list', { name: 'The school hub link' }).or(panel.getByLabel('The school hub link'));
    expect(await details.textContent()).toContain('North Primary');
    expect(await details.textContent()).toContain(hub.url);
    const pulledByAnotherMachine = await hubCluster.store.enrolMachine({ code: school.enrolmentCode, machineName: 'Lab PC 8' });
    const atHub = await hubCluster.store.pull(
      { machineId: pulledByAnotherMachine.machineId, schoolId: pulledByAnotherMachine.schoolId },
      { after: 0, limit: 1000 },
    );
    expect(atHub.changes.some((c) => c.change.table === 'learner' && c.change.row.displayName === 'Amara')).toBe(true);
    await expectNoHorizontalScroll(page, 'the School hub panel, enrolled');
    await expectNoAxeViolations(page, 'the School hub panel, enrolled');
    await keepScreenshot(page, 'school-hub-up-to-date');

    // The IT person revokes this machine (a lost laptop): the next sync says so, and how to come back.
    await hubCluster.admin.revokeMachine(machine!.machineId);
    await panel.getByRole('button', { name: 'Sync now' }).click();
    const revoked = 'This machine’s credential was revoked. An admin must enrol it again with a new code.';
    await panel.locator('.sync-state', { hasText: revoked }).waitFor({ timeout: 20_000 });
    await panel.getByText(/^To enrol it again: leave the school hub below/).waitFor();
    expect(await panel.textContent()).not.toMatch(/401|unauthori[sz]ed|TypeError|\.ts:\d+/i);
    expect((await hostCall(host, 'getSyncStatus', {})).state).toBe('revoked');
    await expectNoAxeViolations(page, 'the School hub panel, revoked');
    await keepScreenshot(page, 'school-hub-revoked');
    expect(pageErrors).toEqual([]);
  });
});
