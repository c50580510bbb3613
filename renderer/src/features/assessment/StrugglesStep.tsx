import { useMemo } from 'react';
import { struggleAreas } from '../../../../electron/common/content';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { OwnEntries } from './OwnEntries';
import { ToggleChoices } from './ToggleChoices';

const PREDEFINED = struggleAreas.map((s) => s.label);
const MAX_STRUGGLE_LENGTH = 200;

/** Step 2: struggle areas (saved by label); the learner may pick none and press Next. */
export function StrugglesStep() {
  const saved = useAppStore((s) => s.profile?.struggles);
  const addStruggle = useAppStore((s) => s.addStruggle);
  const removeStruggle = useAppStore((s) => s.removeStruggle);
  const names = useMemo(() => (saved ?? []).map((s) => s.struggleDescription), [saved]);
  const selected = useMemo(() => new Set(names), [names]);
  const own = names.filter((n) => !PREDEFINED.includes(n));
  const t = text.assessment.struggles;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p className="muted">{t.skipNote}</p>
      <ToggleChoices
        legend={t.legend}
        items={struggleAreas}
        selected={selected}
        onToggle={(label, pick) => (pick ? addStruggle(label) : removeStruggle(label))}
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
        maxLength={MAX_STRUGGLE_LENGTH}
        onAdd={addStruggle}
        onRemove={removeStruggle}
      />
    </>
  );
}
