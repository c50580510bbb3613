import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dala } from './support/app-host';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { heading1 } from './support/flows';
import { isFocused } from './support/keyboard';
import { useE2eSession } from './support/session';
import { asAdmin, hostCall } from './support/sign-in';
import { downloadFrom, JOB_TIMEOUT, learnersOn, openEducatorPanel, passphrasePrompt, protectWith, startsWithAgeHeader } from './support/transfer-flows';

/**
 * Files protected with a passphrase, through the browser host: made and downloaded on one machine,
 * uploaded on another, where the window asks for the passphrase (a wrong one changes nothing).
 * The new fields and prompts are kept as screenshots (e2e/artifacts) and checked with axe.
 */
const session = useE2eSession();
const PASSPHRASE = 'purple otter sings loudly';

describe('a profile file protected with a passphrase', () => {
  it('is made with the passphrase typed twice; the other machine asks for it, refuses a wrong one, and imports with the right one', async () => {
    const a = await session.host();
    const b = await session.host();
    expect(dala(a.dataDir, 'seed', '--learners', '1', '--attempts', '2').status).toBe(0);
    const [learner] = learnersOn(a);
    if (!learner) throw new Error('the seed made no learner');
    const saveDir = fs.mkdtempSync(path.join(a.dataDir, 'downloads-'));

    const pageA = (await session.open(a.url)).page;
    await heading1(pageA, 'Who is learning today?').waitFor();
    const move = await openEducatorPanel(pageA, 'Move a learner');
    await protectWith(move, PASSPHRASE);
    await keepScreenshot(pageA, 'transfer-export-protection');
    await expectNoAxeViolations(pageA, 'the export with a passphrase');
    const file = await downloadFrom(pageA, move.getByRole('button', { name: 'Save profile file' }), saveDir);
    await pageA.getByText(/^Saved as .+\.dalaprofile\. Look in your downloads folder\.$/).waitFor();
    expect(startsWithAgeHeader(file)).toBe(true);
    expect(fs.readFileSync(file, 'latin1')).not.toContain(learner.displayName);

    const appB = await session.open(b.url);
    const pageB = appB.page;
    await heading1(pageB, 'Who is learning today?').waitFor();
    const panel = await openEducatorPanel(pageB, 'Move a learner');
    await panel.getByLabel('Choose a profile file').setInputFiles(file);
    const prompt = passphrasePrompt(panel, path.basename(file));
    await prompt.waitFor(JOB_TIMEOUT);
    const field = prompt.getByLabel('Passphrase for this file');
    await expect.poll(() => isFocused(field)).toBe(true);
    await keepScreenshot(pageB, 'transfer-passphrase-prompt');
    await expectNoAxeViolations(pageB, 'the passphrase prompt');

    await field.fill('not the passphrase');
    await field.press('Enter');
    await prompt.getByText(/^That passphrase does not open this file\. Nothing was changed\./).waitFor(JOB_TIMEOUT);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(field)).toBe(true);
    await keepScreenshot(pageB, 'transfer-passphrase-wrong');
    await expectNoAxeViolations(pageB, 'a wrong passphrase');
    expect(learnersOn(b)).toEqual([]);

    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await panel.getByRole('heading', { name: `What importing ${path.basename(file)} will change` }).waitFor(JOB_TIMEOUT);
    await panel.getByRole('button', { name: 'Import now' }).click();
    await panel.getByRole('heading', { name: 'Import finished' }).waitFor();
    expect(learnersOn(b).map((l) => l.id)).toEqual([learner.id]);
    expect(appB.pageErrors).toEqual([]);
    expect(appB.foreignRequests).toEqual([]);
  });

  it('the school passphrase, set in Settings, protects new files by default and opens them without typing where it is set', async () => {
    const a = await session.host();
    const b = await session.host();
    expect(dala(a.dataDir, 'seed', '--learners', '1', '--attempts', '1').status).toBe(0);
    const school = 'maple river school 2026';
    await asAdmin(b, () => hostCall(b, 'setSchoolTransferPassphrase', { passphrase: school }));
    const saveDir = fs.mkdtempSync(path.join(a.dataDir, 'downloads-'));

    const pageA = (await session.open(a.url)).page;
    await heading1(pageA, 'Who is learning today?').waitFor();
    const settings = await openEducatorPanel(pageA, 'Settings');
    const section = settings.getByRole('region', { name: 'School transfer passphrase' });
    await section.getByText('No school passphrase is set on this computer.').waitFor();
    await section.getByLabel('School passphrase', { exact: true }).fill(school);
    await section.getByLabel('Type the school passphrase again', { exact: true }).fill(school);
    await section.getByRole('button', { name: 'Set school passphrase' }).click();
    await section.getByText('A school passphrase is set on this computer.').waitFor();
    await keepScreenshot(pageA, 'settings-school-passphrase');
    await expectNoAxeViolations(pageA, 'the school passphrase settings');

    await pageA.getByRole('tab', { name: 'Move a learner', exact: true }).click();
    const move = pageA.getByRole('tabpanel', { name: 'Move a learner' });
    expect(await move.getByRole('checkbox', { name: 'Protect with a passphrase' }).isChecked()).toBe(true);
    expect(await move.getByRole('radio', { name: 'Use the school passphrase' }).isChecked()).toBe(true);
    await keepScreenshot(pageA, 'transfer-export-school-passphrase');
    const file = await downloadFrom(pageA, move.getByRole('button', { name: 'Save profile file' }), saveDir);
    expect(startsWithAgeHeader(file)).toBe(true);

    const pageB = (await session.open(b.url)).page;
    await heading1(pageB, 'Who is learning today?').waitFor();
    const panel = await openEducatorPanel(pageB, 'Move a learner');
    await panel.getByLabel('Choose a profile file').setInputFiles(file);
    await panel.getByRole('heading', { name: `What importing ${path.basename(file)} will change` }).waitFor(JOB_TIMEOUT);
    expect(await passphrasePrompt(panel, path.basename(file)).count()).toBe(0);
  });
});

describe('a compressed backup protected with a passphrase', () => {
  it('is made and downloaded, then restores on an empty machine once its passphrase is typed', async () => {
    const a = await session.host();
    const b = await session.host();
    expect(dala(a.dataDir, 'seed', '--learners', '6', '--attempts', '2').status).toBe(0);
    const saveDir = fs.mkdtempSync(path.join(a.dataDir, 'downloads-'));

    const pageA = (await session.open(a.url)).page;
    await heading1(pageA, 'Who is learning today?').waitFor();
    const backup = await openEducatorPanel(pageA, 'Backup and restore');
    await backup.getByRole('checkbox', { name: 'Compress (gzip)' }).check();
    await protectWith(backup, PASSPHRASE);
    const file = await downloadFrom(pageA, backup.getByRole('button', { name: 'Make backup' }), saveDir);
    expect(path.basename(file)).toMatch(/^dala-backup-\d{4}-\d{2}-\d{2}\.json\.age$/);
    await pageA.getByText(/^Backup saved as .+\.json\.age: 6 learners, \d+ records\. Look in your downloads folder\.$/).waitFor(JOB_TIMEOUT);
    expect(startsWithAgeHeader(file)).toBe(true);

    const pageB = (await session.open(b.url)).page;
    await heading1(pageB, 'Who is learning today?').waitFor();
    const panel = await openEducatorPanel(pageB, 'Backup and restore');
    await panel.getByLabel('Choose a backup file').setInputFiles(file);
    const prompt = passphrasePrompt(panel, path.basename(file));
    await prompt.waitFor(JOB_TIMEOUT);
    const field = prompt.getByLabel('Passphrase for this file');
    await expect.poll(() => isFocused(field)).toBe(true);
    await keepScreenshot(pageB, 'transfer-restore-passphrase-prompt');
    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await panel.getByRole('heading', { name: 'About this backup' }).waitFor(JOB_TIMEOUT);
    await panel.getByRole('button', { name: 'Check what would change' }).click();
    await panel.getByRole('heading', { name: 'What restoring would change' }).waitFor(JOB_TIMEOUT);
    expect(learnersOn(b)).toEqual([]);
    await panel.getByRole('button', { name: 'Restore now…' }).click();
    await panel.getByRole('button', { name: 'Yes, restore' }).click();
    await panel.getByRole('heading', { name: 'Restore finished' }).waitFor(JOB_TIMEOUT);
    expect(learnersOn(b).map((l) => l.id).sort()).toEqual(learnersOn(a).map((l) => l.id).sort());
  });
});
