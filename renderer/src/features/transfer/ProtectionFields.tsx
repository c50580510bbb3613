import { useId } from 'react';
import { text } from '../../i18n';
import { FormField } from '../educator/gate/FormField';
import type { FileProtection } from './use-file-protection';
import './transfer.css';

const t = text.transfer.protection;

/** One labelled checkbox with its explanation read with it. */
function Option(props: { label: string; help: string; checked: boolean; onChange(on: boolean): void; disabled: boolean }) {
  const id = useId();
  return (
    <div className="protection-option">
      <input type="checkbox" id={id} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={`${id}-help`} disabled={props.disabled} />
      <label htmlFor={id}>{props.label}</label>
      <p id={`${id}-help`} className="policy-help">
        {props.help}
      </p>
    </div>
  );
}

/**
 * How a file that leaves the computer is protected: a passphrase (the school's, proposed when an
 * admin set one, or one typed twice for this file), and for backups gzip. The rules of a typed
 * passphrase are shown with the field, and its problems under it, before anything is sent.
 */
export function ProtectionFields(props: { protection: FileProtection; disabled: boolean; compress?: { on: boolean; onChange(on: boolean): void } }) {
  const { protection: p, disabled, compress } = props;
  const id = useId();
  return (
    <fieldset className="choice-group protection-fields">
      <legend>{t.legend}</legend>
      <Option label={t.protectLabel} help={t.protectHelp} checked={p.protect} onChange={p.setProtect} disabled={disabled} />
      {p.protect && p.schoolPassphraseSet && (
        <fieldset className="protection-which">
          <legend>{t.whichLegend}</legend>
          {([true, false] as const).map((school) => (
            <div key={String(school)} className="policy-option">
              <input type="radio" id={`${id}-${school}`} name={`${id}-which`} checked={p.useSchool === school} onChange={() => p.setUseSchool(school)} aria-describedby={school ? `${id}-school-help` : undefined} disabled={disabled} />
              <label htmlFor={`${id}-${school}`}>{school ? t.schoolChoice : t.ownChoice}</label>
              {school && (
                <p id={`${id}-school-help`} className="policy-help">
                  {t.schoolHelp}
                </p>
              )}
            </div>
          ))}
        </fieldset>
      )}
      {p.typed && (
        <div className="protection-passphrase">
          <FormField ref={p.refs.passphrase} type="password" label={t.passphrase} hint={t.passphraseRules} error={p.problems.passphrase} autoComplete="new-password" spellCheck={false} readOnly={disabled} />
          <FormField ref={p.refs.passphraseAgain} type="password" label={t.passphraseAgain} error={p.problems.passphraseAgain} autoComplete="new-password" spellCheck={false} readOnly={disabled} />
        </div>
      )}
      {compress && <Option label={t.compressLabel} help={t.compressHelp} checked={compress.on} onChange={compress.onChange} disabled={disabled} />}
    </fieldset>
  );
}
