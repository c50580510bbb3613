import { act } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Presses Tab until `target` has focus (a keyboard user's way there); fails with where focus went. */
export async function tabTo(user: UserEvent, target: HTMLElement, max = 60): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target) return;
    path.push(`${document.activeElement?.tagName}:${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 30) ?? ''}`);
    await act(() => user.tab());
  }
  throw new Error(`Tab did not reach ${target.tagName} “${target.textContent}”; focus went ${path.join(' → ')}`);
}
