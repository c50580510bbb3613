import { useId, useState, type FormEvent } from 'react';
import type { EducatorRole, EducatorView } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { displayNameProblem } from '../gate/account-checks';
import { FormField } from '../gate/FormField';
import { ActionStatus } from './ActionStatus';
import { RoleChoice } from './RoleChoice';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.educators;

/** Renames an educator, and makes them a coach or an admin (not oneself: that would lock one out). */
export function NameAndRoleForm({ educator, isSelf, onChanged }: { educator: EducatorView; isSelf: boolean; onChanged(): void }) {
  const action = useAdminAction();
  const refreshSession = useAppStore((s) => s.refreshSession);
  const [name, setName] = useState(educator.displayName);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [role, setRole] = useState<EducatorRole>(educator.role);
  const headingId = useId();

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const problem = displayNameProblem(name) && t.nameMissing;
    setNameProblem(problem);
    if (problem) return action.show(null);
    if (name.trim() === educator.displayName) return action.show({ ok: true, message: t.unchanged });
    await action.perform(async (call) => {
      const view = await call('updateEducator', { educatorId: educator.id, displayName: name.trim() });
      onChanged();
      // One's own new name shows at once in the bar above the tabs.
      if (isSelf) await refreshSession();
      return t.renamed(view.displayName);
    });
  };

  const saveRole = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy || isSelf) return;
    if (role === educator.role) return action.show({ ok: true, message: t.unchanged });
    await action.perform(async (call) => {
      const view = await call('updateEducator', { educatorId: educator.id, role });
      onChanged();
      return t.roleSaved(view.displayName, view.role);
    });
  };

  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.detailsTitle}</h4>
      <form className="admin-form" onSubmit={(e) => void saveName(e)} noValidate>
        <FormField label={t.renameLabel} error={nameProblem} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <button type="submit" className="button" aria-disabled={action.busy || undefined}>
          {t.renameButton}
        </button>
      </form>
      <form className="admin-form" onSubmit={(e) => void saveRole(e)} noValidate>
        <RoleChoice value={role} onChange={setRole} disabled={isSelf} />
        <button type="submit" className="button" disabled={isSelf} aria-disabled={action.busy || undefined}>
          {t.changeRole}
        </button>
      </form>
      <ActionStatus busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </section>
  );
}
