import { useMemo } from 'react';
import { struggleAreas } from '../../../../electron/common/content';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { CatalogStep } from './CatalogStep';

/** Step 2: struggle areas (saved by label); the learner may pick none and press Next. */
export function StrugglesStep() {
  const saved = useAppStore((s) => s.profile?.struggles);
  const addStruggle = useAppStore((s) => s.addStruggle);
  const removeStruggle = useAppStore((s) => s.removeStruggle);
  const names = useMemo(() => (saved ?? []).map((s) => s.struggleDescription), [saved]);
  const t = text.assessment.struggles;
  return <CatalogStep text={t} note={t.skipNote} items={struggleAreas} savedNames={names} maxLength={200} onAdd={addStruggle} onRemove={removeStruggle} />;
}
