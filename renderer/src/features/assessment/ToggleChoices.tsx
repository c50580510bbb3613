import { useId, useRef } from 'react';
import { ContentIcon } from '../../components/ContentIcon';

export interface ToggleItem {
  id: string;
  /** What is saved and shown. */
  label: string;
  /** A bundled icon id; decorative, as the label says what it is. */
  icon?: string;
  description?: string;
}

interface ToggleChoicesProps {
  legend: string;
  items: ToggleItem[];
  /** Labels the database has confirmed as picked. */
  selected: ReadonlySet<string>;
  onToggle(label: string, pick: boolean): Promise<void>;
}

/**
 * A group of toggle buttons (aria-pressed). A button shows "picked" only once the database has the
 * answer; a second press while its save is running is ignored, so one press is one save.
 */
export function ToggleChoices({ legend, items, selected, onToggle }: ToggleChoicesProps) {
  const pending = useRef(new Set<string>());
  const baseId = useId();
  const toggle = async (label: string) => {
    if (pending.current.has(label)) return;
    pending.current.add(label);
    try {
      await onToggle(label, !selected.has(label));
    } finally {
      pending.current.delete(label);
    }
  };
  return (
    <fieldset className="toggle-fieldset">
      <legend>{legend}</legend>
      <ul className="toggle-grid">
        {items.map((item) => {
          const pressed = selected.has(item.label);
          const descriptionId = `${baseId}-${item.id}`;
          return (
            <li key={item.id} className="toggle-cell">
              <button
                type="button"
                className="toggle-button"
                aria-pressed={pressed}
                aria-describedby={item.description ? descriptionId : undefined}
                onClick={() => void toggle(item.label)}
              >
                {item.icon && <ContentIcon icon={item.icon} alt="" size={28} />}
                <span className="toggle-label">{item.label}</span>
                <span className="toggle-tick" aria-hidden="true">
                  {pressed ? '✓' : ''}
                </span>
              </button>
              {item.description && (
                <span id={descriptionId} className="toggle-description">
                  {item.description}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
