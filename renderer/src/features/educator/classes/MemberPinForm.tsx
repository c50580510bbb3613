import { useEffect, useRef, useState, type FormEvent } from 'react';
import { text } from '../../../i18n';
import { pinProblem } from './class-checks';
import { TextField } from './TextField';

const t = text.educator.classes;

/** A new 4-digit PIN for one learner, typed by the teacher (who then tells the learner privately). */
export function MemberPinForm(props: { learnerName: string; busy: boolean; onSave(pin: string): void; onCancel(): void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  // Opened from a row's button: the keyboard goes straight to the field.
  useEffect(() => pinRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.busy) return;
    const problem = pinProblem(pin);
    setError(problem);
    if (problem) {
      pinRef.current?.focus();
      return;
    }
    props.onSave(pin);
  };

  return (
    <form className="card member-pin-form" aria-label={t.setPinLabel(props.learnerName)} onSubmit={submit} noValidate>
      <TextField
        ref={pinRef}
        label={t.pinField(props.learnerName)}
        error={error}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\s/g, ''))}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        className="pin-field"
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={props.busy || undefined}>
          {t.savePin}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
