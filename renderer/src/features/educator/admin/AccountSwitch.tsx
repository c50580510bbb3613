import { useId, useRef, useState } from 'react';
import type { EducatorView } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { ActionStatus } from './ActionStatus';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.educators;

/**
 * Switches an account off (after asking) or on again. Never one's own: the main process would
 * lock one out at once. The last admin who can sign in is refused by the main process, in its words.
 */
export function AccountSwitch({ educator, isSelf, onChanged }: { educator: EducatorView; isSelf: boolean; onChanged(): void }) {
  const action = useAdminAction();
  const [confirming, setConfirming] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  const setDisabled = async (disabled: boolean) => {
    setConfirming(false);
    // The confirmation (or the button) goes away: keep keyboard focus on what happens next.
    requestAnimationFrame(() => statusRef.current?.focus());
    await action.perform(async (call) => {
      const view = await call('setEducatorDisabled', { educatorId: educator.id, disabled });
      onChanged();
      return view.disabled ? t.disabled(view.displayName) : t.enabled(view.displayName);
    });
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => askRef.current?.focus());
  };

  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.accountTitle}</h4>
      {isSelf ? (
        <p className="muted">{t.ownAccountNote}</p>
      ) : educator.disabled ? (
        <button type="button" className="button" onClick={() => void setDisabled(false)} aria-disabled={action.busy || undefined}>
          {t.enable}
        </button>
      ) : (
        !confirming && (
          <button ref={askRef} type="button" className="button button-danger" onClick={() => !action.busy && setConfirming(true)} aria-disabled={action.busy || undefined}>
            {t.disableAsk}
          </button>
        )
      )}
      {confirming && (
        <ConfirmBox title={t.disableConfirmTitle(educator.displayName)} confirmLabel={t.disableConfirmYes} onConfirm={() => void setDisabled(true)} onCancel={cancel}>
          <p>{t.disableConfirmText(educator.displayName)}</p>
        </ConfirmBox>
      )}
      <ActionStatus ref={statusRef} busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </section>
  );
}
