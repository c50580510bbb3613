import { useId, type KeyboardEvent, type Ref } from 'react';
import { text } from '../../i18n';

export const PIN_LENGTH = 4;
export const PIN_FIELD_ID = 'pin-field';
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

interface PinPadProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  /** `viaButton`: the change came from an on-screen button, so it is announced (the field speaks for itself). */
  onChange(value: string, viaButton: boolean): void;
  label: string;
  hint: string;
  /** While locked out or checking: everything stays focusable, nothing changes. */
  disabled: boolean;
}

/**
 * Four digits, masked: typed on the keyboard into the field, or with the big buttons (and digits
 * typed while a button has focus go in too). Enter in the field, or Go, sends them.
 */
export function PinPad({ ref, value, onChange, label, hint, disabled }: PinPadProps) {
  const hintId = useId();
  const push = (digit: string) => {
    if (!disabled && value.length < PIN_LENGTH) onChange(value + digit, true);
  };
  const pop = () => {
    if (!disabled && value.length > 0) onChange(value.slice(0, -1), true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.altKey || event.metaKey) return;
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      push(event.key);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      pop();
    }
  };
  const off = disabled || undefined;
  return (
    <div className="pin-pad" onKeyDown={onKeyDown}>
      <label htmlFor={PIN_FIELD_ID} className="pad-title">
        {label}
      </label>
      <p id={hintId} className="muted">
        {hint}
      </p>
      <input
        ref={ref}
        id={PIN_FIELD_ID}
        className="pin-field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_LENGTH}
        value={value}
        readOnly={disabled}
        aria-disabled={off}
        aria-describedby={hintId}
        onChange={(e) => {
          if (!disabled) onChange(e.target.value.replace(/\D/g, '').slice(0, PIN_LENGTH), false);
        }}
      />
      <div role="group" aria-label={text.signIn.pin.padLabel} className="pin-keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className={digit === '0' ? 'pin-key pin-key-zero' : 'pin-key'} aria-disabled={off} onClick={() => push(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="pin-key pin-key-delete" aria-label={text.signIn.pin.deleteLabel} aria-disabled={off} onClick={pop}>
          {text.signIn.pin.delete}
        </button>
      </div>
    </div>
  );
}
