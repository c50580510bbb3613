import type { Locator, Page } from 'playwright-core';
import type { PageInput, PageNode } from './in-page';

/** What has keyboard focus, described the way a screen reader user would meet it. */
export interface Focused {
  tag: string;
  type: string | null;
  /** aria-label, else the visible text without aria-hidden parts (emoji, ticks). */
  name: string;
  /** For a form field: the text of its <label>. */
  label: string | null;
  /** The legend of the fieldset it is in, if any. */
  group: string | null;
  pressed: string | null;
  checked: boolean | null;
}

export function focused(page: Page): Promise<Focused> {
  return page.locator(':root').evaluate((root: PageNode) => {
    const doc = root.ownerDocument;
    const el = doc.activeElement;
    const spoken = (node: PageNode | null | undefined): string => {
      if (!node) return '';
      const clone = node.cloneNode(true);
      for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    if (!el || el === doc.body) return { tag: 'BODY', type: null, name: '', label: null, group: null, pressed: null, checked: null };
    const input = el.tagName === 'INPUT' ? (el as PageInput) : null;
    return {
      tag: el.tagName,
      type: el.getAttribute('type'),
      name: el.getAttribute('aria-label') ?? spoken(el),
      label: input?.labels?.[0] ? spoken(input.labels[0]) : null,
      group: spoken(el.closest('fieldset')?.querySelector('legend')) || null,
      pressed: el.getAttribute('aria-pressed'),
      checked: input ? input.checked : null,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking the current focus first.
 * Fails with the path it took, so a broken tab order is easy to read.
 */
export async function tabTo(page: Page, what: string, matches: (f: Focused) => boolean, options: { backwards?: boolean; max?: number } = {}): Promise<Focused> {
  const path: string[] = [];
  for (let i = 0; i <= (options.max ?? 80); i++) {
    const now = await focused(page);
    if (matches(now)) return now;
    path.push(`${now.tag}:${now.name || now.label || ''}`.slice(0, 50));
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${what} with ${options.backwards ? 'Shift+Tab' : 'Tab'}; focus went ${path.join(' → ')}`);
}

/** Whether the element has keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: PageNode) => el === el.ownerDocument.activeElement);
}

export const isButton = (name: string) => (f: Focused) => f.tag === 'BUTTON' && f.name === name;
export const isField = (label: string) => (f: Focused) => f.tag === 'INPUT' && f.label === label;
