// Checks that run inside the page (plain browser JavaScript, passed to page.evaluate).
/* global document, getComputedStyle, Node */
'use strict';

/**
 * Elements and text drawn outside their component's card: every element's box and every line of
 * text, after clipping by ancestors that hide or scroll their overflow, must lie within the
 * component's host box (1 px tolerance). Only the outermost offender is reported. Dropdowns,
 * popovers, modals and toasts float above the page by design and are left out.
 */
function outsideCards() {
  const out = [];
  const FLOATING =
    '.slds-dropdown, .slds-popover, section[role="dialog"], .slds-modal, .slds-backdrop, [role="tooltip"], .slds-assistive-text';
  const describe = (el) => {
    const cls =
      typeof el.className === 'string'
        ? el.className.trim().split(/\s+/).slice(0, 3).join('.')
        : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${text}"`;
  };
  const overBy = (card, box, clip) => {
    const left = Math.max(box.left, clip.left);
    const right = Math.min(box.right, clip.right);
    const top = Math.max(box.top, clip.top);
    const bottom = Math.min(box.bottom, clip.bottom);
    if (right <= left || bottom <= top) return 0;
    return Math.max(card.left - left, right - card.right, card.top - top, bottom - card.bottom);
  };
  const clipOf = (clip, style, r) => {
    const x = style.overflowX !== 'visible';
    const y = style.overflowY !== 'visible';
    if (!x && !y) return clip;
    const left = x ? Math.max(clip.left, r.left) : clip.left;
    const right = x ? Math.min(clip.right, r.right) : clip.right;
    const top = y ? Math.max(clip.top, r.top) : clip.top;
    const bottom = y ? Math.min(clip.bottom, r.bottom) : clip.bottom;
    return { left, right, top, bottom };
  };
  const check = (el, card, clip, component) => {
    if (el.matches(FLOATING)) return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      const over = overBy(card, r, clip);
      if (over > 1) {
        out.push({ component, element: describe(el), overBy: Math.round(over) });
        return;
      }
    }
    const inner = clipOf(clip, style, r);
    // Text can spill out of a box that itself fits (long words, no wrapping): check its lines.
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE || node.textContent.trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of Array.from(range.getClientRects())) {
        const over = overBy(card, line, inner);
        if (over > 1) {
          const text = node.textContent.trim().slice(0, 40);
          out.push({
            component,
            element: `text "${text}" in ${describe(el)}`,
            overBy: Math.round(over),
          });
          break;
        }
      }
    }
    for (const child of Array.from(el.children)) check(child, card, inner, component);
    if (el.shadowRoot) {
      for (const child of Array.from(el.shadowRoot.children)) check(child, card, inner, component);
    }
  };
  const everything = { left: -1e6, right: 1e6, top: -1e6, bottom: 1e6 };
  for (const host of Array.from(document.querySelectorAll('[data-component]'))) {
    const component = host.getAttribute('data-component') || '?';
    const card = host.getBoundingClientRect();
    for (const child of Array.from(host.children)) check(child, card, everything, component);
  }
  return out;
}

module.exports = { outsideCards };
