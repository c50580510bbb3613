import { useId } from 'react';
import type { ImportPolicy } from '../../../../electron/common/transfer-views';
import { text } from '../../i18n';

const t = text.transfer;
const POLICIES: ImportPolicy[] = ['merge', 'skip', 'replace', 'error'];

/** What to do with learners already on this computer, each choice explained in plain words. */
export function PolicyChoice({ value, onChange, existingLearners }: { value: ImportPolicy; onChange(policy: ImportPolicy): void; existingLearners: number }) {
  const name = useId();
  return (
    <fieldset className="policy-choice">
      <legend>{t.policyLegend}</legend>
      {existingLearners === 0 && <p className="muted">{t.policyNoneExisting}</p>}
      {POLICIES.map((policy) => {
        const id = `${name}-${policy}`;
        return (
          <div key={policy} className={`policy-option${policy === 'replace' ? ' policy-danger' : ''}`}>
            <input type="radio" id={id} name={name} value={policy} checked={value === policy} onChange={() => onChange(policy)} aria-describedby={`${id}-help`} />
            <label htmlFor={id}>{t.policies[policy].label}</label>
            <p id={`${id}-help`} className="policy-help">
              {t.policies[policy].help}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
