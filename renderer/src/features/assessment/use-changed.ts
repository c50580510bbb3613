import { useEffect, useRef } from 'react';

/**
 * Runs `onChange` after a render in which `value` changed (never on the first render, and safe
 * under StrictMode's double effects). Used to move focus when a step or a game phase changes.
 */
export function useChanged<T>(value: T, onChange: (value: T) => void): void {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    onChange(value);
  });
}
