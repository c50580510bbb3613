import { useState, type FormEvent } from 'react';
import type { SignInMethod } from '../../../../../electron/common/accounts';
import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ActionStatus } from './ActionStatus';
import { SignInMethodChoice } from './SignInMethodChoice';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

/** How the class's learners sign in; an admin or a coach of the class may change it. */
export function SignInMethodForm({ klass }: { klass: ClassDetailView }) {
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const action = useClassAction();
  const [method, setMethod] = useState<SignInMethod>(klass.signInMethod);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    await action.perform('setClassSignInMethod', { classId: klass.id, method }, async (view) => {
      putEducatorClass(view);
      await loadLearners();
      return t.signInSaved(t.methods[view.signInMethod].label);
    });
  };

  return (
    <form className="class-section" onSubmit={(e) => void save(e)}>
      <SignInMethodChoice value={method} onChange={setMethod} />
      <p className="muted">{t.signInNow(t.methods[klass.signInMethod].label)}</p>
      <button type="submit" className="button" aria-disabled={action.busy || undefined}>
        {t.saveSignIn}
      </button>
      <ActionStatus action={action} />
    </form>
  );
}
