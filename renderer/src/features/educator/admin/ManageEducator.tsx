import { useEffect, useId, useRef } from 'react';
import type { EducatorView } from '../../../../../electron/common/accounts';
import type { ClassView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { AccountSwitch } from './AccountSwitch';
import { CoachClassesForm } from './CoachClassesForm';
import { NameAndRoleForm } from './NameAndRoleForm';
import { ResetPasswordForm } from './ResetPasswordForm';

const t = text.educator.admin.educators;

export interface ManageEducatorProps {
  educator: EducatorView;
  classes: readonly ClassView[];
  isSelf: boolean;
  onChanged(): void;
  onClose(): void;
}

/** Everything an admin does to one account, in one place; focus starts on its title. */
export function ManageEducator({ educator, classes, isSelf, onChanged, onClose }: ManageEducatorProps) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <section className="card admin-card manage-educator" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h3 id={titleId} ref={titleRef} tabIndex={-1}>
          {t.manageTitle(educator.displayName)}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <NameAndRoleForm educator={educator} isSelf={isSelf} onChanged={onChanged} />
      <ResetPasswordForm educator={educator} />
      <AccountSwitch educator={educator} isSelf={isSelf} onChanged={onChanged} />
      <CoachClassesForm educator={educator} classes={classes} onChanged={onChanged} />
    </section>
  );
}
