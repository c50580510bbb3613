import { text } from '../../i18n';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

const t = text.transfer;

/** Moving a learner between computers: save their profile file here, import one from elsewhere. */
export function MoveLearnerPanel() {
  return (
    <section className="educator-panel" aria-labelledby="move-title">
      <h2 id="move-title">{t.moveTitle}</h2>
      <p>{t.moveIntro}</p>
      <ExportSection />
      <ImportSection />
    </section>
  );
}
