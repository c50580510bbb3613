import { useId } from 'react';
import { SIGN_IN_METHODS, type SignInMethod } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';

const t = text.educator.classes;

/** The three ways a class signs in, each with what it means for the children, as radio buttons. */
export function SignInMethodChoice(props: { value: SignInMethod; onChange(method: SignInMethod): void; disabled?: boolean }) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend>{t.signInLegend}</legend>
      {SIGN_IN_METHODS.map((method) => {
        const id = `${name}-${method}`;
        return (
          <div key={method} className="policy-option">
            <input
              type="radio"
              id={id}
              name={name}
              value={method}
              checked={props.value === method}
              onChange={() => props.onChange(method)}
              disabled={props.disabled}
              aria-describedby={`${id}-help`}
            />
            <label htmlFor={id}>{t.methods[method].label}</label>
            <p id={`${id}-help`} className="policy-help">
              {t.methods[method].help}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
