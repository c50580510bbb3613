import fs from 'node:fs';
import path from 'node:path';
import type { ElectronApplication } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { common } from '../../renderer/src/i18n/en/common';
import { transfer } from '../../renderer/src/i18n/en/transfer';
import { passEducatorGate } from '../support/sign-in';
import { dala, electronMissing, learnersIn, PICKER_HEADING, useDala } from './support/electron-app';

// Saving a learner's profile file in the desktop app: the window asks for the file (exportLearnerProfile,
// then saveTransferFile) and the main process shows the native save dialog (electron/main/file-dialogs.ts)
// and writes the file where the user chose. A native dialog cannot be clicked by Playwright, so the spec
// replaces Electron's dialog.showSaveDialog in the main process with one that "chooses" a path;
// createTransferFileDialogs reads the dialog module at each call, so the stub is what runs.

interface SaveDialogCall {
  defaultPath: string | undefined;
  attached: boolean;
}

/** From now on the save dialog answers `target` at once, and records what it was asked. */
async function chooseInSaveDialog(app: ElectronApplication, target: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const calls: SaveDialogCall[] = [];
    (globalThis as { dalaSaveDialogCalls?: SaveDialogCall[] }).dalaSaveDialogCalls = calls;
    dialog.showSaveDialog = async (...args: unknown[]) => {
      // (window, options) when attached to the DALA window, (options) alone otherwise.
      const options = args[args.length - 1] as { defaultPath?: string };
      calls.push({ defaultPath: options.defaultPath, attached: args.length > 1 });
      return { canceled: false, filePath: chosen };
    };
  }, target);
}

const saveDialogCalls = (app: ElectronApplication): Promise<SaveDialogCall[]> =>
  app.evaluate(() => (globalThis as { dalaSaveDialogCalls?: SaveDialogCall[] }).dalaSaveDialogCalls ?? []);

describe.skipIf(electronMissing)('Electron: saving a learner\u2019s profile file with the save dialog', () => {
  const dalaApps = useDala();

  it('writes the .dalaprofile where the dialog chose, proposing the Documents folder, and the file imports elsewhere', async () => {
    const dataDir = dalaApps.dataDir();
    // Made before the app starts: the CLI and the app do not write to one data folder at once.
    const created = dala(dataDir, 'learners', 'create', '--name', 'Cleo Export', '--json');
    expect(created.status, created.stderr).toBe(0);
    const stick = dalaApps.dataDir();
    const target = path.join(stick, 'Cleo on the stick.dalaprofile');

    const { app, page, output } = await dalaApps.launch(dataDir);
    await page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    await chooseInSaveDialog(app, target);
    await page.getByRole('button', { name: common.navEducator }).click();
    await passEducatorGate(page);
    await page.getByRole('tab', { name: transfer.tabs.move }).click();
    await page.getByRole('tabpanel', { name: transfer.tabs.move }).waitFor();
    await page.getByLabel(transfer.exportLearner, { exact: true }).selectOption({ label: 'Cleo Export' });
    await page.getByRole('button', { name: transfer.exportButton }).click();

    await expect
      .poll(() => fs.existsSync(target), { timeout: 30_000, message: `no file at ${target}\nmain process output:\n${output()}` })
      .toBe(true);
    // The window shows the name it was saved under (never the folder, which stays in the main process).
    await page.getByText(path.basename(target), { exact: false }).first().waitFor();

    const calls = await saveDialogCalls(app);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.attached).toBe(true);
    const documents = await app.evaluate(({ app: electronApp }) => electronApp.getPath('documents'));
    expect(path.dirname(calls[0]!.defaultPath ?? '')).toBe(documents);
    expect(path.extname(calls[0]!.defaultPath ?? '')).toBe('.dalaprofile');

    // What was saved is the learner's whole profile: another machine (data folder) imports it.
    const elsewhere = dalaApps.dataDir();
    const imported = dala(elsewhere, 'import', target);
    expect(imported.status, imported.stderr).toBe(0);
    expect(learnersIn(elsewhere).map((l) => l.displayName)).toEqual(['Cleo Export']);
  });
});
