// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../electron/common/settings';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();

const LABELS = {
  selfSignUp: 'Learners may make their own profile in the learner picker',
  educatorIdle: 'Lock Educator tools after this many minutes without use',
  learnerIdle: 'Sign a learner out after this many minutes without use',
  automatic: 'Make automatic backups while DALA is open',
  interval: 'Make a backup at most every this many minutes',
  folder: 'Backup folder',
};

async function openSettings(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'settings' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true'));
  const panel = panelNamed('Settings');
  await within(panel).findByLabelText(LABELS.educatorIdle);
  return { ...rendered, panel };
}

const field = (panel: HTMLElement, label: string) => within(panel).getByLabelText(label) as HTMLInputElement;
async function retype(user: UserEvent, input: HTMLInputElement, value: string) {
  await user.clear(input);
  if (value) await user.type(input, value);
}
const settingsAudits = (b: InProcessApi) => b.database.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'settings_changed'").all() as Array<{ detail: string }>;

describe('the settings', () => {
  it('shows the saved settings, and says so when nothing was changed', async () => {
    const backend = await newBackend();
    const { panel } = await openSettings(backend);
    expect(field(panel, LABELS.selfSignUp).checked).toBe(true);
    expect(field(panel, LABELS.educatorIdle).value).toBe('10');
    expect(field(panel, LABELS.learnerIdle).value).toBe('20');
    expect(field(panel, LABELS.automatic).checked).toBe(true);
    expect(field(panel, LABELS.interval).value).toBe('30');
    expect(field(panel, LABELS.folder).value).toBe('');
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Save settings' }));
    expect(await within(panel).findByText('Nothing was changed.')).toBeTruthy();
    expect(settingsAudits(backend)).toEqual([]);
  });

  it('refuses minutes out of range or not whole, and a folder that is not a full path, saving nothing', async () => {
    const backend = await newBackend();
    const { panel } = await openSettings(backend);
    const user = userEvent.setup();
    await retype(user, field(panel, LABELS.educatorIdle), '0');
    await retype(user, field(panel, LABELS.learnerIdle), '2.5');
    await retype(user, field(panel, LABELS.interval), '2');
    await retype(user, field(panel, LABELS.folder), 'backups/here');
    await user.click(field(panel, LABELS.selfSignUp));
    await user.click(within(panel).getByRole('button', { name: 'Save settings' }));

    expect((await within(panel).findByRole('alert')).textContent).toBe('Some settings need fixing (see the messages under them). Nothing was saved.');
    expect(within(panel).getAllByText('Type a whole number of minutes from 1 to 240.')).toHaveLength(2);
    expect(within(panel).getByText('Type a whole number of minutes from 5 to 1440.')).toBeTruthy();
    expect(within(panel).getByText(/^Type a full folder path/)).toBeTruthy();
    expect(document.activeElement).toBe(field(panel, LABELS.educatorIdle));
    expect(field(panel, LABELS.educatorIdle).getAttribute('aria-invalid')).toBe('true');
    expect(must(await backend.api.getSettings({}))).toEqual(DEFAULT_SETTINGS);
    expect(settingsAudits(backend)).toEqual([]);

    await retype(user, field(panel, LABELS.educatorIdle), '241');
    await retype(user, field(panel, LABELS.learnerIdle), '20');
    await retype(user, field(panel, LABELS.interval), '30');
    await retype(user, field(panel, LABELS.folder), '');
    await user.click(within(panel).getByRole('button', { name: 'Save settings' }));
    expect(within(panel).getAllByText('Type a whole number of minutes from 1 to 240.')).toHaveLength(1);
    expect(must(await backend.api.getSettings({}))).toEqual(DEFAULT_SETTINGS);
  });

  it('saves only what changed, and the window follows the new session settings', async () => {
    const backend = await newBackend();
    const { panel, store } = await openSettings(backend);
    const user = userEvent.setup();
    await user.click(field(panel, LABELS.selfSignUp));
    await retype(user, field(panel, LABELS.educatorIdle), '15');
    await retype(user, field(panel, LABELS.interval), '60');
    await retype(user, field(panel, LABELS.folder), '/srv/dala-backups');
    await user.click(within(panel).getByRole('button', { name: 'Save settings' }));

    expect(await within(panel).findByText('The settings are saved.')).toBeTruthy();
    expect(must(await backend.api.getSettings({}))).toEqual({ ...DEFAULT_SETTINGS, learnerSelfSignUp: false, educatorIdleMinutes: 15, backupIntervalMinutes: 60, backupFolder: '/srv/dala-backups' });
    expect(settingsAudits(backend)).toEqual([{ detail: 'backupFolder,backupIntervalMinutes,educatorIdleMinutes,learnerSelfSignUp' }]);
    expect(store.getState().session).toMatchObject({ learnerSelfSignUp: false, idle: { educatorMinutes: 15 } });

    // An emptied folder goes back to the default, and is the only change sent.
    await retype(user, field(panel, LABELS.folder), '');
    await user.click(within(panel).getByRole('button', { name: 'Save settings' }));
    expect(await within(panel).findByText('The settings are saved.')).toBeTruthy();
    expect(must(await backend.api.getSettings({})).backupFolder).toBeNull();
    expect(settingsAudits(backend).at(-1)).toEqual({ detail: 'backupFolder' });
  });
});
