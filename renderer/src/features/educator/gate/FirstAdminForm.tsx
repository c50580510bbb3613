import { useRef, useState, type FormEvent } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { againProblem, collectProblems, displayNameProblem, newPasswordProblem, usernameProblem, type FieldProblems } from './account-checks';
import { FormField } from './FormField';

const t = text.educator.gate;
type Field = 'username' | 'displayName' | 'password' | 'passwordAgain';

/** Only while the machine has no educator: the first account, an admin, unlocked at once. */
export function FirstAdminForm() {
  const setUpFirstAdmin = useAppStore((s) => s.setUpFirstAdmin);
  const [values, setValues] = useState<Record<Field, string>>({ username: '', displayName: '', password: '', passwordAgain: '' });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { username: useRef<HTMLInputElement>(null), displayName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), passwordAgain: useRef<HTMLInputElement>(null) };
  const change = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const show = (found: FieldProblems<Field>) => {
    setProblems(found);
    const first = (['username', 'displayName', 'password', 'passwordAgain'] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const found = collectProblems<Field>([
      ['username', usernameProblem(values.username)],
      ['displayName', displayNameProblem(values.displayName)],
      ['password', newPasswordProblem(values.password)],
      ['passwordAgain', againProblem(values.password, values.passwordAgain)],
    ]);
    show(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await setUpFirstAdmin({ username: values.username.trim(), displayName: values.displayName.trim(), password: values.password });
    // Unlocked: this form is gone, the tools show instead.
    if (outcome.kind === 'unlocked') return;
    setBusy(false);
    if (outcome.kind === 'wrong' && (outcome.field === 'username' || outcome.field === 'displayName' || outcome.field === 'password')) show({ [outcome.field]: outcome.message });
    else setFailure(outcome.kind === 'failed' && outcome.code !== 'storage' ? outcome.message : t.failed);
  };

  return (
    <section className="card gate-card" aria-labelledby="setup-title">
      <h2 id="setup-title">{t.setupTitle}</h2>
      <p>{t.setupIntro}</p>
      <form className="gate-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField ref={refs.username} label={t.username} hint={t.usernameHint} error={problems.username} value={values.username} onChange={(e) => change('username')(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        <FormField ref={refs.displayName} label={t.displayName} error={problems.displayName} value={values.displayName} onChange={(e) => change('displayName')(e.target.value)} autoComplete="name" />
        <FormField ref={refs.password} type="password" label={t.password} hint={t.passwordRules} error={problems.password} value={values.password} onChange={(e) => change('password')(e.target.value)} autoComplete="new-password" />
        <FormField ref={refs.passwordAgain} type="password" label={t.passwordAgain} error={problems.passwordAgain} value={values.passwordAgain} onChange={(e) => change('passwordAgain')(e.target.value)} autoComplete="new-password" />
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t.settingUp : t.setupButton}
        </button>
      </form>
    </section>
  );
}
