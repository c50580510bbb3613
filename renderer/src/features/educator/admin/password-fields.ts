import type { RefObject } from 'react';

/**
 * Passwords stay in their (uncontrolled) fields, never in React state: read once when the form is
 * sent, then the fields are emptied.
 */
export function takePasswords(...fields: Array<RefObject<HTMLInputElement | null>>): string[] {
  return fields.map((field) => {
    const value = field.current?.value ?? '';
    if (field.current) field.current.value = '';
    return value;
  });
}

export function clearPasswords(...fields: Array<RefObject<HTMLInputElement | null>>): void {
  for (const field of fields) if (field.current) field.current.value = '';
}
