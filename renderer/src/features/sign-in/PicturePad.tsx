import { useId, useRef, type KeyboardEvent, type Ref } from 'react';
import { PICTURE_PASSWORD_LENGTH, SIGN_IN_PICTURES, type SignInPictureId } from '../../../../electron/common/accounts';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';

const COLUMNS = 3;
const t = text.signIn.picture;
const ARROW_STEPS: Partial<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };

interface PicturePadProps {
  /** The first picture: where focus goes when the pad is shown or cleared. */
  ref: Ref<HTMLButtonElement>;
  value: SignInPictureId[];
  /** `note`: what happened, for screen readers. */
  onChange(value: SignInPictureId[], note: string): void;
  /** A press that changed nothing, explained. */
  onNote(note: string): void;
  label: string;
  hint: string;
  disabled: boolean;
}

/**
 * Three different pictures in order, from a 3×3 grid: Tab or the arrow keys move between them,
 * Space or Enter picks one. The picked ones fill a row of slots; Undo takes back the last.
 */
export function PicturePad({ ref, value, onChange, onNote, label, hint, disabled }: PicturePadProps) {
  const titleId = useId();
  const hintId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const pick = (id: SignInPictureId) => {
    if (disabled) return;
    const name = t.names[id];
    if (value.includes(id)) onNote(t.already(name));
    else if (value.length >= PICTURE_PASSWORD_LENGTH) onNote(t.full);
    else onChange([...value, id], t.picked(name, value.length + 1));
  };
  const undo = () => {
    const last = value[value.length - 1];
    if (!disabled && last !== undefined) onChange(value.slice(0, -1), t.undone(t.names[last]));
  };
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(gridRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.findIndex((b) => b === event.target);
    if (at < 0) return;
    const step = ARROW_STEPS[event.key];
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : step === undefined ? undefined : at + step;
    if (to === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, to))]?.focus();
  };
  const off = disabled || undefined;
  return (
    <div className="picture-pad">
      <h2 id={titleId} className="pad-title">
        {label}
      </h2>
      <p id={hintId} className="muted">
        {hint}
      </p>
      <ol className="picture-slots" aria-label={t.slotsLabel}>
        {Array.from({ length: PICTURE_PASSWORD_LENGTH }, (_, i) => {
          const id = value[i];
          return (
            <li key={i} className={id ? 'picture-slot picture-slot-filled' : 'picture-slot'}>
              <span className="picture-slot-place" aria-hidden="true">
                {i + 1}
              </span>
              {id && <ContentIcon icon={id} alt="" size={36} />}
              <span className="visually-hidden">{t.slot(i + 1, id ? t.names[id] : null)}</span>
            </li>
          );
        })}
      </ol>
      <div ref={gridRef} role="group" aria-labelledby={titleId} aria-describedby={hintId} className="picture-grid" onKeyDown={onGridKeyDown}>
        {SIGN_IN_PICTURES.map((picture, i) => {
          const place = value.indexOf(picture.id);
          return (
            <button
              key={picture.id}
              ref={i === 0 ? ref : undefined}
              type="button"
              className="picture-key"
              aria-pressed={place >= 0}
              aria-disabled={off}
              onClick={() => pick(picture.id)}
            >
              <ContentIcon icon={picture.id} alt={t.names[picture.id]} size={64} />
              <span className="picture-key-name" aria-hidden="true">
                {t.names[picture.id]}
              </span>
              {place >= 0 && (
                <span className="picture-key-place" aria-hidden="true">
                  {place + 1}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <button type="button" className="button picture-undo" aria-disabled={disabled || value.length === 0 || undefined} onClick={undo}>
        {t.undo}
      </button>
    </div>
  );
}
