import type { EducatorView } from '../../../../../electron/common/accounts';
import type { ClassView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';

const t = text.educator.admin.educators;

/** The classes a coach looks after, by name ("all" for an admin, who looks after every class). */
export function classesText(educator: EducatorView, classes: readonly ClassView[]): string {
  if (educator.role === 'admin') return t.allClasses;
  if (educator.classIds.length === 0) return t.noClasses;
  return educator.classIds
    .map((id) => {
      const found = classes.find((c) => c.id === id);
      if (!found) return id;
      return found.archived ? t.archivedClass(found.name) : found.name;
    })
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}

export interface EducatorTableProps {
  educators: readonly EducatorView[];
  classes: readonly ClassView[];
  ownId: string | undefined;
  managing: string | null;
  onManage(educatorId: string): void;
  /** Where focus goes back when the manage section closes. */
  buttonRef(educatorId: string, button: HTMLButtonElement | null): void;
}

/** Every educator account: who, which role, switched on or off, their classes, and a way to manage it. */
export function EducatorTable({ educators, classes, ownId, managing, onManage, buttonRef }: EducatorTableProps) {
  return (
    <table className="data-table">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          {[t.name, t.username, t.role, t.status, t.classes, t.actions].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {educators.map((e) => (
          <tr key={e.id} className={e.disabled ? 'educator-switched-off' : undefined}>
            <th scope="row">
              {e.displayName} {e.id === ownId && <span className="muted">{t.you}</span>}
            </th>
            <td className="break-anywhere">{e.username}</td>
            <td>{t.roles[e.role].label}</td>
            <td>{e.disabled ? t.off : t.on}</td>
            <td>{classesText(e, classes)}</td>
            <td>
              <button
                ref={(el) => buttonRef(e.id, el)}
                type="button"
                className="button button-small"
                aria-expanded={managing === e.id}
                aria-label={t.manage(e.displayName)}
                onClick={() => onManage(e.id)}
              >
                {t.manageButton}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
