import type { ClassView } from '../../../../electron/common/classes';
import { text } from '../../i18n';
import { NO_CLASS } from '../../store/sign-in-slice';
import { classTileId } from './picker-groups';

interface ClassTilesProps {
  classes: readonly ClassView[];
  withNoClassTile: boolean;
  onChoose(groupId: string): void;
}

/** The picker's first step on a machine with classes: one big tile per class, names only. */
export function ClassTiles({ classes, withNoClassTile, onChoose }: ClassTilesProps) {
  const tiles = [...classes.map((c) => ({ id: c.id, name: c.name })), ...(withNoClassTile ? [{ id: NO_CLASS, name: text.picker.noClassTile }] : [])];
  return (
    <section aria-labelledby="class-list-title">
      <h2 id="class-list-title" className="visually-hidden">
        {text.picker.classesLabel}
      </h2>
      <ul className="class-grid">
        {tiles.map((tile) => (
          <li key={tile.id}>
            <button type="button" id={classTileId(tile.id)} className={tile.id === NO_CLASS ? 'class-tile class-tile-none' : 'class-tile'} onClick={() => onChoose(tile.id)}>
              {tile.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
