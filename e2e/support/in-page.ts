/**
 * Shapes of the browser objects that functions run inside the page (locator.evaluate) touch.
 *
 * The e2e code is type-checked with the node-side tsconfig, which deliberately has no DOM library
 * (with it, node code could use `window` or `document` unnoticed). So in-page functions never use
 * browser globals: they reach the page through their element argument (`el.ownerDocument`), typed
 * by these minimal interfaces. Types only: nothing here exists at run time.
 */
export interface PageNode {
  tagName: string;
  textContent: string | null;
  cloneNode(deep: boolean): PageNode;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode>;
  closest(selector: string): PageNode | null;
  getAttribute(name: string): string | null;
  remove(): void;
  ownerDocument: PageDocument;
}

export interface PageInput extends PageNode {
  value: string;
  checked: boolean;
  labels: ArrayLike<PageNode> | null;
}

export interface PageDocument {
  activeElement: PageNode | null;
  body: PageNode;
  documentElement: PageNode & { scrollWidth: number; clientWidth: number };
  defaultView: { getComputedStyle(el: PageNode): { outlineStyle: string; outlineWidth: string; boxShadow: string } };
}
