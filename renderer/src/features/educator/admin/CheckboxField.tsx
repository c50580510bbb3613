import { useId } from 'react';

/** One labelled checkbox with its explanation read with it. */
export function CheckboxField(props: { label: string; hint?: string; checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="replace-option admin-checkbox">
      <input id={id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p id={`${id}-hint`} className="policy-help">
          {props.hint}
        </p>
      )}
    </div>
  );
}
