import { describe, expect, it } from 'vitest';
import { dala, electronMissing, learnersIn, PICKER_HEADING, useDala } from './support/electron-app';

describe.skipIf(electronMissing)('Electron: answers survive quitting the app', () => {
  const dalaApps = useDala();

  it('creates a learner, saves an assessment answer, quits, and finds the answer after starting again', async () => {
    const dataDir = dalaApps.dataDir();
    const first = await dalaApps.launch(dataDir);
    expect(first.page.url()).toBe('app://dala/index.html');
    await first.page.getByRole('heading', { name: PICKER_HEADING }).waitFor();
    await first.page.getByLabel('Your name').fill('Zoë Electron');
    await first.page.getByRole('button', { name: 'Make my profile' }).click();

    // The first step of the assessment; a choice shows as picked only once the database has it.
    await first.page.getByRole('heading', { name: 'What do you like?' }).waitFor();
    const animals = first.page.getByRole('button', { name: 'Animals', exact: true });
    await animals.click();
    await expect.poll(() => animals.getAttribute('aria-pressed')).toBe('true');
    await dalaApps.quit(first);

    // The file itself has it (read with Node's better-sqlite3 by the CLI, not the app).
    const [learner] = learnersIn(dataDir);
    expect(learner?.displayName).toBe('Zoë Electron');
    const shown = dala(dataDir, 'learners', 'show', learner!.id, '--json');
    expect((JSON.parse(shown.stdout) as { interests: Array<{ interestName: string }> }).interests.map((i) => i.interestName)).toEqual(['Animals']);

    // Started again, the learner carries on at the next step (the first one is done), and the
    // first step still shows the answer.
    const second = await dalaApps.launch(dataDir);
    await second.page.getByRole('button', { name: /^Continue as Zoë Electron/ }).click();
    await second.page.getByRole('heading', { name: 'What feels tricky?' }).waitFor();
    await second.page.getByRole('button', { name: 'Step 1: Things I like (done)' }).click();
    await second.page.getByRole('heading', { name: 'What do you like?' }).waitFor();
    await expect.poll(() => second.page.getByRole('button', { name: 'Animals', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });
});
