import type { Ref } from 'react';
import type { JsonObject } from '../../../../electron/common/dto';
import { STAR_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';

const numberIn = (details: JsonObject, key: string): number | null => {
  const value = details[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** A friendly summary of a saved game result (read from the database's metric, not the game). */
export function GameResult({ details, headingRef }: { details: JsonObject; headingRef?: Ref<HTMLHeadingElement> }) {
  const t = text.assessment.diagnostic;
  const accuracy = Math.min(1, Math.max(0, numberIn(details, 'accuracy') ?? 0));
  const span = numberIn(details, 'span');
  return (
    <div className="game-result card">
      <h2 ref={headingRef} tabIndex={-1}>
        <ContentIcon icon={STAR_ICON} alt="" size={28} />
        {t.resultTitle}
      </h2>
      <p>{t.resultScore(Math.round(accuracy * 100))}</p>
      {span !== null && span > 0 && <p>{t.resultSpan(span)}</p>}
      <p>{t.resultCheer(accuracy)}</p>
    </div>
  );
}
