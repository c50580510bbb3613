// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InProcessApi } from '../../../../../tests/support/in-process-api';
import { startApp } from '../../../test-support/render-app';
import { must, panelNamed, useBackends } from '../../../test-support/transfer-fixture';

const newBackend = useBackends();
const SCHOOL = 'maple river school 2026';

async function openSection(backend: InProcessApi) {
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'settings' });
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true'));
  const panel = panelNamed('Settings');
  const section = await within(panel).findByRole('region', { name: 'School transfer passphrase' });
  return { ...rendered, section };
}

const isSet = async (backend: InProcessApi) => must(await backend.api.getTransferPassphraseSetting({})).schoolPassphraseSet;
const audits = (b: InProcessApi) => (b.database.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'settings_changed'").all() as Array<{ detail: string }>).map((r) => r.detail);

describe('the school transfer passphrase', () => {
  it('is set after checking it, proposed for new files at once, never shown, and removed after asking', async () => {
    const backend = await newBackend();
    must(await backend.api.createLearnerProfile({ displayName: 'Amara' }));
    const { section, store } = await openSection(backend);
    const user = userEvent.setup();
    await within(section).findByText('No school passphrase is set on this computer.');
    const first = within(section).getByLabelText('School passphrase') as HTMLInputElement;
    const again = within(section).getByLabelText('Type the school passphrase again') as HTMLInputElement;
    expect(first.type).toBe('password');

    await user.type(first, 'short one');
    await user.click(within(section).getByRole('button', { name: 'Set school passphrase' }));
    expect(within(section).getByText(/^Use at least 12 characters/)).toBeTruthy();
    expect(within(section).getByRole('alert').textContent).toBe('Fix the passphrase (see the message under it). Nothing was changed.');
    await user.clear(first);
    await user.type(first, SCHOOL);
    await user.type(again, 'maple river school 2025{Enter}');
    expect(within(section).getByText('The two passphrases are not the same. Type them again.')).toBeTruthy();
    expect(await isSet(backend)).toBe(false);

    await user.type(first, SCHOOL);
    await user.type(again, `${SCHOOL}{Enter}`);
    await within(section).findByText(/^The school passphrase is set\./);
    expect(within(section).getByText('A school passphrase is set on this computer.')).toBeTruthy();
    expect([first.value, again.value]).toEqual(['', '']);
    expect(await isSet(backend)).toBe(true);
    expect(audits(backend)).toEqual(['transfer_passphrase']);
    expect(document.body.textContent).not.toContain(SCHOOL);

    // The other panels stay mounted: Move a learner proposes it at once.
    await user.click(screen.getByRole('tab', { name: 'Move a learner' }));
    const move = panelNamed('Move a learner');
    expect(await within(move).findByRole('checkbox', { name: 'Protect with a passphrase' })).toHaveProperty('checked', true);
    expect(within(move).getByRole('radio', { name: 'Use the school passphrase' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(within(section).getByLabelText('New school passphrase')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Remove the school passphrase…' }));
    const confirm = within(section).getByRole('group', { name: 'Remove the school passphrase?' });
    expect(confirm.textContent).toContain('open only when someone types it');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, remove it' }));
    await within(section).findByText('The school passphrase is removed from this computer.');
    expect(within(section).getByText('No school passphrase is set on this computer.')).toBeTruthy();
    expect(await isSet(backend)).toBe(false);
    await waitFor(() => expect(store.getState().schoolPassphraseSet).toBe(false));
    await user.click(screen.getByRole('tab', { name: 'Move a learner' }));
    expect(within(move).getByRole('checkbox', { name: 'Protect with a passphrase' })).toHaveProperty('checked', false);
    expect(within(move).queryByRole('radio', { name: 'Use the school passphrase' })).toBeNull();
  });
});
