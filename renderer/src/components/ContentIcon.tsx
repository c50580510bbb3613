import { iconUrl } from './icon-sources';

interface ContentIconProps {
  /** An icon id: an interest's or badge's `icon`, a fixed icon, or APP_ICON. */
  icon: string;
  /**
   * What the picture shows, read by screen readers. '' when the words beside it already say it:
   * the picture is then decorative and hidden from them.
   */
  alt: string;
  /** Width and height in CSS pixels. */
  size?: number;
  className?: string;
}

/** One bundled SVG icon as an <img>; nothing at all for an id without a file. */
export function ContentIcon({ icon, alt, size = 24, className }: ContentIconProps) {
  const src = iconUrl(icon);
  if (src === undefined) return null;
  return (
    <img
      className={className ? `content-icon ${className}` : 'content-icon'}
      src={src}
      alt={alt}
      aria-hidden={alt === '' ? true : undefined}
      width={size}
      height={size}
      draggable={false}
    />
  );
}
