import { useEffect, useId, useRef, type ReactNode } from 'react';
import { text } from '../../i18n';

/**
 * Asks before something that changes many records: what will happen, a clearly named yes, and
 * Cancel. Focus moves to its title so keyboard and screen-reader users are told at once.
 */
export function ConfirmBox(props: { title: string; children: ReactNode; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="confirm-box" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {props.title}
      </h3>
      {props.children}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {text.transfer.cancel}
        </button>
      </div>
    </div>
  );
}
