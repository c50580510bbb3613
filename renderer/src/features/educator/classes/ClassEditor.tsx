import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { AddMembers } from './AddMembers';
import { ClassCoaches } from './ClassCoaches';
import { ClassMembers } from './ClassMembers';
import { ClassSettings } from './ClassSettings';
import { SignInMethodForm } from './SignInMethodForm';

const t = text.educator.classes;

/**
 * One class and everything about it. Admin-only parts (name, archiving, coaches) are not shown to
 * a coach; the main process refuses them to a coach anyway.
 */
export function ClassEditor({ klass, isAdmin }: { klass: ClassDetailView; isAdmin: boolean }) {
  return (
    <section className="card class-editor" aria-labelledby={`class-${klass.id}-title`}>
      <h3 id={`class-${klass.id}-title`} className="break-anywhere">
        {klass.name} {klass.archived && <span className="tag">{t.archivedTag}</span>}
      </h3>
      {klass.archived && <p className="banner banner-warning">{t.archivedNote}</p>}
      {isAdmin && <ClassSettings klass={klass} />}
      <SignInMethodForm klass={klass} />
      <ClassMembers klass={klass} />
      <AddMembers klass={klass} isAdmin={isAdmin} />
      {isAdmin && <ClassCoaches klass={klass} />}
    </section>
  );
}
