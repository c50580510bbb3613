import { useEffect, useRef } from 'react';
import { badgeDefinitions } from '../../../electron/common/content';
import { CELEBRATION_ICON, UNKNOWN_BADGE_ICON } from '../../../electron/common/content/icons';
import { text } from '../i18n';
import { useAppStore } from '../store/store-context';
import { ContentIcon } from './ContentIcon';

/** A modal celebration for newly earned badges; focus moves in and Escape closes it. */
export function CelebrationDialog() {
  const badges = useAppStore((s) => s.pendingBadges);
  const dismiss = useAppStore((s) => s.dismissCelebration);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = badges.length > 0;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  const title = badges.length > 1 ? text.common.celebrationManyTitle(badges.length) : text.common.celebrationTitle;
  return (
    <dialog ref={dialogRef} className="celebration" aria-labelledby="celebration-title" onCancel={dismiss} onClose={dismiss}>
      <h2 id="celebration-title">
        <ContentIcon icon={CELEBRATION_ICON} alt="" size={32} />
        {title}
      </h2>
      <ul className="celebration-badges">
        {badges.map((b) => {
          const definition = badgeDefinitions.find((d) => d.id === b.badgeId);
          return (
            <li key={b.badgeId}>
              {/* Decorative: the badge's name follows. */}
              <ContentIcon icon={definition?.icon ?? UNKNOWN_BADGE_ICON} alt="" size={64} className="celebration-badge-icon" />
              <strong>{b.badgeName}</strong>
              {definition && <span> — {definition.description}</span>}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-primary" onClick={dismiss} autoFocus>
        {text.common.celebrationClose}
      </button>
    </dialog>
  );
}
