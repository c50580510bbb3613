import { useMemo } from 'react';
import { interests } from '../../../../electron/common/content';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { OwnEntries } from './OwnEntries';
import { ToggleChoices } from './ToggleChoices';

const PREDEFINED = interests.map((i) => i.label);
const MAX_INTEREST_LENGTH = 100;

/** Step 1: interests from the predefined list (saved by label) plus the learner's own words. */
export function InterestsStep() {
  const saved = useAppStore((s) => s.profile?.interests);
  const addInterest = useAppStore((s) => s.addInterest);
  const removeInterest = useAppStore((s) => s.removeInterest);
  const names = useMemo(() => (saved ?? []).map((i) => i.interestName), [saved]);
  const selected = useMemo(() => new Set(names), [names]);
  const own = names.filter((n) => !PREDEFINED.includes(n));
  const t = text.assessment.interests;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <ToggleChoices
        legend={t.legend}
        items={interests}
        selected={selected}
        onToggle={(label, pick) => (pick ? addInterest(label) : removeInterest(label))}
      />
      <OwnEntries
        title={t.ownTitle}
        inputLabel={t.ownLabel}
        addButton={t.ownButton}
        listTitle={t.ownListTitle}
        removeLabel={t.remove}
        entries={own}
        savedNames={names}
        predefined={PREDEFINED}
        maxLength={MAX_INTEREST_LENGTH}
        onAdd={addInterest}
        onRemove={removeInterest}
      />
    </>
  );
}
