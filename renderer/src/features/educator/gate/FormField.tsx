import { forwardRef, useId, type InputHTMLAttributes } from 'react';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> {
  label: string;
  /** Shown under the label, read with the field (rules, an example). */
  hint?: string;
  /** What is wrong with the value; the field is marked invalid and the message read with it. */
  error?: string | null;
}

/**
 * One labelled input of an educator form: the hint and the error are tied to it with
 * aria-describedby, so a screen reader says them when the field gets focus.
 */
export const FormField = forwardRef<HTMLInputElement, FormFieldProps>(function FormField({ label, hint, error, className, ...input }, ref) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input ref={ref} id={id} aria-describedby={described || undefined} aria-invalid={error ? true : undefined} {...input} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
});
