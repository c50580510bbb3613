import { forwardRef, useId, type InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> {
  label: string;
  /** What is wrong with the value: announced at once, and read again with the field. */
  error?: string | null;
}

/** One labelled input of the classes panel; its error is tied to it and said as an alert. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, error, className, ...input }, ref) {
  const id = useId();
  return (
    <div className={`form-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input ref={ref} id={id} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} {...input} />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
