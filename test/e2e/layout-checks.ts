/**
 * Layout checks run inside the page: whether the document scrolls sideways, and which elements are
 * wider than (or stick out of) their parent. A parent that scrolls or clips on x is a container
 * doing its job (a wide table in a scrolling panel), so its children are not counted; nor are SVG
 * internals, which the chart sizes itself.
 */
import type { Page } from 'playwright-core';

export interface Overflow {
  element: string;
  right: number;
  parentRight: number;
  width: number;
  parentWidth: number;
}

export function pageScrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

export function elementsWiderThanParent(page: Page, selector = 'body'): Promise<Overflow[]> {
  return page.evaluate((rootSelector) => {
    const found: Overflow[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}` +
      `${el.getAttribute('data-kpi') ? `[data-kpi=${el.getAttribute('data-kpi')}]` : ''}`;
    const root = document.querySelector(rootSelector);
    for (const el of root ? root.querySelectorAll('*') : []) {
      const parent = el.parentElement;
      if (!parent || (el.closest('svg') !== null && el.tagName.toLowerCase() !== 'svg')) continue;
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) continue;
      const box = el.getBoundingClientRect();
      const outer = parent.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(el).position === 'absolute') continue;
      if (box.width > outer.width + 1 || box.right > outer.right + 1 || box.left < outer.left - 1) {
        found.push({
          element: `${describe(parent)} > ${describe(el)}`,
          right: Math.round(box.right),
          parentRight: Math.round(outer.right),
          width: Math.round(box.width),
          parentWidth: Math.round(outer.width),
        });
      }
    }
    return found;
  }, selector);
}
