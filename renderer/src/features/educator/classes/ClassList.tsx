import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';

const t = text.educator.classes;

/** The classes to manage, in use first and archived ones after them, marked as such. */
export function ClassList(props: { classes: ClassDetailView[]; selectedId: string | null; onSelect(classId: string): void }) {
  const ordered = [...props.classes.filter((c) => !c.archived), ...props.classes.filter((c) => c.archived)];
  return (
    <ul className="class-list" aria-label={t.listLabel}>
      {ordered.map((c) => {
        const selected = c.id === props.selectedId;
        return (
          <li key={c.id} className={`class-list-item ${selected ? 'class-list-selected' : ''} ${c.archived ? 'class-list-archived' : ''}`}>
            <span className="class-list-name">{c.name}</span>
            <span className="muted">{t.learnerCount(c.learnerIds.length)}</span>
            {c.archived && <span className="tag">{t.archivedTag}</span>}
            <button type="button" className="button button-small" aria-current={selected ? 'true' : undefined} onClick={() => props.onSelect(c.id)}>
              {t.manage(c.name)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
