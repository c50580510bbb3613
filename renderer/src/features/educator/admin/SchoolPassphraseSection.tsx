import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { newPassphraseProblem, passphraseAgainProblem } from '../../transfer/passphrase-checks';
import type { PassphraseProblems } from '../../transfer/use-file-protection';
import { FormField } from '../gate/FormField';
import { ActionStatus } from './ActionStatus';
import { clearPasswords, takePasswords } from './password-fields';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.settings.schoolPassphrase;

/**
 * The school transfer passphrase: whether one is set (never what it is), setting or changing it
 * (typed twice, the same rules as any file's passphrase), and removing it after asking.
 */
export function SchoolPassphraseSection() {
  const action = useAdminAction();
  const isSet = useAppStore((s) => s.schoolPassphraseSet);
  const load = useAppStore((s) => s.loadTransferPassphraseSetting);
  const changed = useAppStore((s) => s.schoolPassphraseChanged);
  const [problems, setProblems] = useState<PassphraseProblems>({});
  const [removing, setRemoving] = useState(false);
  const [read, setRead] = useState(false);
  const headingId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const refs = { passphrase: useRef<HTMLInputElement>(null), passphraseAgain: useRef<HTMLInputElement>(null) };

  useEffect(() => {
    void load().finally(() => setRead(true));
  }, [load]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const passphrase = refs.passphrase.current?.value ?? '';
    const first = newPassphraseProblem(passphrase);
    const again = first ? undefined : passphraseAgainProblem(passphrase, refs.passphraseAgain.current?.value ?? '');
    setProblems({ passphrase: first, passphraseAgain: again });
    if (first || again) {
      if (again) clearPasswords(refs.passphrase, refs.passphraseAgain);
      refs.passphrase.current?.focus();
      action.show({ ok: false, message: t.notSaved });
      return;
    }
    takePasswords(refs.passphrase, refs.passphraseAgain);
    const wasSet = isSet === true;
    await action.perform(async (call) => {
      changed((await call('setSchoolTransferPassphrase', { passphrase })).schoolPassphraseSet);
      return wasSet ? t.changedDone : t.setDone;
    });
  };
  const remove = async () => {
    setRemoving(false);
    requestAnimationFrame(() => statusRef.current?.focus());
    await action.perform(async (call) => {
      changed((await call('setSchoolTransferPassphrase', { passphrase: null })).schoolPassphraseSet);
      return t.removed;
    });
  };

  const state = isSet === null ? (read ? t.unknown : t.loading) : isSet ? t.isSet : t.notSet;
  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <p>
        <strong>{state}</strong>
      </p>
      <form className="admin-form" onSubmit={(e) => void save(e)} noValidate>
        <FormField ref={refs.passphrase} type="password" label={isSet ? t.newLabel : t.label} hint={text.transfer.protection.passphraseRules} error={problems.passphrase} autoComplete="new-password" spellCheck={false} />
        <FormField ref={refs.passphraseAgain} type="password" label={t.again} error={problems.passphraseAgain} autoComplete="new-password" spellCheck={false} />
        <button type="submit" className="button button-primary" aria-disabled={action.busy || undefined}>
          {isSet ? t.change : t.set}
        </button>
      </form>
      {isSet && !removing && (
        <button type="button" className="button button-danger" onClick={() => setRemoving(true)} disabled={action.busy}>
          {t.removeAsk}
        </button>
      )}
      {removing && (
        <ConfirmBox title={t.removeConfirmTitle} confirmLabel={t.removeConfirmYes} onConfirm={() => void remove()} onCancel={() => setRemoving(false)}>
          <p>{t.removeConfirmText}</p>
        </ConfirmBox>
      )}
      <ActionStatus ref={statusRef} busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </section>
  );
}
