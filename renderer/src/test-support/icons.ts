import { expect } from 'vitest';
import { ICON_IDS, iconUrl } from '../components/icon-sources';

const idByUrl = new Map(ICON_IDS.map((id) => [iconUrl(id), id]));

/** The bundled icons an element shows, by icon id, in document order ('?' for any other picture). */
export function iconsIn(element: Element): string[] {
  return [...element.querySelectorAll('img')].map((img) => idByUrl.get(img.getAttribute('src') ?? '') ?? '?');
}

/**
 * Asserts an element shows exactly these bundled icons, each decorative: empty alt text and
 * aria-hidden, so a screen reader hears only the words beside it.
 */
export function expectDecorativeIcons(element: Element, ids: string[]): void {
  expect(iconsIn(element)).toEqual(ids);
  for (const img of element.querySelectorAll('img')) {
    expect(img.getAttribute('alt'), 'alt').toBe('');
    expect(img.getAttribute('aria-hidden'), 'aria-hidden').toBe('true');
  }
}
