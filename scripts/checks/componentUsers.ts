/**
 * Who opens each Lightning web component: the persona permission sets whose users see it, so
 * the component access check (componentAccess.ts) can prove each of them can read what the
 * component reads. Decided from where the component is placed and who the docs say uses it:
 *
 * - Opportunity and Account record pages (flexipages Quorum_Opportunity_Record_Page,
 *   Quorum_Account_Record_Page): the account team. `escalatedRequests` and `buyingCommittee`
 *   sit there; the rest of that group are their children or their modal.
 * - The Demand tab (flexipage Quorum_Demand, `demandReport` and its children): product managers
 *   (tab Visible) and sales ops (tab Visible too: they tune segments and the profile by it).
 * - The Segments tab (flexipage Quorum_Segments, `segmentRules` and `scoringProfileEditor` with
 *   their children): sales ops, who edit there; product managers have the tab Available and
 *   read-only access to segments, criteria and the profile, so the page must read for them too.
 *
 * A component may be listed for several permission sets: each must be able to read everything
 * the component reads. `writers` are those who also write through it (default: every user);
 * the object-level write check (create/edit/delete of a static mutation) applies to them only.
 * Shared modules without a page of their own (scoreBreakdownQuery, recordMutations …) are not
 * listed: their documents count for every listed component that imports them.
 */

export const ACCOUNT_TEAM = 'Quorum_Account_Team';
export const PRODUCT_MANAGER = 'Quorum_Product_Manager';
export const SALES_OPS = 'Quorum_Sales_Ops';

export interface ComponentUse {
  /** Permission sets whose users open the component. */
  readonly users: readonly string[];
  /** Those of them who also write through it; every user when absent. */
  readonly writers?: readonly string[];
}

const ACCOUNT_PAGES: ComponentUse = { users: [ACCOUNT_TEAM] };
const DEMAND_PAGE: ComponentUse = { users: [PRODUCT_MANAGER, SALES_OPS] };
const SEGMENTS_PAGE: ComponentUse = { users: [SALES_OPS, PRODUCT_MANAGER], writers: [SALES_OPS] };

export const COMPONENT_USERS: Readonly<Record<string, ComponentUse>> = {
  // Opportunity and Account record pages
  escalatedRequests: ACCOUNT_PAGES,
  requestItem: ACCOUNT_PAGES,
  requestEditor: ACCOUNT_PAGES,
  buyingCommittee: ACCOUNT_PAGES,
  committeeMember: ACCOUNT_PAGES,
  committeeAddMember: ACCOUNT_PAGES,
  // Demand tab
  demandReport: DEMAND_PAGE,
  demandHeatMap: DEMAND_PAGE,
  demandTrend: DEMAND_PAGE,
  demandExplanation: DEMAND_PAGE,
  demandDrilldown: DEMAND_PAGE,
  demandRunStatus: DEMAND_PAGE,
  // Segments tab
  segmentRules: SEGMENTS_PAGE,
  segmentEditor: SEGMENTS_PAGE,
  segmentCriterionRow: SEGMENTS_PAGE,
  segmentPreview: SEGMENTS_PAGE,
  scoringProfileEditor: SEGMENTS_PAGE,
  profileWeights: SEGMENTS_PAGE,
  profileRoleSides: SEGMENTS_PAGE,
  profileSummary: SEGMENTS_PAGE,
  // On every page
  errorPanel: { users: [ACCOUNT_TEAM, PRODUCT_MANAGER, SALES_OPS] },
};
