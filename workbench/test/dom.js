// Checks that run inside the page (plain browser JavaScript, passed to page.evaluate).
/* global document, getComputedStyle, Node, NodeFilter */
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

/**
 * How text sits inside one element (passed to `locator.evaluate`): the number of lines its
 * visible text is drawn on, the words broken across two lines (hyphenated or split), and the
 * boxes inside it whose content is clipped (ellipsis, line clamp or overflow hidden cutting text
 * off). Assistive text (visually hidden on purpose) is left out.
 */
function textFit(root) {
  // A text node's element (synthetic shadow answers null for text at a shadow root's top).
  const parentOf = (node) =>
    node.parentElement || (node.parentNode && node.parentNode.host) || null;
  // The real tree, child components' shadow content included (synthetic shadow hides it from
  // querySelectorAll and textContent; a TreeWalker sees it).
  const elementsIn = (el) => {
    const out = [el];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
    return out;
  };
  const textOf = (el) => {
    const parts = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent);
    return parts.join(' ').trim().replace(/\s+/g, ' ');
  };
  const visibleText = (node) => {
    const parent = parentOf(node);
    if (!parent || node.textContent.trim() === '') return false;
    if (parent.closest('.slds-assistive-text')) return false;
    const style = getComputedStyle(parent);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
  const tops = [];
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!visibleText(node)) continue;
    const text = node.textContent;
    const range = document.createRange();
    // Words as a reader sees them: a line may break after a hyphen, never inside a word.
    for (const match of text.matchAll(/[^\s\u2010-]+/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      const lineTops = [];
      for (const r of rects) {
        if (!lineTops.some((t) => Math.abs(t - r.top) < r.height / 2)) lineTops.push(r.top);
        if (!tops.some((t) => Math.abs(t.top - r.top) < t.height / 2))
          tops.push({ top: r.top, height: r.height });
      }
      if (lineTops.length > 1) broken.push(match[0]);
    }
  }
  const clipped = [];
  for (const el of elementsIn(root)) {
    if (el.closest('.slds-assistive-text') || textOf(el) === '') continue;
    const style = getComputedStyle(el);
    const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (!hides || style.display === 'none') continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      clipped.push(textOf(el).slice(0, 60));
  }
  return { lines: tops.length, broken, clipped, text: textOf(root) };
}

/**
 * Label/value pairs (the `dt`/`dd` children of a `dl`) drawn over each other: each child's own
 * box, its descendants' boxes and its text lines, compared with every other child's.
 */
function factOverlaps(dl) {
  // A text node's element (synthetic shadow answers null for text at a shadow root's top).
  const parentOf = (node) =>
    node.parentElement || (node.parentNode && node.parentNode.host) || null;
  // The real tree, child components' shadow content included (synthetic shadow hides it from
  // querySelectorAll and textContent; a TreeWalker sees it).
  const elementsIn = (el) => {
    const out = [el];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
    return out;
  };
  const textOf = (el) => {
    const parts = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent);
    return parts.join(' ').trim().replace(/\s+/g, ' ');
  };
  const boxesOf = (el) => {
    const out = [el.getBoundingClientRect()];
    for (const inner of elementsIn(el)) {
      if (inner.closest('.slds-assistive-text')) continue;
      const r = inner.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push(r);
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = parentOf(node);
      if (node.textContent.trim() === '' || !parent || parent.closest('.slds-assistive-text'))
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      out.push(...Array.from(range.getClientRects()));
    }
    return out.filter((r) => r.width > 0 && r.height > 0);
  };
  const items = Array.from(dl.children).map((el) => ({
    text: textOf(el).slice(0, 40),
    boxes: boxesOf(el),
  }));
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const out = [];
  items.forEach((a, i) => {
    items.slice(i + 1).forEach((b) => {
      if (a.boxes.some((x) => b.boxes.some((y) => overlap(x, y)))) out.push([a.text, b.text]);
    });
  });
  return out;
}

/**
 * Whether an element's CJK characters are drawn with a real font (passed to `locator.evaluate`):
 * each of up to four distinct characters is drawn alone on a canvas in the element's own font. A
 * missing glyph draws the same box ("tofu") for every character, the same box as a code point no
 * font has (U+10FFFD), so real glyphs are all distinct and none looks like the missing one.
 */
function cjkGlyphs(el) {
  const style = getComputedStyle(el);
  const chars = Array.from(new Set(el.textContent.match(/[\u4e00-\u9fff]/g) || [])).slice(0, 4);
  const draw = (ch) => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const ctx = canvas.getContext('2d');
    ctx.font = `${style.fontWeight} 32px ${style.fontFamily}`;
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
  };
  const missing = draw('\u{10FFFD}');
  const glyphs = chars.map(draw);
  return {
    family: style.fontFamily,
    notoAvailable: document.fonts.check('16px "Noto Sans CJK SC"', chars.join('')),
    characters: chars.length,
    distinct: new Set(glyphs).size,
    likeMissing: glyphs.filter((g) => g === missing).length,
  };
}

/** A form control's shown value and whether its box cuts it off. */
function shownValue(el) {
  const text = typeof el.value === 'string' && el.value ? el.value : el.textContent || '';
  return { text: text.trim(), cut: el.scrollWidth > el.clientWidth + 1 };
}

/** The values of text areas that hold JSON (an object or a list) instead of a form. */
function jsonValues(areas) {
  return areas.map((a) => a.value).filter((v) => /^\s*[[{]/.test(v));
}

/** What the navigation stand-in generated: `{ url, pageRef }` per URL. */
function generatedUrls() {
  return globalThis.__QUORUM_GENERATED_URLS__ || [];
}

module.exports = {
  outsideCards,
  textFit,
  factOverlaps,
  cjkGlyphs,
  shownValue,
  jsonValues,
  generatedUrls,
};
