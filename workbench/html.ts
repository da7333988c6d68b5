/**
 * The HTML of a workbench page: SLDS, the flexipage's regions at their Lightning widths (a
 * 1,280 px desktop: 12 px page padding, 414 px record-page sidebar), a stand-in for the standard
 * record header and details (not Quorum's), a toast region, and the bundle.
 */
import type { Page } from './pages';

export interface PageContext {
  page: Page;
  mode: 'live' | 'fixture';
  lang: string;
  recordId: string | null;
  /** The record's name and a few standard fields for the stand-in header and details. */
  record: { name: string; fields: Array<[string, string]> } | null;
  labels: Record<string, string> | null;
  userId: string | null;
  /** The query string kept on workbench links (mode state, language). */
  query: string;
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** JSON inside a <script>: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const NAV: Array<[string, string]> = [
  ['opportunity', 'Opportunity'],
  ['account', 'Account'],
  ['demand', 'Demand'],
  ['segments', 'Segments'],
];

function standardParts(ctx: PageContext): { header: string; main: string } {
  const { page, record } = ctx;
  if (!page.objectApiName) return { header: '', main: '' };
  const name = record ? record.name : `${page.objectApiName} (fixture)`;
  const header = `
    <div class="slds-page-header slds-page-header_record-home wb-card-region" data-standard="highlights">
      <div class="slds-page-header__row"><div class="slds-page-header__col-title"><div class="slds-media">
        <div class="slds-media__body"><span class="slds-page-header__title-meta">${escape(page.objectApiName)}</span>
        <h1 class="slds-page-header__title slds-truncate" title="${escape(name)}">${escape(name)}</h1></div>
      </div></div></div>
    </div>`;
  const fields = (record ? record.fields : [])
    .map(
      ([label, value]) =>
        `<div class="slds-form-element slds-form-element_stacked"><span class="slds-form-element__label">${escape(label)}</span><div class="slds-form-element__static">${escape(value)}</div></div>`,
    )
    .join('');
  const main = `
    <article class="slds-card" data-standard="details">
      <div class="slds-card__header"><h2 class="slds-card__header-title">Details</h2></div>
      <div class="slds-card__body slds-card__body_inner">${fields || '<p>Standard record details (not part of Quorum).</p>'}</div>
    </article>`;
  return { header, main };
}

export function renderPage(ctx: PageContext): string {
  const { page } = ctx;
  const standard = standardParts(ctx);
  const regions = page.regions
    .map((region) => {
      const style = region.width
        ? `flex: 0 0 ${region.width}px; width: ${region.width}px;`
        : 'flex: 1 1 0; min-width: 0;';
      const components = region.components
        .map((c) => `<div class="wb-component" data-component="${escape(c)}"></div>`)
        .join('');
      const extra = region.name === 'main' ? standard.main : '';
      return `<div class="wb-region" data-region="${escape(region.name)}" style="${style}">${extra}${components}</div>`;
    })
    .join('');
  const nav = NAV.map(
    ([slug, label]) =>
      `<li class="slds-context-bar__item${slug === page.slug ? ' slds-is-active' : ''}"><a class="slds-context-bar__label-action" href="/${slug}${escape(ctx.query)}"${slug === page.slug ? ' aria-current="page"' : ''}><span class="slds-truncate">${label}</span></a></li>`,
  ).join('');
  const state = {
    page: { slug: page.slug, label: page.label },
    mode: ctx.mode,
    recordId: ctx.recordId,
    objectApiName: page.objectApiName,
    userId: ctx.userId,
    lang: ctx.lang,
    query: ctx.query,
  };
  return `<!doctype html>
<html lang="${escape(ctx.lang.replace('_', '-'))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.label)} · Quorum workbench (${ctx.mode})</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
  body { margin: 0; background: #b0c4df; font-family: 'Salesforce Sans', Arial, 'Noto Sans CJK SC', sans-serif; }
  .wb-page { padding: 12px; display: flex; flex-direction: column; gap: 12px; }
  .wb-columns { display: flex; gap: 12px; align-items: flex-start; }
  .wb-region { display: flex; flex-direction: column; gap: 12px; }
  .wb-toasts { position: fixed; top: 56px; left: 50%; transform: translateX(-50%); z-index: 9000; display: flex; flex-direction: column; gap: 8px; }
  .wb-mode { margin-left: auto; padding: 0 12px; align-self: center; }
</style>
</head>
<body>
<div class="slds-context-bar">
  <div class="slds-context-bar__primary"><div class="slds-context-bar__item slds-no-hover"><span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate">Quorum</span></span></div></div>
  <nav class="slds-context-bar__secondary" aria-label="Quorum pages"><ul class="slds-grid">${nav}</ul></nav>
  <span class="wb-mode slds-badge">workbench · ${ctx.mode}</span>
</div>
<main class="wb-page" data-page="${escape(page.slug)}">
  ${standard.header}
  <div class="wb-columns">${regions}</div>
</main>
<div class="wb-toasts" role="status" aria-live="polite" data-toasts></div>
<script>window.__QUORUM_WORKBENCH__ = ${scriptJson(state)};${ctx.labels ? ` window.__QUORUM_LABELS__ = ${scriptJson(ctx.labels)};` : ''}</script>
<script type="module" src="/app.js"></script>
</body>
</html>`;
}
