/**
 * The demand report's datatable columns: the ranked open themes, and the closed themes that are
 * asked for again. Scores use the one score format (SCORE_DIGITS decimals) of c/quorumFormat so
 * the table, the heat map and the explanation show the same number.
 */
import { SCORE_DIGITS } from 'c/quorumFormat';
import COL_RANK from '@salesforce/label/c.Quorum_Demand_ColRank';
import COL_THEME from '@salesforce/label/c.Quorum_Demand_ColTheme';
import COL_STATUS from '@salesforce/label/c.Quorum_Demand_ColStatus';
import COL_SCORE from '@salesforce/label/c.Quorum_Demand_ColScore';
import COL_TREND from '@salesforce/label/c.Quorum_Demand_ColTrend';
import COL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_ColAccounts';
import COL_PENETRATION from '@salesforce/label/c.Quorum_Demand_ColPenetration';
import COL_REVENUE from '@salesforce/label/c.Quorum_Demand_ColRevenue';
import COL_DECISION from '@salesforce/label/c.Quorum_Demand_ColDecisionBacked';
import COL_BLOCKERS from '@salesforce/label/c.Quorum_Demand_ColDealBlockers';
import COL_NEEDED_BY from '@salesforce/label/c.Quorum_Demand_ColNeededBy';
import QUORUM_REACHED from '@salesforce/label/c.Quorum_Demand_QuorumReached';

const SCORE = {
  label: COL_SCORE,
  fieldName: 'score',
  type: 'number',
  sortable: true,
  initialWidth: 95,
  typeAttributes: { minimumFractionDigits: SCORE_DIGITS, maximumFractionDigits: SCORE_DIGITS },
};
/** The theme column of the closed themes' table: it takes the width the others leave. */
const THEME_FLEXIBLE = {
  label: COL_THEME,
  fieldName: 'themeName',
  sortable: true,
  wrapText: true,
};
const THEME = { ...THEME_FLEXIBLE, initialWidth: 165 };
const TREND = {
  label: COL_TREND,
  fieldName: 'trendText',
  sortable: true,
  wrapText: true,
  initialWidth: 120,
  cellAttributes: {
    iconName: { fieldName: 'trendIcon' },
    iconAlternativeText: { fieldName: 'trendWord' },
  },
};
const ACCOUNTS = {
  label: COL_ACCOUNTS,
  fieldName: 'accounts',
  type: 'number',
  sortable: true,
  initialWidth: 120,
};

/** In the ranked table the accounts carry the quorum mark (one column less at 1,280 px). */
const ACCOUNTS_WITH_QUORUM = {
  ...ACCOUNTS,
  cellAttributes: {
    iconName: { fieldName: 'quorumIcon' },
    iconPosition: 'right',
    iconAlternativeText: QUORUM_REACHED,
  },
};
const REVENUE = {
  label: COL_REVENUE,
  fieldName: 'revenue',
  type: 'currency',
  sortable: true,
  initialWidth: 125,
  typeAttributes: { maximumFractionDigits: 0 },
};

/** Columns whose text is not what they sort by: the trend sorts by the change in score. */
export const SORT_KEYS = Object.freeze({ trendText: 'scoreChange' });

export const OPEN_COLUMNS = [
  // Widths that fit the card at 1,280 px with every header word whole (wrap-table-header wraps
  // between words): 90 + 165 + 95 + 120 + 120 + 120 + 125 + 115 + 120 + 110 and the checkbox.
  { label: COL_RANK, fieldName: 'rank', type: 'number', sortable: true, initialWidth: 90 },
  THEME,
  SCORE,
  TREND,
  ACCOUNTS_WITH_QUORUM,
  {
    label: COL_PENETRATION,
    fieldName: 'penetration',
    type: 'percent',
    sortable: true,
    initialWidth: 120,
    typeAttributes: { maximumFractionDigits: 1 },
  },
  REVENUE,
  {
    label: COL_DECISION,
    fieldName: 'decisionBacked',
    type: 'number',
    sortable: true,
    initialWidth: 115,
  },
  {
    label: COL_BLOCKERS,
    fieldName: 'dealBlockers',
    type: 'number',
    sortable: true,
    initialWidth: 120,
  },
  {
    label: COL_NEEDED_BY,
    fieldName: 'neededBy',
    type: 'date-local',
    sortable: true,
    initialWidth: 110,
  },
];

export const CLOSED_COLUMNS = [
  THEME_FLEXIBLE,
  { label: COL_STATUS, fieldName: 'themeStatusLabel', initialWidth: 120 },
  SCORE,
  TREND,
  ACCOUNTS,
  REVENUE,
];
