import { useId, useRef, useState, type FormEvent } from 'react';
import type { EducatorView } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { againProblem, collectProblems, newPasswordProblem, type FieldProblems } from '../gate/account-checks';
import { FormField } from '../gate/FormField';
import { ActionStatus } from './ActionStatus';
import { clearPasswords, takePasswords } from './password-fields';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.educators;
const gate = text.educator.gate;
type Field = 'password' | 'passwordAgain';

/** A new password for someone who forgot theirs: typed twice, then confirmed, as it locks the old one out. */
export function ResetPasswordForm({ educator }: { educator: EducatorView }) {
  const action = useAdminAction();
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const refs = { password: useRef<HTMLInputElement>(null), passwordAgain: useRef<HTMLInputElement>(null) };

  /** The form's own checks; a refused password is emptied so it is typed again from scratch. */
  const check = (): boolean => {
    const password = refs.password.current?.value ?? '';
    const found = collectProblems<Field>([
      ['password', newPasswordProblem(password)],
      ['passwordAgain', againProblem(password, refs.passwordAgain.current?.value ?? '')],
    ]);
    setProblems(found);
    if (Object.keys(found).length === 0) return true;
    clearPasswords(refs.password, refs.passwordAgain);
    refs.password.current?.focus();
    return false;
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    action.show(null);
    if (check()) setConfirming(true);
  };

  const reset = async () => {
    setConfirming(false);
    if (!check()) return;
    const [password = ''] = takePasswords(refs.password, refs.passwordAgain);
    requestAnimationFrame(() => statusRef.current?.focus());
    await action.perform(async (call) => {
      await call('resetEducatorPassword', { educatorId: educator.id, password });
      return t.resetDone(educator.displayName);
    });
  };

  const cancel = () => {
    setConfirming(false);
    clearPasswords(refs.password, refs.passwordAgain);
    action.show({ ok: true, message: t.resetRetype });
    refs.password.current?.focus();
  };

  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.resetTitle}</h4>
      <form className="admin-form" onSubmit={ask} noValidate>
        <FormField ref={refs.password} type="password" label={gate.newPassword} hint={gate.passwordRules} error={problems.password} autoComplete="new-password" readOnly={confirming} />
        <FormField ref={refs.passwordAgain} type="password" label={gate.newPasswordAgain} error={problems.passwordAgain} autoComplete="new-password" readOnly={confirming} />
        {!confirming && (
          <button type="submit" className="button" aria-disabled={action.busy || undefined}>
            {t.resetAsk}
          </button>
        )}
      </form>
      {confirming && (
        <ConfirmBox title={t.resetConfirmTitle(educator.displayName)} confirmLabel={t.resetConfirmYes} onConfirm={() => void reset()} onCancel={cancel}>
          <p>{t.resetConfirmText(educator.displayName)}</p>
        </ConfirmBox>
      )}
      <ActionStatus ref={statusRef} busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </section>
  );
}
