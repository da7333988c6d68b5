/**
 * Browser-test harness: Chromium through playwright-core with a fresh profile, and the checks
 * every workbench page must pass (no horizontal scroll, no element outside its card, no WCAG
 * 2.1 A/AA violation from axe), with a screenshot kept in workbench/artifacts/ (gitignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, HOW_TO } = require('./browser.js') as {
  findChromium: () => string | null;
  HOW_TO: string;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const dom = require('./dom.js') as {
  outsideCards: () => Overflow[];
  textFit: (root: unknown) => TextFit;
  factOverlaps: (dl: unknown) => Array<[string, string]>;
  cjkGlyphs: (el: unknown) => {
    family: string;
    notoAvailable: boolean;
    characters: number;
    distinct: number;
    likeMissing: number;
  };
  shownValue: (el: unknown) => { text: string; cut: boolean };
  jsonValues: (areas: unknown[]) => string[];
  generatedUrls: () => Array<{
    url: string;
    pageRef: { type: string; attributes: Record<string, string> };
  }>;
};

/** How an element's text sits in it (see dom.js `textFit`). */
export interface TextFit {
  /** Lines its visible text is drawn on. */
  lines: number;
  /** Words broken across two lines. */
  broken: string[];
  /** Texts of boxes that cut their content off (ellipsis, line clamp, hidden overflow). */
  clipped: string[];
  text: string;
}

export const textFit = (target: Locator): Promise<TextFit> => target.evaluate(dom.textFit);

/** Label/value pairs of a `dl` drawn over each other (see dom.js `factOverlaps`). */
export const factOverlaps = (dl: Locator): Promise<Array<[string, string]>> =>
  dl.evaluate(dom.factOverlaps);

/**
 * The accessibility rules every page must pass: WCAG 2.0/2.1 A and AA, plus
 * label-content-name-mismatch (WCAG 2.5.3), which axe tags experimental and leaves out unless it
 * is enabled by name.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const AXE_EXTRA_RULES = ['label-content-name-mismatch'];

/**
 * Run in the page itself (legacy mode: one `axe.run`, no partial results gathered and finished in
 * a second page; the workbench has no iframes), keeping node details for violations only. On the
 * Demand page (4,000 elements behind synthetic shadow) that takes 7 s instead of 34 s, which is
 * most of what a journey's page check costs.
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({
      resultTypes: ['violations'],
      rules: Object.fromEntries(AXE_EXTRA_RULES.map((id) => [id, { enabled: true }])),
    })
    .withTags(AXE_TAGS);
}

export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

/** Launch flags that work in containers and offline machines. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  // Never a silent skip: without a browser the suite fails, saying how to get one.
  if (!executablePath) throw new Error(HOW_TO);
  const profile = mkdtempSync(path.join(tmpdir(), 'quorum-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a workbench page and waits until its components have mounted and settled. */
export async function openPage(page: Page, url: string): Promise<void> {
  trackRequests(page);
  await page.goto(url);
  await page.waitForSelector('html[data-workbench-mounted="true"]');
  await settle(page);
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's requests in flight, leaving out the long-lived change-event stream. */
function trackRequests(page: Page): Set<unknown> {
  let set = inFlight.get(page);
  if (set) return set;
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  const streaming = (url: string) => url.includes('/__workbench/events');
  page.on('request', (r) => {
    if (!streaming(r.url())) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  set = pending;
  return set;
}

/**
 * Waits until no request has been in flight and no spinner has shown for 300 ms (bounded, never
 * fails by itself: the assertions that follow say what is wrong).
 */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  const pending = trackRequests(page);
  const until = Date.now() + timeout;
  let quietSince = Date.now();
  while (Date.now() < until) {
    const busy = pending.size > 0 || (await page.locator('lightning-spinner').count()) > 0;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await page.waitForTimeout(50);
  }
}

export interface Overflow {
  component: string;
  element: string;
  overBy: number;
}

/**
 * Elements drawn outside their component's card: every element's visible box (after clipping by
 * ancestors that hide or scroll their overflow) must lie within the card (1 px tolerance).
 * Dropdowns, popovers, modals and toasts float above the page by design and are left out.
 */
export async function outsideCards(page: Page): Promise<Overflow[]> {
  return page.evaluate(dom.outsideCards);
}

export interface PageReport {
  horizontalScroll: { scrollWidth: number; clientWidth: number } | null;
  outside: Overflow[];
  axe: Array<{ id: string; impact: string | null | undefined; nodes: string[] }>;
}

/** A full-page screenshot kept as `<name>.png` in the artefacts folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The three per-page checks (axe: see axeFor) and a screenshot (`<name>.png`). */
export async function checkPage(page: Page, name: string): Promise<PageReport> {
  await screenshot(page, name);
  const size = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  );
  const axe = await axeFor(page).analyze();
  return {
    horizontalScroll: size.scrollWidth > size.clientWidth ? size : null,
    outside: await outsideCards(page),
    axe: axe.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)),
    })),
  };
}

/** Polls `read` until `accept` holds (bounded); returns the last value read. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeout = 30_000,
): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
