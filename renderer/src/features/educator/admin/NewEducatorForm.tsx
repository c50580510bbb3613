import { useRef, useState, type FormEvent } from 'react';
import type { EducatorRole, EducatorView } from '../../../../../electron/common/accounts';
import { DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';
import { againProblem, collectProblems, displayNameProblem, newPasswordProblem, usernameProblem, type FieldProblems } from '../gate/account-checks';
import { FormField } from '../gate/FormField';
import { ActionStatus } from './ActionStatus';
import { failureText } from './failure-text';
import { takePasswords } from './password-fields';
import { RoleChoice } from './RoleChoice';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.educators;
const gate = text.educator.gate;
type Field = 'username' | 'displayName' | 'password' | 'passwordAgain';
const FIELDS: readonly Field[] = ['username', 'displayName', 'password', 'passwordAgain'];

/** A new coach or admin: username, name, role and a password typed twice (checked here and again in main). */
export function NewEducatorForm({ onCreated }: { onCreated(view: EducatorView): void }) {
  const action = useAdminAction();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<EducatorRole>('coach');
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const refs = { username: useRef<HTMLInputElement>(null), displayName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), passwordAgain: useRef<HTMLInputElement>(null) };

  const show = (found: FieldProblems<Field>) => {
    setProblems(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const password = refs.password.current?.value ?? '';
    const again = refs.passwordAgain.current?.value ?? '';
    const found = collectProblems<Field>([
      ['username', usernameProblem(username)],
      ['displayName', displayNameProblem(displayName) && t.nameMissing],
      ['password', newPasswordProblem(password)],
      ['passwordAgain', againProblem(password, again)],
    ]);
    if (Object.keys(found).length > 0) {
      // A password that was refused is typed again from scratch; a good one may stay in its field.
      if (found.password || found.passwordAgain) takePasswords(refs.password, refs.passwordAgain);
      action.show(null);
      show(found);
      return;
    }
    setProblems({});
    takePasswords(refs.password, refs.passwordAgain);
    const made = await action.perform(
      async (call) => {
        const view = await call('createEducator', { username: username.trim(), displayName: displayName.trim(), role, password });
        onCreated(view);
        return t.created(view.displayName);
      },
      (error) => {
        const message = failureText(error);
        // "There is already an educator called …": said under the field it is about.
        if (error instanceof DalaCallError && error.field === 'username') show({ username: message });
        return message;
      },
    );
    if (made) {
      setUsername('');
      setDisplayName('');
      setRole('coach');
    }
  };

  return (
    <section className="card admin-card" aria-labelledby="new-educator-title">
      <h3 id="new-educator-title">{t.createTitle}</h3>
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField ref={refs.username} label={gate.username} hint={gate.usernameHint} error={problems.username} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        <FormField ref={refs.displayName} label={t.newName} error={problems.displayName} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        <RoleChoice value={role} onChange={setRole} />
        <FormField ref={refs.password} type="password" label={gate.password} hint={gate.passwordRules} error={problems.password} autoComplete="new-password" />
        <FormField ref={refs.passwordAgain} type="password" label={gate.passwordAgain} error={problems.passwordAgain} autoComplete="new-password" />
        <button type="submit" className="button button-primary" aria-disabled={action.busy || undefined}>
          {t.createButton}
        </button>
      </form>
      <ActionStatus busy={action.busy} busyText={t.creating} outcome={action.outcome} />
    </section>
  );
}
