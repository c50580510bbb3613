import { useMemo } from 'react';
import { interests } from '../../../../electron/common/content';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { CatalogStep } from './CatalogStep';

/** Step 1: interests from the predefined list (saved by label) plus the learner's own words. */
export function InterestsStep() {
  const saved = useAppStore((s) => s.profile?.interests);
  const addInterest = useAppStore((s) => s.addInterest);
  const removeInterest = useAppStore((s) => s.removeInterest);
  const names = useMemo(() => (saved ?? []).map((i) => i.interestName), [saved]);
  return <CatalogStep text={text.assessment.interests} items={interests} savedNames={names} maxLength={100} onAdd={addInterest} onRemove={removeInterest} />;
}
