import { useMemo } from 'react';
import { OwnEntries } from './OwnEntries';
import { ToggleChoices, type ToggleItem } from './ToggleChoices';

export interface CatalogStepText {
  title: string;
  intro: string;
  legend: string;
  ownTitle: string;
  ownLabel: string;
  ownButton: string;
  ownListTitle: string;
  remove: (name: string) => string;
}

interface CatalogStepProps {
  text: CatalogStepText;
  /** An extra line under the intro (e.g. "you may pick none"). */
  note?: string;
  items: ToggleItem[];
  /** The names the database has confirmed: catalogue labels and the learner's own words. */
  savedNames: string[];
  maxLength: number;
  onAdd: (name: string) => Promise<void>;
  onRemove: (name: string) => Promise<void>;
}

/**
 * One assessment step over a catalogue (interests, struggle areas): toggles for the listed items,
 * saved by label, plus the learner's own entries. Only confirmed names show as picked.
 */
export function CatalogStep({ text: t, note, items, savedNames, maxLength, onAdd, onRemove }: CatalogStepProps) {
  const predefined = useMemo(() => items.map((i) => i.label), [items]);
  const selected = useMemo(() => new Set(savedNames), [savedNames]);
  const own = savedNames.filter((n) => !predefined.includes(n));
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {note && <p className="muted">{note}</p>}
      <ToggleChoices legend={t.legend} items={items} selected={selected} onToggle={(label, pick) => (pick ? onAdd(label) : onRemove(label))} />
      <OwnEntries
        title={t.ownTitle}
        inputLabel={t.ownLabel}
        addButton={t.ownButton}
        listTitle={t.ownListTitle}
        removeLabel={t.remove}
        entries={own}
        savedNames={savedNames}
        predefined={predefined}
        maxLength={maxLength}
        onAdd={onAdd}
        onRemove={onRemove}
      />
    </>
  );
}
