import { useRef, useState, type FormEvent } from 'react';
import { callChannel, DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { againProblem, collectProblems, newPasswordProblem, type FieldProblems } from './account-checks';
import { FormField } from './FormField';

const t = text.educator.gate;
type Field = 'currentPassword' | 'newPassword' | 'newPasswordAgain';
const FIELDS: readonly Field[] = ['currentPassword', 'newPassword', 'newPasswordAgain'];

/** An educator changes their own password; the current one is asked again, so a passer-by cannot. */
export function OwnPasswordForm({ onDone }: { onDone: () => void }) {
  const api = useAppStore((s) => s.api);
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', newPasswordAgain: '' });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { currentPassword: useRef<HTMLInputElement>(null), newPassword: useRef<HTMLInputElement>(null), newPasswordAgain: useRef<HTMLInputElement>(null) };
  const change = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const show = (found: FieldProblems<Field>) => {
    setProblems(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    const found = collectProblems<Field>([
      ['currentPassword', values.currentPassword === '' ? t.passwordMissing : null],
      ['newPassword', newPasswordProblem(values.newPassword)],
      ['newPasswordAgain', againProblem(values.newPassword, values.newPasswordAgain)],
    ]);
    show(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await callChannel(api, 'changeOwnPassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: '', newPassword: '', newPasswordAgain: '' });
      setResult({ ok: true, message: t.ownPasswordSaved });
    } catch (error) {
      const field = error instanceof DalaCallError ? error.field : undefined;
      if (error instanceof DalaCallError && error.code === 'invalid_input' && (field === 'currentPassword' || field === 'newPassword')) show({ [field]: error.message });
      else setResult({ ok: false, message: error instanceof DalaCallError && error.code !== 'storage' ? error.message : t.failed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card gate-card" aria-labelledby="own-password-title">
      <h2 id="own-password-title">{t.ownPasswordTitle}</h2>
      <form className="gate-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField ref={refs.currentPassword} type="password" label={t.currentPassword} error={problems.currentPassword} value={values.currentPassword} onChange={(e) => change('currentPassword')(e.target.value)} autoComplete="current-password" />
        <FormField ref={refs.newPassword} type="password" label={t.newPassword} hint={t.passwordRules} error={problems.newPassword} value={values.newPassword} onChange={(e) => change('newPassword')(e.target.value)} autoComplete="new-password" />
        <FormField ref={refs.newPasswordAgain} type="password" label={t.newPasswordAgain} error={problems.newPasswordAgain} value={values.newPasswordAgain} onChange={(e) => change('newPasswordAgain')(e.target.value)} autoComplete="new-password" />
        {result && (
          <p className={result.ok ? 'result-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t.saveOwnPassword}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t.closeChangePassword}
          </button>
        </div>
      </form>
    </section>
  );
}
