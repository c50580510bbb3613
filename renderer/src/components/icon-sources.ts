import appIconSvg from '../../../resources/icons/icon.svg?raw';

/**
 * Every picture the app bundles, as SVG text by icon id: resources/content/icons/<id>.svg (the
 * `icon` of interests and badges, and the fixed icons) plus the app's own icon. Text rather than
 * asset URLs, so the saved report can paste the very same pictures inline.
 */
const files = import.meta.glob<string>('../../../resources/content/icons/*.svg', { eager: true, query: '?raw', import: 'default' });

/** The app's icon (resources/icons/icon.svg, which the installers' icons are made from). */
export const APP_ICON = 'app';

const svgById = new Map<string, string>([
  ...Object.entries(files).map(([file, svg]): [string, string] => [file.slice(file.lastIndexOf('/') + 1, -'.svg'.length), svg]),
  [APP_ICON, appIconSvg],
]);
const urlById = new Map<string, string>();

/** Every icon id there is a picture for. */
export const ICON_IDS: readonly string[] = [...svgById.keys()];

/** The SVG markup of an icon, or undefined for an id no file has. */
export function iconSvg(id: string): string | undefined {
  return svgById.get(id);
}

/** A data: URL for <img src> (the CSP allows img-src data:), made once per icon. */
export function iconUrl(id: string): string | undefined {
  const cached = urlById.get(id);
  if (cached !== undefined) return cached;
  const svg = svgById.get(id);
  if (svg === undefined) return undefined;
  const url = `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
  urlById.set(id, url);
  return url;
}
