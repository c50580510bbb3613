import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';

/** Why the picker is back: the learner was signed out without asking (and whether a change was lost). */
export function SignedOutNotice() {
  const notice = useAppStore((s) => s.signedOutNotice);
  const dismiss = useAppStore((s) => s.dismissSignedOutNotice);
  if (!notice) return null;
  return (
    <div className="banner banner-info" role="alert">
      <p>
        {text.picker.signedOut}
        {notice.unsaved && ` ${text.picker.notSaved}`}
      </p>
      <button type="button" className="button" onClick={dismiss}>
        {text.common.dismiss}
      </button>
    </div>
  );
}
