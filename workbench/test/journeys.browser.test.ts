/**
 * One journey per persona in live mode: the workbench's real components against the org emulator
 * and the running Quorum service, in Chromium. Every page also passes the per-page checks
 * (no horizontal scroll, nothing outside its card, no WCAG 2.1 A/AA violation).
 */
import type { Page } from 'playwright-core';
import { labelTexts } from '../build';
import { startWorkbench, type Workbench } from '../server';
import {
  checkPage,
  eventually,
  openBrowser,
  openPage,
  settle,
  type Browser,
  type PageReport,
} from './harness';
import { check } from './known';

const L = labelTexts();
let wb: Workbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startWorkbench({ mode: 'live', scale: 40, pollIntervalMs: 500 });
  browser = await openBrowser();
  page = browser.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

const reports = new Map<string, PageReport>();

/** Checks the page as it is now (and keeps a screenshot); asserted by pageChecks below. */
async function snapshot(name: string): Promise<void> {
  reports.set(name, await checkPage(page, name));
}

/** The per-page assertions for page states a journey reached, one test each. */
function pageChecks(names: string[]): void {
  for (const name of names) {
    const report = () => {
      const r = reports.get(name);
      if (!r) throw new Error(`The journey did not reach ${name}`);
      return r;
    };
    check(`${name}: no horizontal scroll`, async () =>
      expect(report().horizontalScroll).toBeNull(),
    );
    check(`${name}: no element outside its card`, async () => expect(report().outside).toEqual([]));
    check(`${name}: no WCAG 2.1 A/AA violation (axe)`, async () =>
      expect(report().axe).toEqual([]),
    );
  }
}

describe('account executive on an Opportunity page', () => {
  it('adds a buying-committee member and logs an escalated request', async () => {
    const store = wb.emulator!.store;
    const opportunityId = wb.records.opportunity!;
    await openPage(page, `${wb.url}/opportunity`);
    await snapshot('live-opportunity');

    // A contact of the account who is not on the committee yet.
    const [opp] = store.query(`SELECT AccountId FROM Opportunity WHERE Id = '${opportunityId}'`);
    const members = new Set(
      store
        .query(
          `SELECT Contact__c FROM Buying_Committee_Member__c WHERE Opportunity__c = '${opportunityId}'`,
        )
        .map((m) => m.Contact__c),
    );
    const contact = store
      .query(`SELECT Id, Name FROM Contact WHERE AccountId = '${opp.AccountId}' ORDER BY Name ASC`)
      .find((c) => !members.has(c.Id))!;
    expect(contact).toBeDefined();

    await page.getByRole('button', { name: L.Quorum_Committee_Add }).first().click();
    const picker = page.getByRole('combobox', { name: L.Quorum_Committee_PickerLabel });
    await picker.fill(String(contact.Name).slice(0, 6));
    await page.getByRole('option', { name: new RegExp(String(contact.Name)) }).click();
    await page.getByRole('combobox', { name: L.Quorum_Committee_ColRole }).click();
    await page.getByRole('option').first().click();
    await snapshot('live-opportunity-add-member-form');
    await page.getByRole('button', { name: L.Quorum_Committee_Add }).last().click();
    const added = () =>
      store.query(
        `SELECT Id FROM Buying_Committee_Member__c WHERE Opportunity__c = '${opportunityId}' AND Contact__c = '${contact.Id}'`,
      ).length;
    expect(await eventually(added, (n) => n === 1)).toBe(1);
    await settle(page);
    expect(await page.getByText(String(contact.Name)).count()).toBeGreaterThan(0);

    // Log a request through the editor.
    const before = store.count('Escalated_Request__c');
    await page.getByRole('button', { name: L.Quorum_Requests_New }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settle(page);
    await dialog
      .getByLabel(L.Quorum_Requests_TitleField)
      .first()
      .fill('Audit trail export 审计导出');
    await dialog.getByRole('combobox', { name: L.Quorum_Requests_Urgency }).click();
    await dialog.getByRole('option', { name: 'High' }).click();
    await snapshot('live-opportunity-request-editor');
    await dialog.getByRole('button', { name: L.Quorum_Common_Save }).click();
    const count = () => store.count('Escalated_Request__c');
    expect(await eventually(count, (n) => n === before + 1)).toBe(before + 1);
    await settle(page);
    await snapshot('live-opportunity-after');
  });
  pageChecks([
    'live-opportunity',
    'live-opportunity-add-member-form',
    'live-opportunity-request-editor',
    'live-opportunity-after',
  ]);
});

/** Presses "Recompute now" and follows the run shown until it succeeds; returns what it saw. */
async function recomputeAndWatch(): Promise<{ sawProgress: boolean; final: string }> {
  const store = wb.emulator!.store;
  const runsBefore = store.count('Demand_Run__c');
  // The service's reads and writes are slowed a little (the page's own calls are not), so the
  // run lasts long enough to be watched.
  for (const route of ['composite*', 'sobjects*'])
    await fetch(`${wb.emulator!.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', route, rate: 1, latencyMs: 100 }),
    });
  try {
    await page.getByRole('button', { name: L.Quorum_Demand_Recompute }).click();
    let sawProgress = false;
    const finished = await eventually(
      async () => {
        if ((await page.locator('lightning-progress-bar').count()) > 0) sawProgress = true;
        const [run] = store.query(
          'SELECT Status__c FROM Demand_Run__c ORDER BY CreatedDate DESC LIMIT 1',
        );
        return store.count('Demand_Run__c') > runsBefore ? String(run.Status__c) : '';
      },
      (status) => status === 'Succeeded' || status === 'Failed',
      90_000,
    );
    expect(finished).toBe('Succeeded');
    // The page follows the run to its end without a reload.
    await page
      .getByText(/Succeeded/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('lightning-progress-bar').waitFor({ state: 'detached', timeout: 30_000 });
    return { sawProgress, final: finished };
  } finally {
    await fetch(`${wb.emulator!.url}/__emulator/faults`, { method: 'DELETE' });
  }
}

describe('product manager on the Demand page', () => {
  it('picks a segment, opens a theme explanation and drill-down, recomputes and sees the run succeed', async () => {
    const store = wb.emulator!.store;
    await openPage(page, `${wb.url}/demand`);
    await snapshot('live-demand');

    // A segment with scores, picked from the segment menu.
    const [top] = store.query(
      'SELECT Segment__c, Segment__r.Name, Theme__r.Name FROM Segment_Demand_Score__c WHERE Segment__c != null ORDER BY Score__c DESC LIMIT 1',
    );
    const segmentName = String((top.Segment__r as Record<string, unknown>).Name);
    await page.getByRole('combobox', { name: L.Quorum_Demand_Segment }).click();
    await page.getByRole('option', { name: segmentName }).click();
    await settle(page);

    // The segment's top theme: its explanation and the requests behind it.
    const themeName = String((top.Theme__r as Record<string, unknown>).Name);
    const row = page.locator('lightning-datatable tr', { hasText: themeName }).first();
    await row.locator('.slds-radio__label').click();
    await settle(page);
    await page
      .getByRole('heading', { name: new RegExp(themeName) })
      .first()
      .waitFor();
    // The drill-down lists requests with this theme (of the accounts the score counted).
    const names = store
      .query('SELECT Name, Theme__r.Name FROM Escalated_Request__c WHERE Theme__c != null')
      .filter((r) => (r.Theme__r as Record<string, unknown>).Name === themeName)
      .map((r) => String(r.Name));
    expect(names.length).toBeGreaterThan(0);
    const shown = await eventually(
      () => page.locator('c-demand-drilldown').innerText(),
      (text) => names.some((n) => text.includes(n)),
    );
    expect(names.some((n) => shown.includes(n))).toBe(true);
    await snapshot('live-demand-theme');

    const run = await recomputeAndWatch();
    expect(run.sawProgress).toBe(true);
    await settle(page);
    await snapshot('live-demand-after-run');
  }, 600_000);

  pageChecks(['live-demand', 'live-demand-theme', 'live-demand-after-run']);
});

describe('sales ops on the Segments page', () => {
  it('edits a criterion, sees the preview count change, saves, runs and sees Valid and Invalid', async () => {
    const store = wb.emulator!.store;
    await openPage(page, `${wb.url}/segments`);
    await snapshot('live-segments');

    const count = (employees: number) =>
      store.query(
        `SELECT Id FROM Account WHERE Industry = 'Banking' AND NumberOfEmployees >= ${employees}`,
      ).length;
    expect(count(1000)).not.toBe(count(5000));

    await page
      .getByRole('button', { name: /Enterprise banks/ })
      .first()
      .click();
    await settle(page);
    const preview = page.locator('c-segment-preview');
    await eventually(
      () => preview.innerText(),
      (text) => text.includes(String(count(5000))),
    );
    const value = page
      .locator('c-segment-criterion-row')
      .nth(1)
      .getByLabel(L.Quorum_Segment_Value, { exact: true })
      .filter({ visible: true })
      .first();
    // A person selects the number and types over it (the formatted number input keeps its
    // text on fill).
    await value.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await value.blur();
    const after = await eventually(
      () => preview.innerText(),
      (text) => text.includes(String(count(1000))),
    );
    expect(after).toContain(String(count(1000)));
    await snapshot('live-segments-editing');

    await page.getByRole('button', { name: L.Quorum_Segment_Save }).click();
    const saved = () =>
      store.query(
        "SELECT Value__c FROM Segment_Criterion__c WHERE Segment__r.Name = 'Enterprise banks' AND Number__c = 2",
      )[0].Value__c;
    expect(await eventually(saved, (v) => v === '1000')).toBe('1000');

    // Run: the Demand page's "Recompute now"; then the rules show what the run found.
    await openPage(page, `${wb.url}/demand`);
    await recomputeAndWatch();
    await openPage(page, `${wb.url}/segments`);
    const badge = (name: string) =>
      page.locator('li', { has: page.getByRole('button', { name }) }).locator('lightning-badge');
    expect(await badge('Enterprise banks').innerText()).toMatch(/Valid/);
    expect(await badge('Tech scale-ups (draft)').innerText()).toMatch(/Invalid/);
    await snapshot('live-segments-after-run');
  }, 600_000);

  pageChecks(['live-segments', 'live-segments-editing', 'live-segments-after-run']);
});
