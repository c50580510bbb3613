import type { Interest } from '../../../../electron/common/content/schemas';
import { ContentIcon } from '../../components/ContentIcon';

/** A tag such as "[rocket] Space theme": the words name the interest, so its picture is decorative. */
export function ThemeTag({ interest, label }: { interest: Interest; label: string }) {
  return (
    <span className="tag tag-theme">
      <ContentIcon icon={interest.icon} alt="" size={20} />
      {label}
    </span>
  );
}
