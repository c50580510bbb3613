import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { text } from '../../i18n';
import { FormField } from '../educator/gate/FormField';
import type { CallFailure } from './use-transfer-call';
import './transfer.css';

const t = text.transfer;

/**
 * Asks for the passphrase of a protected file that was chosen, dropped or opened: the field has
 * focus at once, Enter tries it, and a wrong one says so (nothing was changed) and is emptied to be
 * typed again. The main process still holds the file, so the same file is tried again.
 */
export function PassphrasePrompt(props: { fileName: string; problem: CallFailure; busy: boolean; onSubmit(passphrase: string): void; onCancel(): void }) {
  const { fileName, problem, busy, onSubmit, onCancel } = props;
  const titleId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [empty, setEmpty] = useState(false);
  const wrong = problem.code === 'wrong_passphrase';
  // The handlers word why they ask ("…not the school passphrase…"); the panel's words otherwise.
  const said = problem.message.trim() || t.errors[problem.code];

  useEffect(() => {
    // Each answer (a wrong passphrase again) starts from an empty field with the cursor in it.
    if (field.current) field.current.value = '';
    field.current?.focus();
  }, [problem]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const passphrase = field.current?.value ?? '';
    setEmpty(passphrase === '');
    if (passphrase === '') {
      field.current?.focus();
      return;
    }
    onSubmit(passphrase);
  };

  return (
    <form className="passphrase-prompt" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h4 id={titleId}>{t.protection.promptTitle(fileName)}</h4>
      <FormField
        ref={field}
        type="password"
        label={t.protection.promptLabel}
        hint={wrong ? undefined : said}
        error={empty ? t.protection.promptEmpty : wrong ? said : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t.protection.promptButton}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <p className="call-status" role="status">
        {busy ? t.protection.promptTrying : ''}
      </p>
    </form>
  );
}
