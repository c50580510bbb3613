import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { heading1 } from './support/flows';
import { isFocused } from './support/keyboard';
import { expectNoHorizontalScroll } from './support/layout-checks';
import { useE2eSession } from './support/session';
import { hostCall, passEducatorGate } from './support/sign-in';

const session = useE2eSession();
/** Nothing listens on port 1 here: the connection is refused at once, as for a hub that is down. */
const UNREACHABLE_HUB = 'http://127.0.0.1:1';

describe('the school hub in Educator tools', () => {
  it('an admin sees the machine is not enrolled, and an unreachable hub is refused plainly, changing nothing', async () => {
    const host = await session.host();
    const { page, pageErrors } = await session.open(host.url);
    await heading1(page, 'Who is learning today?').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Educator tools' }).click();
    await passEducatorGate(page);

    await page.getByRole('tab', { name: 'School hub', exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: 'School hub' });
    await panel.getByText('This machine is not part of a school hub.', { exact: true }).first().waitFor();
    await expect.poll(() => page.locator('.spinner').count(), { timeout: 15_000 }).toBe(0);
    const form = panel.getByRole('region', { name: 'Enrol this machine' });
    await form.waitFor();
    await expectNoHorizontalScroll(page, 'the School hub panel');
    await expectNoAxeViolations(page, 'the School hub panel');
    await keepScreenshot(page, 'school-hub-not-enrolled');

    // The form's own checks first: an address without http(s):// never reaches the main process.
    await form.getByLabel('Hub address').fill('hub.school.example');
    await form.getByLabel('Enrolment code').fill('ABCD-EFGH-JKLM');
    await form.getByRole('button', { name: 'Enrol', exact: true }).click();
    await form.getByText(/^Enter the whole address, starting with https:\/\/ or http:\/\//).waitFor();

    // A hub that does not answer: said on the address field, focus there, the machine still alone.
    await form.getByLabel('Hub address').fill(UNREACHABLE_HUB);
    await form.getByRole('button', { name: 'Enrol', exact: true }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toBe(
      `No school hub answered at ${UNREACHABLE_HUB}. Check the address and the network, then try again. Nothing was changed: this machine is still not part of a school hub.`,
    );
    await expect.poll(() => isFocused(form.getByLabel('Hub address'))).toBe(true);
    expect(await form.getByLabel('Hub address').getAttribute('aria-invalid')).toBe('true');
    expect(await panel.textContent()).not.toMatch(/ECONNREFUSED|fetch failed|TypeError|\.ts:\d+/);
    await expectNoAxeViolations(page, 'the School hub panel with the refused enrolment');
    await keepScreenshot(page, 'school-hub-unreachable');
    expect((await hostCall(host, 'getSyncStatus', {})).state).toBe('not_enrolled');
    expect(pageErrors).toEqual([]);
  });
});
