import { useId } from 'react';
import { preferenceTasks } from '../../../../electron/common/content';
import { PREFERENCE_MODE_ICONS } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';

/**
 * One learning-preference task: the prompt and its four ways to learn as a radio group. Choosing
 * saves `choosePreference(category, mode)` at once; the checked answer is the one the database has.
 */
export function PreferenceTaskStep({ index }: { index: number }) {
  const task = preferenceTasks[index];
  const chosen = useAppStore((s) => s.profile?.preferences.find((p) => p.category === task?.category)?.value);
  const choosePreference = useAppStore((s) => s.choosePreference);
  const baseId = useId();
  if (!task) return null;
  const t = text.assessment.preference;
  return (
    <>
      <h1>{t.title(index + 1, preferenceTasks.length)}</h1>
      <p className="lead">{t.intro}</p>
      <fieldset className="pref-fieldset">
        <legend>{task.prompt}</legend>
        <ul className="pref-list">
          {task.options.map((option) => {
            const id = `${baseId}-${option.mode}`;
            return (
              <li key={option.mode}>
                <input
                  id={id}
                  className="pref-input"
                  type="radio"
                  name={task.category}
                  value={option.mode}
                  checked={chosen === option.mode}
                  aria-describedby={`${id}-description`}
                  onChange={() => void choosePreference(task.category, option.mode)}
                />
                <label htmlFor={id} className="pref-label">
                  <ContentIcon icon={PREFERENCE_MODE_ICONS[option.mode]} alt="" size={32} />
                  <span>{option.label}</span>
                </label>
                <span id={`${id}-description`} className="pref-description">
                  {option.description}
                </span>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </>
  );
}
