import { useId } from 'react';
import { EDUCATOR_ROLES, type EducatorRole } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';

const t = text.educator.admin.educators;

/** Coach or admin, each with what it may do, as radio buttons (arrow keys move between them). */
export function RoleChoice(props: { value: EducatorRole; onChange(role: EducatorRole): void; disabled?: boolean; legend?: string }) {
  const name = useId();
  return (
    <fieldset className="choice-group" disabled={props.disabled}>
      <legend>{props.legend ?? t.roleLegend}</legend>
      {[...EDUCATOR_ROLES].reverse().map((role) => (
        <div className="policy-option" key={role}>
          <input
            type="radio"
            id={`${name}-${role}`}
            name={name}
            value={role}
            checked={props.value === role}
            onChange={() => props.onChange(role)}
            aria-describedby={`${name}-${role}-help`}
          />
          <label htmlFor={`${name}-${role}`}>{t.roles[role].label}</label>
          <p className="policy-help" id={`${name}-${role}-help`}>
            {t.roles[role].help}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
