import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transfer } from '../../renderer/src/i18n/en/transfer';
import { electronMissing, exportProfileFile, learnersIn, PICKER_HEADING, runDalaProcess, useDala } from './support/electron-app';

// The renderer shows the educator tools' import preview (renderer/src/features/transfer/
// ImportSection.tsx) when the main process announces a profileFileOpened event: a .dalaprofile
// from the command line, a double-click, or a second launch. The preview is a dry run: nothing is
// imported until the educator confirms.
const previewHeading = (file: string) => ({ name: transfer.previewTitle(path.basename(file)) });

describe.skipIf(electronMissing)('Electron: opening a .dalaprofile file', () => {
  const dalaApps = useDala();
  const folders: string[] = [];
  afterEach(() => {
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const profileFile = (name: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-electron-profile-'));
    folders.push(dir);
    return exportProfileFile(dir, name);
  };

  it('passed on the command line (double-click on Windows and Linux), starts the import preview', async () => {
    const file = profileFile('Ada Transfer');
    const dataDir = dalaApps.dataDir();
    const { page, output } = await dalaApps.launch(dataDir, [file]);
    await page.getByRole('heading', previewHeading(file)).waitFor({ timeout: 30_000 }).catch((error: Error) => {
      throw new Error(`no import preview for ${path.basename(file)}: ${error.message}\nmain process output:\n${output()}`);
    });
    await page.getByText(transfer.previewNote).waitFor();
    expect(learnersIn(dataDir)).toEqual([]);
  });

  it('given to a second launch while the app runs, shows the import preview in the first window', async () => {
    const file = profileFile('Ben Second');
    const dataDir = dalaApps.dataDir();
    const { app, page } = await dalaApps.launch(dataDir);
    await page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    const second = await runDalaProcess(dataDir, [file]);
    expect(second.code, second.output).toBe(0);
    await page.getByRole('heading', previewHeading(file)).waitFor({ timeout: 30_000 });
    expect(app.windows()).toHaveLength(1);
    expect(learnersIn(dataDir)).toEqual([]);
  });
});
