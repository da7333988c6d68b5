/**
 * The defects issue 21 found, each checked where it showed, and the fixture states: every page
 * with the jest payloads (loaded, empty, error, loading) in Chromium, plus live checks that need
 * real data. Assertions still failing because a component is not fixed are listed in known.ts.
 */
import type { Page } from 'playwright-core';
import { loadLabels } from '../build';
import { startWorkbench, type Workbench } from '../server';
import { checkPage, openBrowser, openPage, settle, type Browser } from './harness';
import { check } from './known';

const labels = loadLabels();
const L = new Proxy({} as Record<string, string>, {
  get(_target, name: string) {
    if (!(name in labels)) throw new Error(`No custom label ${name} in force-app`);
    return labels[name];
  },
});

let fixture: Workbench;
let live: Workbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fixture = await startWorkbench({ mode: 'fixture' });
  live = await startWorkbench({ mode: 'live', scale: 40 });
  browser = await openBrowser();
  page = browser.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await live?.close();
  await fixture?.close();
});

const PAGES = ['opportunity', 'account', 'demand', 'segments'];

describe('fixture pages (the jest payloads)', () => {
  for (const slug of PAGES) {
    for (const state of ['loaded', 'empty', 'error']) {
      check(
        `${slug} (${state}): no horizontal scroll, nothing outside its card, no axe violation`,
        async () => {
          await openPage(page, `${fixture.url}/${slug}?state=${state}`);
          const report = await checkPage(page, `fixture-${slug}-${state}`);
          expect(report.horizontalScroll).toBeNull();
          expect(report.outside).toEqual([]);
          expect(report.axe).toEqual([]);
        },
        120_000,
      );
    }
  }

  check(
    'demand (loading): the spinner covers its own area, not the whole card, and the run status does not say "No run yet."',
    async () => {
      await page.goto(`${fixture.url}/demand?state=loading`);
      await page.waitForSelector('html[data-workbench-mounted="true"]');
      await page.locator('lightning-spinner').first().waitFor();
      await checkPage(page, 'fixture-demand-loading');
      const card = await page.locator('[data-component="demandReport"]').boundingBox();
      const spinner = await page
        .locator('[data-component="demandReport"] lightning-spinner')
        .first()
        .boundingBox();
      expect(card && spinner).toBeTruthy();
      expect(spinner!.height).toBeLessThan(card!.height * 0.6);
      expect(await page.locator('[data-component="demandReport"]').innerText()).not.toContain(
        L.Quorum_Demand_NoRun,
      );
    },
    120_000,
  );

  check(
    'opportunity (error): escalated requests show an error instead of spinning forever',
    async () => {
      await openPage(page, `${fixture.url}/opportunity?state=error`);
      const requests = page.locator('[data-component="escalatedRequests"]');
      expect(await requests.locator('lightning-spinner').count()).toBe(0);
      expect(await requests.locator('c-error-panel').count()).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('live pages: the defects of issue 21', () => {
  check(
    'escalated requests: no "1 accounts", and the card icon is not the rows\' edit icon',
    async () => {
      await openPage(page, `${live.url}/opportunity`);
      const card = page.locator('[data-component="escalatedRequests"]');
      expect(await card.innerText()).not.toMatch(/\b1 accounts\b/);
      const header = await card
        .locator('lightning-card lightning-icon')
        .first()
        .getAttribute('icon-name');
      const rowEdit = await card.locator('lightning-button-icon').first().getAttribute('icon-name');
      expect(header).not.toBe(rowEdit);
    },
    120_000,
  );

  check(
    'buying committee: one "Add member" button while the add form is open, and no "No note" filler',
    async () => {
      await openPage(page, `${live.url}/opportunity`);
      const card = page.locator('[data-component="buyingCommittee"]');
      expect(await card.innerText()).not.toContain('No note');
      await card.getByRole('button', { name: L.Quorum_Committee_Add }).first().click();
      await settle(page);
      expect(
        await card.getByRole('button', { name: L.Quorum_Committee_Add, exact: true }).count(),
      ).toBe(1);
    },
    120_000,
  );

  check(
    'demand report: amounts of 1,000 or more carry thousands separators',
    async () => {
      await openPage(page, `${live.url}/demand`);
      const text = await page
        .locator('[data-component="demandReport"] lightning-datatable')
        .first()
        .innerText();
      expect(text).toMatch(/\d,\d{3}/);
      // Four or more digits in a row are an amount without separators (years in dates aside).
      const bare = (text.match(/(?<![\d.,:/-])\d{4,}(?![\d.,:/-])/g) ?? []).filter(
        (n) => !/^(19|20)\d\d$/.test(n),
      );
      expect(bare).toEqual([]);
    },
    120_000,
  );

  check(
    'request editor: the theme search waits for typing to pause instead of querying per keystroke',
    async () => {
      await openPage(page, `${live.url}/opportunity`);
      await page.getByRole('button', { name: L.Quorum_Requests_New }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await settle(page);
      let searches = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('themeSearch'))
          searches += 1;
      });
      const search = dialog.getByLabel(L.Quorum_Requests_ThemeSearch).first();
      await search.pressSequentially('single sign', { delay: 40 });
      await settle(page);
      expect(searches).toBeGreaterThan(0);
      expect(searches).toBeLessThanOrEqual(2);
    },
    120_000,
  );
});
