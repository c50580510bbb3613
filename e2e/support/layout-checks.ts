import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageNode } from './in-page';

// ---- layout -------------------------------------------------------------------------------------

/** No sideways scrolling: the page fits the viewport's width (1 px of rounding allowed). */
export async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.locator(':root').evaluate((root: PageNode) => ({
    scrollWidth: root.ownerDocument.documentElement.scrollWidth,
    clientWidth: root.ownerDocument.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${screen}: page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth + 1);
}

/** The focused element shows a visible focus indicator (an outline that is not "none"/0 px). */
export async function expectVisibleFocus(page: Page, where: string): Promise<void> {
  const focus = await page.locator(':root').evaluate((root: PageNode) => {
    const doc = root.ownerDocument;
    const el = doc.activeElement;
    if (!el || el === doc.body) return null;
    const style = doc.defaultView.getComputedStyle(el);
    return { tag: el.tagName, text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60), outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow };
  });
  expect(focus, `something has focus ${where}`).not.toBeNull();
  const visible = focus !== null && ((focus.outlineStyle !== 'none' && parseFloat(focus.outlineWidth) > 0) || focus.boxShadow !== 'none');
  expect(visible, `focus is visible ${where}: ${JSON.stringify(focus)}`).toBe(true);
}
