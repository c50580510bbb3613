// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../../../tests/support/in-process-api';
import { asAdmin, must, seedClasses, unlockAdmin, type ClassSpec } from '../../../test-support/classes-fixture';
import { startApp } from '../../../test-support/render-app';
import { tabTo } from '../../../test-support/keyboard';

let backend: InProcessApi | undefined;
afterEach(async () => {
  cleanup();
  await backend?.close();
  backend = undefined;
});

// jsdom has no CSS.escape, which user-event needs to walk a radio group with the arrow keys.
const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS;
if (!css?.escape) Object.assign(globalThis, { CSS: { ...css, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });

const COACH = { username: 'mr.banda', displayName: 'Mr Banda', role: 'coach' as const, password: 'coach password 1' };

/** A machine with these classes, the Classes tab open for the admin (or the coach named). */
async function openClasses(classes: ClassSpec[] = [], inNoClass: string[] = [], options: { asCoachOf?: string; prepare?: (b: InProcessApi, ids: Awaited<ReturnType<typeof seedClasses>>) => Promise<void> } = {}) {
  backend = await createInProcessApi();
  const ids = await seedClasses(backend, classes, inNoClass);
  await options.prepare?.(backend, ids);
  if (options.asCoachOf) {
    const room = ids.classIds[options.asCoachOf]!;
    await asAdmin(backend, async (api) => {
      const coach = must(await api.createEducator(COACH));
      must(await api.assignCoach({ educatorId: coach.id, classId: room }));
    });
    must(await backend.api.unlockEducator({ username: COACH.username, password: COACH.password }));
  } else {
    await unlockAdmin(backend);
  }
  const rendered = await startApp(backend);
  rendered.store.getState().goTo({ name: 'educator', panel: 'classes' });
  const panel = await screen.findByRole('tabpanel', { name: 'Classes' });
  if (classes.length > 0) await within(panel).findByRole('list', { name: 'Classes' });
  return { ...rendered, panel, ids, user: userEvent.setup(), backend };
}

const classesOf = async (b: InProcessApi) => must(await b.api.listClasses({}));
const editorOf = (panel: HTMLElement, name: string) => within(panel).getByRole('region', { name });
const statusText = (scope: HTMLElement) => within(scope).getAllByRole('status').map((s) => s.textContent);
const membersOf = async (b: InProcessApi, classId: string) => must(await b.api.getClassDetails({ classId })).learnerIds;

describe('classes: the admin', () => {
  it('makes a class, renames it, archives it after asking, and restores it; the picker follows', async () => {
    const { panel, store, user, backend: b } = await openClasses();
    expect(within(panel).getByText('There are no classes yet.')).toBeTruthy();
    await user.type(within(panel).getByLabelText('Class name'), '  Class 4B ');
    await user.click(within(panel).getByRole('radio', { name: 'Picture password' }));
    await user.click(within(panel).getByRole('button', { name: 'Make class' }));
    expect(await within(panel).findByText('Class Class 4B was made.')).toBeTruthy();
    expect(await classesOf(b)).toMatchObject([{ name: 'Class 4B', signInMethod: 'picture', archived: false }]);
    await waitFor(() => expect(store.getState().classes?.map((c) => c.name)).toEqual(['Class 4B']));
    expect((within(panel).getByLabelText('Class name') as HTMLInputElement).value).toBe('');

    // The new class opens for managing at once.
    const editor = editorOf(panel, 'Class 4B');
    const renameField = within(editor).getByLabelText('Name of the class');
    await user.clear(renameField);
    await user.type(renameField, 'Class 4C');
    await user.click(within(editor).getByRole('button', { name: 'Rename' }));
    expect(await within(panel).findByText('Renamed to Class 4C.')).toBeTruthy();
    expect((await classesOf(b)).map((c) => c.name)).toEqual(['Class 4C']);
    await waitFor(() => expect(store.getState().classes?.map((c) => c.name)).toEqual(['Class 4C']));
    expect(within(within(panel).getByRole('list', { name: 'Classes' })).getByRole('button', { name: 'Manage Class 4C' })).toBeTruthy();

    // Archiving asks first; Cancel changes nothing and gives focus back.
    const archive = within(panel).getByRole('button', { name: 'Archive class' });
    await user.click(archive);
    const confirm = within(panel).getByRole('group', { name: 'Archive Class 4C?' });
    expect(confirm.textContent).toContain('No learner and no record is deleted');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Archive class' })));
    expect((await classesOf(b))[0]?.archived).toBe(false);

    await user.click(within(panel).getByRole('button', { name: 'Archive class' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, archive it' }));
    expect(await within(panel).findByText(/^The class is archived: it is hidden from the learner picker/)).toBeTruthy();
    expect((await classesOf(b))[0]?.archived).toBe(true);
    await waitFor(() => expect(store.getState().classes).toEqual([]));
    const item = within(panel).getByRole('button', { name: 'Manage Class 4C' }).closest('li') as HTMLElement;
    expect(within(item).getByText('archived')).toBeTruthy();
    expect(within(panel).getByText('This class is archived. Restore it to use it again.')).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Restore class' }));
    expect(await within(panel).findByText('The class is back in the learner picker.')).toBeTruthy();
    expect((await classesOf(b))[0]?.archived).toBe(false);
    await waitFor(() => expect(store.getState().classes?.map((c) => c.name)).toEqual(['Class 4C']));
  });

  it('says plainly what is wrong with an empty name, and changes nothing', async () => {
    const { panel, user, backend: b } = await openClasses([{ name: 'Class 4B', learners: [] }]);
    await user.type(within(panel).getByLabelText('Class name'), '   ');
    await user.click(within(panel).getByRole('button', { name: 'Make class' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe('Type a name for the class.');
    expect(document.activeElement).toBe(within(panel).getByLabelText('Class name'));
    expect(within(panel).getByLabelText('Class name').getAttribute('aria-invalid')).toBe('true');

    const editor = editorOf(panel, 'Class 4B');
    await user.clear(within(editor).getByLabelText('Name of the class'));
    await user.click(within(editor).getByRole('button', { name: 'Rename' }));
    expect(within(editor).getByRole('alert').textContent).toBe('Type a name for the class.');
    expect((await classesOf(b)).map((c) => c.name)).toEqual(['Class 4B']);
    expect(within(panel).queryByText(/was made|Renamed/)).toBeNull();
  });

  it('changes how the learners of a class sign in, with the keyboard', async () => {
    const { panel, user, ids, backend: b } = await openClasses([{ name: 'Class 4B', learners: ['Amara'] }]);
    const editor = editorOf(panel, 'Class 4B');
    expect(within(editor).getByText('Now: Pick their name.')).toBeTruthy();
    const pin = within(editor).getByRole('radio', { name: '4-digit PIN' });
    // Each choice says what it means for the children.
    expect(pin.getAttribute('aria-describedby')).toBeTruthy();
    await tabTo(user, within(editor).getByRole('radio', { name: 'Pick their name' }));
    await user.keyboard('{ArrowDown}');
    expect((pin as HTMLInputElement).checked).toBe(true);
    await tabTo(user, within(editor).getByRole('button', { name: 'Save sign-in method' }));
    await user.keyboard('{Enter}');
    expect(await within(editor).findByText('Learners of this class now sign in with: 4-digit PIN.')).toBeTruthy();
    expect(must(await b.api.getClassDetails({ classId: ids.classIds['Class 4B']! })).signInMethod).toBe('pin');
    expect(must(await b.api.getLearnerSignIn({ learnerId: ids.learnerIds.Amara! }))).toMatchObject({ method: 'pin', secretSet: false });
  });

  it('adds learners (ticked, found by name) and removes one after asking', async () => {
    const { panel, user, ids, backend: b } = await openClasses(
      [
        { name: 'Class 4B', learners: ['Amara'] },
        { name: 'Class 5A', learners: ['Dan'] },
      ],
      ['Ben', 'Chloé'],
    );
    const room = ids.classIds['Class 4B']!;
    await user.click(within(panel).getByRole('button', { name: 'Manage Class 4B' }));
    const editor = editorOf(panel, 'Class 4B');
    const adding = within(editor).getByRole('group', { name: 'Learners you can add' });
    expect(within(adding).getAllByRole('checkbox').map((c) => (c as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Ben', 'Chloé', 'Dan']);
    expect(within(adding).getByText('in Class 5A')).toBeTruthy();

    await user.click(within(editor).getByRole('button', { name: 'Add learners' }));
    expect(within(editor).getByRole('alert').textContent).toBe('Tick at least one learner first.');
    expect(await membersOf(b, room)).toEqual([ids.learnerIds.Amara]);

    await user.type(within(editor).getByLabelText('Find a learner'), 'be');
    expect(within(adding).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(within(adding).getByRole('checkbox', { name: 'Ben' }));
    await user.clear(within(editor).getByLabelText('Find a learner'));
    await user.click(within(adding).getByRole('checkbox', { name: 'Dan' }));
    await user.click(within(editor).getByRole('button', { name: 'Add 2 learners' }));
    expect(await within(editor).findByText('2 learners were added.')).toBeTruthy();
    expect(new Set(await membersOf(b, room))).toEqual(new Set([ids.learnerIds.Amara, ids.learnerIds.Ben, ids.learnerIds.Dan]));
    // An admin may put a learner in a second class: Dan stays in Class 5A.
    expect(await membersOf(b, ids.classIds['Class 5A']!)).toEqual([ids.learnerIds.Dan]);
    const members = within(editor).getByRole('table', { name: 'Learners in Class 4B' });
    expect(within(members).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Amara', 'Ben', 'Dan']);
    expect(within(panel).getByRole('button', { name: 'Manage Class 4B' }).closest('li')?.textContent).toContain('3 learners');

    await user.click(within(members).getByRole('button', { name: 'Remove Amara from this class' }));
    const confirm = within(editor).getByRole('group', { name: 'Take Amara out of this class?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await membersOf(b, room)).toContain(ids.learnerIds.Amara);
    await user.click(within(members).getByRole('button', { name: 'Remove Amara from this class' }));
    await user.click(within(editor).getByRole('button', { name: 'Yes, take them out' }));
    expect(await within(editor).findByText('Amara was taken out of this class. Their records are kept.')).toBeTruthy();
    expect(await membersOf(b, room)).not.toContain(ids.learnerIds.Amara);
    expect(must(await b.api.getLearnerSignIn({ learnerId: ids.learnerIds.Amara! })).displayName).toBe('Amara');
    await waitFor(() => expect(within(members).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Ben', 'Dan']));
  });

  it('sets a PIN for a learner, then resets it after asking; the learner then chooses a new one', async () => {
    const { panel, user, ids, backend: b } = await openClasses([{ name: 'Class 4B', signInMethod: 'pin', learners: ['Amara'] }]);
    const amara = ids.learnerIds.Amara!;
    const editor = editorOf(panel, 'Class 4B');
    await user.click(within(editor).getByRole('button', { name: 'Set a PIN for Amara' }));
    const field = within(editor).getByLabelText('New PIN for Amara (4 digits)');
    expect(document.activeElement).toBe(field);
    await user.type(field, '12a');
    await user.click(within(editor).getByRole('button', { name: 'Save PIN' }));
    expect(within(editor).getByRole('alert').textContent).toBe('A PIN is exactly 4 digits.');
    expect(must(await b.api.getLearnerSignIn({ learnerId: amara })).secretSet).toBe(false);
    await user.clear(field);
    await user.type(field, '2468');
    await user.click(within(editor).getByRole('button', { name: 'Save PIN' }));
    expect(await within(editor).findByText('Amara’s PIN is set. Tell them the new PIN privately.')).toBeTruthy();
    expect(must(await b.api.getLearnerSignIn({ learnerId: amara }))).toMatchObject({ method: 'pin', secretSet: true });

    await user.click(within(editor).getByRole('button', { name: 'Reset sign-in for Amara' }));
    const confirm = within(editor).getByRole('group', { name: 'Reset sign-in for Amara?' });
    expect(confirm.textContent).toContain('Their work is not touched.');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, reset it' }));
    expect(await within(editor).findByText('Done. Amara chooses a new PIN or pictures the next time they sign in.')).toBeTruthy();
    expect(must(await b.api.getLearnerSignIn({ learnerId: amara }))).toMatchObject({ method: 'pin', secretSet: false });
    // The old PIN is forgotten: the next sign-in chooses a new one (this ends the educator's session).
    expect(must(await b.api.signInLearner({ learnerId: amara, secret: { kind: 'pin', pin: '1357' } }))).toMatchObject({ secretCreated: true });
  });

  it('assigns a coach to a class and takes them off again', async () => {
    const { panel, user, ids, backend: b } = await openClasses([{ name: 'Class 4B', learners: [] }], [], {
      prepare: (be) => asAdmin(be, async (api) => void must(await api.createEducator(COACH))),
    });
    const editor = editorOf(panel, 'Class 4B');
    expect(await within(editor).findByText('No coach looks after this class yet. Admins can always see it.')).toBeTruthy();
    expect((within(editor).getByLabelText('Coach to add') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Mr Banda');
    await user.click(within(editor).getByRole('button', { name: 'Add coach' }));
    expect(await within(editor).findByText('Mr Banda now looks after this class.')).toBeTruthy();
    const coachOf = async () => must(await b.api.listEducators({})).find((e) => e.username === COACH.username)?.classIds;
    expect(await coachOf()).toEqual([ids.classIds['Class 4B']]);
    expect(within(editor).getByText('Every coach already looks after this class. Make new coaches under Educators.')).toBeTruthy();

    const coaches = within(editor).getByRole('table', { name: 'Coaches of Class 4B' });
    await user.click(within(coaches).getByRole('button', { name: 'Take Mr Banda off this class' }));
    expect(await within(editor).findByText('Mr Banda no longer looks after this class.')).toBeTruthy();
    expect(await coachOf()).toEqual([]);
  });

  it('shows a storage failure in words a teacher can act on, and tries again', async () => {
    const { panel, user, backend: b } = await openClasses([{ name: 'Class 4B', learners: [] }]);
    b.failWrites(true);
    await user.type(within(panel).getByLabelText('Class name'), 'Class 5A');
    await user.click(within(panel).getByRole('button', { name: 'Make class' }));
    const alert = await within(panel).findByRole('alert');
    // The teacher's words, not the database's.
    expect(within(alert).getByText('The app could not read its database just now. Check that the computer has free disk space, then try again.')).toBeTruthy();
    expect(alert.textContent).not.toMatch(/SQLITE|readonly|Error:/i);
    b.failWrites(false);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findByText('Class Class 5A was made.')).toBeTruthy();
    expect((await classesOf(b)).map((c) => c.name)).toEqual(['Class 4B', 'Class 5A']);
  });
});

describe('classes: a coach', () => {
  it('sees only their class, without the admin-only controls, and adds a learner who is in no class', async () => {
    const { panel, user, ids, backend: b } = await openClasses(
      [
        { name: 'Class 4B', learners: ['Amara'] },
        { name: 'Class 5A', learners: ['Dan'] },
      ],
      ['Ben'],
      { asCoachOf: 'Class 4B' },
    );
    expect(within(panel).getByText(/^The classes you look after\./)).toBeTruthy();
    const list = within(panel).getByRole('list', { name: 'Classes' });
    expect(within(list).getAllByRole('button').map((x) => x.textContent)).toEqual(['Manage Class 4B']);
    const editor = editorOf(panel, 'Class 4B');
    for (const adminOnly of ['Make class', 'Rename', 'Archive class', 'Add coach']) expect(within(panel).queryByRole('button', { name: adminOnly })).toBeNull();
    expect(within(panel).queryByLabelText('Class name')).toBeNull();
    expect(within(panel).queryByRole('heading', { name: 'Coaches of this class' })).toBeNull();
    expect(within(editor).getByRole('button', { name: 'Save sign-in method' })).toBeTruthy();
    expect(within(editor).getByRole('button', { name: 'Reset sign-in for Amara' })).toBeTruthy();

    const adding = within(editor).getByRole('group', { name: 'Learners you can add' });
    expect(within(adding).getAllByRole('checkbox').map((c) => (c as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Ben']);
    await user.click(within(adding).getByRole('checkbox', { name: 'Ben' }));
    await user.click(within(editor).getByRole('button', { name: 'Add 1 learner' }));
    expect(await within(editor).findByText('1 learner was added.')).toBeTruthy();
    expect(new Set(await membersOf(b, ids.classIds['Class 4B']!))).toEqual(new Set([ids.learnerIds.Amara, ids.learnerIds.Ben]));
    expect(statusText(editor).some((s) => s?.includes('added'))).toBe(true);
  });
});
