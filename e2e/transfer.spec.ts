import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dala } from './support/app-host';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import { content, heading1, showLearner, toggleChoice, type ShownLearner } from './support/flows';
import { useE2eSession } from './support/session';
import { downloadFrom, JOB_TIMEOUT, learnersOn as learners, openEducatorPanel } from './support/transfer-flows';

/**
 * Moving a learner between two data dirs (two hosts, as two lab machines) and back, with work on
 * both sides; undo of the last import; backup and restore with their progress. Everything through
 * the screens an educator uses (files uploaded to the host and downloaded from it), checked
 * against what the CLI reads from disk.
 */
const session = useE2eSession();

/** Saves a learner's profile file from the Move a learner panel; returns where Chromium put it. */
async function exportProfile(page: Page, learnerName: string, saveDir: string): Promise<string> {
  const panel = await openEducatorPanel(page, 'Move a learner');
  await panel.getByLabel('Learner', { exact: true }).selectOption({ label: learnerName });
  const file = await downloadFrom(page, panel.getByRole('button', { name: 'Save profile file' }), saveDir);
  expect(path.basename(file)).toMatch(/\.dalaprofile$/);
  await page.getByText(/^Saved as .+\.dalaprofile\. Look in your downloads folder\.$/).waitFor();
  return file;
}

/** Chooses a profile file in the import panel (it is uploaded to the host) and waits for its preview. */
async function previewImport(page: Page, file: string): Promise<void> {
  await openEducatorPanel(page, 'Move a learner');
  await page.getByLabel('Choose a profile file').setInputFiles(file);
  await page.getByRole('heading', { name: `What importing ${path.basename(file)} will change` }).waitFor(JOB_TIMEOUT);
}

async function applyImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
}

/** What must be equal on both machines: the learner's interests and attempts, in a fixed order. */
const workOf = (shown: ShownLearner) => ({
  interests: shown.interests.map((i) => i.interestName).sort(),
  attempts: shown.activityAttempts.map((a) => JSON.stringify(a)).sort(),
});

describe('moving a learner between two machines in the app', () => {
  it('exports from A, imports into B with a preview, works in B, brings it back to A, and undoes that import', async () => {
    const a = await session.host();
    const b = await session.host();
    expect(dala(a.dataDir, 'seed', '--learners', '1', '--attempts', '3').status).toBe(0);
    const [learner] = learners(a);
    if (!learner) throw new Error('the seed made no learner');
    const before = showLearner(a.dataDir, learner.id);
    const saveDir = fs.mkdtempSync(path.join(a.dataDir, 'downloads-'));

    // ---- A: save the profile file
    const pageA = (await session.open(a.url)).page;
    await heading1(pageA, 'Who is learning today?').waitFor();
    const first = await exportProfile(pageA, learner.displayName, saveDir);

    // ---- B: choose the file, see the preview, import
    const appB = await session.open(b.url);
    const pageB = appB.page;
    await heading1(pageB, 'Who is learning today?').waitFor();
    await previewImport(pageB, first);
    const preview = pageB.getByRole('tabpanel', { name: 'Move a learner' });
    await preview.getByText('New on this computer.').waitFor();
    await preview.getByRole('table', { name: `Changes for ${learner.displayName}` }).waitFor();
    expect(await pageB.getByRole('radio', { name: 'Combine (recommended)' }).isChecked()).toBe(true);
    await keepScreenshot(pageB, 'transfer-import-preview');
    await expectNoAxeViolations(pageB, 'the import preview');
    await applyImport(pageB);
    await expectNoAxeViolations(pageB, 'the import report');
    expect(workOf(showLearner(b.dataDir, learner.id))).toEqual(workOf(before));

    // ---- B: the learner is in the picker; they pick a new interest
    await pageB.reload();
    await pageB.getByRole('button', { name: `Continue as ${learner.displayName}` }).click();
    await pageB.getByRole('button', { name: 'About me' }).click();
    // A finished assessment opens on its last page: step 1 is a button from there.
    const interestsStep = heading1(pageB, 'What do you like?');
    await interestsStep.or(heading1(pageB, 'You did it!')).waitFor();
    if (!(await interestsStep.isVisible())) await pageB.getByRole('button', { name: /^Step 1\b/ }).click();
    await interestsStep.waitFor();
    const newInterest = content.interests.find((i) => !before.interests.some((had) => had.interestName === i.label));
    if (!newInterest) throw new Error('the seeded learner already likes everything');
    await toggleChoice(pageB, newInterest.label);

    // ---- B → A: one profile with both sides' work, the same on both machines
    const back = await exportProfile(pageB, learner.displayName, saveDir);
    await previewImport(pageA, back);
    await pageA.getByText('Already here: their records will be combined.').waitFor();
    await applyImport(pageA);
    const onA = showLearner(a.dataDir, learner.id);
    const onB = showLearner(b.dataDir, learner.id);
    expect(workOf(onA)).toEqual(workOf(onB));
    expect(workOf(onA).interests).toContain(newInterest.label);
    expect(workOf(onA).attempts).toHaveLength(before.activityAttempts.length);
    expect(learners(a)).toHaveLength(1);

    // ---- the same file again changes nothing
    await previewImport(pageA, back);
    await pageA.getByText('Already here and up to date: nothing changes.').waitFor();
    await pageA.getByRole('button', { name: 'Cancel' }).click();

    // ---- A: undo the last import, after a warning
    await openEducatorPanel(pageA, 'Undo last import');
    await pageA.getByText(new RegExp(`^Last import: ${path.basename(back).replace(/[.]/g, '\\.')}, on .+ \\(1 learner\\)\\.$`)).waitFor();
    await pageA.getByRole('button', { name: 'Undo last import…' }).click();
    await pageA.getByRole('group', { name: 'Undo the last import?' }).getByText(/is undone too/).waitFor();
    await expectNoAxeViolations(pageA, 'the undo confirmation');
    await pageA.getByRole('button', { name: 'Yes, undo it' }).click();
    await pageA.getByText(/^Done\. The records are back to how they were before /).waitFor();
    expect(workOf(showLearner(a.dataDir, learner.id))).toEqual(workOf(before));
    expect(appB.pageErrors).toEqual([]);
    expect(appB.foreignRequests).toEqual([]);
  });
});

describe('backup and restore in the app', () => {
  it('makes a backup with its progress shown, then checks and restores it on another machine', async () => {
    const a = await session.host();
    const b = await session.host();
    expect(dala(a.dataDir, 'seed', '--learners', '25', '--attempts', '4').status).toBe(0);
    expect(dala(b.dataDir, 'learners', 'create', '--name', 'Dawit').status).toBe(0);
    const saveDir = fs.mkdtempSync(path.join(a.dataDir, 'downloads-'));

    const pageA = (await session.open(a.url)).page;
    await heading1(pageA, 'Who is learning today?').waitFor();
    await openEducatorPanel(pageA, 'Backup and restore');
    const downloaded = pageA.waitForEvent('download', JOB_TIMEOUT);
    await pageA.getByRole('button', { name: 'Make backup' }).click();
    const bar = pageA.getByRole('progressbar', { name: 'Backup progress' });
    await bar.waitFor();
    const download = await downloaded;
    await pageA.getByText(/^Backup saved as dala-backup-\d{4}-\d{2}-\d{2}\.json: 25 learners, \d+ records\. Look in your downloads folder\.$/).waitFor(JOB_TIMEOUT);
    expect(await bar.getAttribute('aria-valuenow')).toBe('25');
    await keepScreenshot(pageA, 'transfer-backup-done');
    await expectNoAxeViolations(pageA, 'the finished backup');
    const backupFile = path.join(saveDir, download.suggestedFilename());
    await download.saveAs(backupFile);
    expect(dala(a.dataDir, 'backup', 'verify', backupFile).status).toBe(0);

    const pageB = (await session.open(b.url)).page;
    await heading1(pageB, 'Who is learning today?').waitFor();
    await openEducatorPanel(pageB, 'Backup and restore');
    await pageB.getByLabel('Choose a backup file').setInputFiles(backupFile);
    await pageB.getByRole('heading', { name: 'About this backup' }).waitFor(JOB_TIMEOUT);
    expect(await pageB.getByRole('checkbox', { name: 'Replace everything on this computer with the backup' }).isChecked()).toBe(false);
    await pageB.getByRole('button', { name: 'Check what would change' }).click();
    await pageB.getByRole('heading', { name: 'What restoring would change' }).waitFor(JOB_TIMEOUT);
    expect(learners(b).map((l) => l.displayName)).toEqual(['Dawit']);
    await pageB.getByRole('button', { name: 'Restore now…' }).click();
    await pageB.getByRole('button', { name: 'Yes, restore' }).click();
    await pageB.getByRole('progressbar', { name: 'Restore progress' }).waitFor();
    await pageB.getByRole('heading', { name: 'Restore finished' }).waitFor(JOB_TIMEOUT);
    await keepScreenshot(pageB, 'transfer-restore-done');
    await expectNoAxeViolations(pageB, 'the finished restore');
    expect(learners(b)).toHaveLength(26);
    const seeded = learners(a)[0]!;
    expect(workOf(showLearner(b.dataDir, seeded.id))).toEqual(workOf(showLearner(a.dataDir, seeded.id)));
  });
});

describe('a large file', () => {
  it('shows how far its upload got, and one that is not a backup is refused with the reason, changing nothing', async () => {
    const host = await session.host();
    const page = (await session.open(host.url)).page;
    await heading1(page, 'Who is learning today?').waitFor();
    const panel = await openEducatorPanel(page, 'Backup and restore');
    const notes = path.join(fs.mkdtempSync(path.join(host.dataDir, 'files-')), 'notes.json');
    fs.writeFileSync(notes, JSON.stringify({ notes: 'x'.repeat(3 * 1024 * 1024) }));
    // A slow network (a lab's Wi-Fi to the host machine): the upload takes a few seconds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await panel.getByLabel('Choose a backup file').setInputFiles(notes);
    const bar = panel.getByRole('progressbar', { name: 'Sending the file to DALA' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), JOB_TIMEOUT).toBeGreaterThan(0);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Sending notes\.json: [\d.]+ (KB|MB) of 3\.0 MB…$/);
    await keepScreenshot(page, 'transfer-upload-progress');
    const alert = panel.getByRole('alert');
    await alert.waitFor(JOB_TIMEOUT);
    expect(await alert.textContent()).toMatch(/^This file cannot be used: /);
    expect(await bar.count()).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(learners(host)).toEqual([]);
  });
});
