/**
 * Pure data shaping for the demand report: GraphQL nodes in, rows and heat map cells out.
 * Kept apart from the component so that every number the report shows can be unit-tested.
 */
import { valueOf as val } from 'c/graphqlNodes';
import { formatScore } from 'c/quorumFormat';
import { formatLabel } from 'c/ldsUtils';
import { CLOSED_THEME_STATUSES } from 'c/quorumProfile';
import { readBreakdown, sumOfVoices } from 'c/quorumBreakdown';

/** The pseudo segment id of the "all accounts" scores (blank Segment__c, key "ALL:<theme>"). */
export const ALL_SEGMENTS = 'ALL';

/** Number of shading steps in the heat map (CSS classes heat-0 .. heat-4). */
export const HEAT_LEVELS = 5;

/** True when a score row belongs to "all accounts" (blank segment or an ALL: key). */
export function isAllAccountsScore(node) {
  const key = val(node.Score_Key__c);
  return !val(node.Segment__c) || (typeof key === 'string' && key.startsWith(`${ALL_SEGMENTS}:`));
}

/** The segment key of a score node: its Segment__c, or ALL. */
export function segmentKeyOf(node) {
  return isAllAccountsScore(node) ? ALL_SEGMENTS : val(node.Segment__c);
}

/**
 * Flattens one Segment_Demand_Score__c node into a datatable row.
 * Penetration__c is a Percent field (37.5 means 37.5 %): the datatable's percent type wants 0.375.
 */
export function toThemeRow(node) {
  const penetration = val(node.Penetration__c);
  const quorum = val(node.Quorum_Reached__c) === true;
  const themeName = node.Theme__r ? val(node.Theme__r.Name) : null;
  return {
    id: node.Id,
    scoreKey: val(node.Score_Key__c),
    themeId: val(node.Theme__c),
    segmentKey: segmentKeyOf(node),
    themeName: themeName || val(node.Theme__c),
    score: val(node.Score__c),
    rank: val(node.Rank__c),
    accounts: val(node.Account_Count__c),
    segmentAccounts: val(node.Segment_Account_Count__c),
    penetration: penetration === null ? null : penetration / 100,
    requests: val(node.Request_Count__c),
    revenue: val(node.Revenue_At_Stake__c),
    decisionBacked: val(node.Decision_Backed_Count__c),
    dealBlockers: val(node.Deal_Blocker_Count__c),
    neededBy: val(node.Earliest_Needed_By__c),
    quorumReached: quorum,
    quorumIcon: quorum ? 'utility:groups' : null,
    normalized: val(node.Normalized_Score__c),
    themeStatus: val(node.Theme_Status__c),
    themeStatusLabel: node.Theme_Status__c
      ? node.Theme_Status__c.displayValue || val(node.Theme_Status__c)
      : null,
    isClosed: CLOSED_THEME_STATUSES.includes(val(node.Theme_Status__c)),
    scoreChange: val(node.Score_Change_90d__c),
    accountChange: val(node.Account_Change_90d__c),
    ...trendOf(val(node.Score_Change_90d__c)),
  };
}

/**
 * The 90-day trend of a score: growing, falling or flat, with the arrow and icon that say so.
 * Blank when there is no history that old.
 * @param {number|null} change Score_Change_90d__c
 */
export function trendOf(change) {
  if (typeof change !== 'number') {
    return { trend: null, trendIcon: null };
  }
  if (change > 0) {
    return { trend: 'up', trendIcon: 'utility:arrowup' };
  }
  if (change < 0) {
    return { trend: 'down', trendIcon: 'utility:arrowdown' };
  }
  return { trend: 'flat', trendIcon: 'utility:dash' };
}

/** Every theme row of one segment (ALL for all accounts), by rank then score. */
export function themeRowsFor(scoreNodes, segmentKey) {
  return scoreNodes
    .filter((node) => segmentKeyOf(node) === segmentKey)
    .map(toThemeRow)
    .sort(compareByRank);
}

/**
 * One segment's rows split as a PM reads them: open demand ranked, and apart the themes
 * already Delivered or Declined that customers ask for again (their rows keep their figures
 * but have no rank), strongest first.
 * @returns {{ open: object[], closed: object[] }}
 */
export function splitByThemeStatus(rows) {
  const open = rows.filter((row) => !row.isClosed);
  const closed = rows
    .filter((row) => row.isClosed)
    .sort((a, b) => (b.score || 0) - (a.score || 0) || compareNames(a, b));
  return { open, closed };
}

function compareNames(a, b) {
  return String(a.themeName).localeCompare(String(b.themeName));
}

function compareByRank(a, b) {
  const ra = a.rank === null ? Number.MAX_SAFE_INTEGER : a.rank;
  const rb = b.rank === null ? Number.MAX_SAFE_INTEGER : b.rank;
  if (ra !== rb) {
    return ra - rb;
  }
  return (b.score || 0) - (a.score || 0);
}

/**
 * Sorts datatable rows by one field (datatable onsort), blanks last in both directions,
 * text compared case-insensitively. Returns a new array.
 */
export function sortRows(rows, fieldName, direction) {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[fieldName];
    const y = b[fieldName];
    const xBlank = x === null || x === undefined || x === '';
    const yBlank = y === null || y === undefined || y === '';
    if (xBlank || yBlank) {
      return xBlank === yBlank ? 0 : xBlank ? 1 : -1;
    }
    if (typeof x === 'string' && typeof y === 'string') {
      return sign * x.localeCompare(y, undefined, { sensitivity: 'base' });
    }
    if (x === y) {
      return 0;
    }
    return sign * (x < y ? -1 : 1);
  });
}

/**
 * The shading level 0..HEAT_LEVELS-1 of a value against the strongest one; 0 for no value.
 * Level 1 and up mean some demand, so the lightest shade is kept for blank cells.
 */
export function heatLevel(value, max) {
  if (typeof value !== 'number' || !(max > 0) || value <= 0) {
    return 0;
  }
  return Math.max(1, Math.min(HEAT_LEVELS - 1, Math.ceil((value / max) * (HEAT_LEVELS - 1))));
}

/**
 * The legend of the heat map's shades: for each level above 0, the range of segment-normalised
 * scores it stands for (as fractions of the strongest cell's).
 * @param {number} max the strongest normalised score
 * @returns {{level: number, className: string, from: number, to: number}[]}
 */
export function heatLegend(max) {
  const steps = HEAT_LEVELS - 1;
  return Array.from({ length: steps }, (unused, i) => ({
    level: i + 1,
    className: `legend-swatch heat-${i + 1}`,
    from: (max * i) / steps,
    to: (max * (i + 1)) / steps,
  }));
}

/**
 * Builds the themes × segments heat map.
 * Columns: "all accounts" first, then the given segments in their given (priority) order.
 * Rows: every theme that has a score anywhere, strongest all-accounts score first, then by name.
 * Each cell shows its score as text and is shaded by its segment-normalised score
 * (Normalized_Score__c) against the strongest cell's, so a small segment's strong demand is as
 * dark as a big segment's; rows written before the field existed fall back to the score.
 * Colour only repeats what the text and the legend say.
 * @param {object[]} scoreNodes Segment_Demand_Score__c GraphQL nodes
 * @param {{id: string, name: string}[]} segments segment columns, in order
 * @param {string} allLabel header text of the "all accounts" column
 * @param {string} [cellName] label of a cell's accessible name: {0} theme, {1} segment
 */
export function buildHeatMap(scoreNodes, segments, allLabel, cellName = '{0}, {1}') {
  const columns = [
    { key: ALL_SEGMENTS, name: allLabel },
    ...segments.map((s) => ({ key: s.id, name: s.name })),
  ];
  const known = new Set(columns.map((c) => c.key));
  const themes = new Map();
  const cells = [];
  for (const node of scoreNodes) {
    const segmentKey = segmentKeyOf(node);
    const themeId = val(node.Theme__c);
    const score = val(node.Score__c);
    if (!known.has(segmentKey) || !themeId || typeof score !== 'number') {
      continue;
    }
    if (!themes.has(themeId)) {
      const name = node.Theme__r ? val(node.Theme__r.Name) : null;
      themes.set(themeId, {
        themeId,
        themeName: name || themeId,
        status: null,
        statusLabel: null,
        cells: new Map(),
      });
    }
    const theme = themes.get(themeId);
    const status = val(node.Theme_Status__c);
    if (CLOSED_THEME_STATUSES.includes(status)) {
      theme.status = status;
      theme.statusLabel = node.Theme_Status__c.displayValue || status;
    }
    const normalized = val(node.Normalized_Score__c);
    const cell = { score, normalized: typeof normalized === 'number' ? normalized : null };
    theme.cells.set(segmentKey, cell);
    cells.push(cell);
  }
  const useNormalized = cells.some((cell) => cell.normalized !== null);
  const shadeOf = (cell) => (useNormalized ? cell.normalized : cell.score);
  const max = cells.reduce((m, cell) => Math.max(m, shadeOf(cell) || 0), 0);
  const rows = [...themes.values()]
    .sort((a, b) => {
      const scoreOf = (theme) => (theme.cells.get(ALL_SEGMENTS) || { score: 0 }).score;
      const diff = scoreOf(b) - scoreOf(a);
      return diff !== 0 ? diff : a.themeName.localeCompare(b.themeName);
    })
    .map((theme) => ({
      themeId: theme.themeId,
      themeName: theme.themeName,
      statusLabel: theme.statusLabel,
      isClosed: Boolean(theme.status),
      cells: columns.map((column) => {
        const cell = theme.cells.get(column.key) || null;
        const score = cell ? cell.score : null;
        const level = cell ? heatLevel(shadeOf(cell), max) : 0;
        return {
          key: `${theme.themeId}:${column.key}`,
          segmentKey: column.key,
          score,
          text: formatScore(score),
          // The button's name: value, theme and segment, so it reads alone (e.g. in a list of
          // buttons) as well as in table navigation.
          assistiveText: formatLabel(cellName, theme.themeName, column.name),
          isBlank: score === null,
          className: `heat-cell heat-${level}`,
        };
      }),
    }));
  return { columns, rows, max, normalized: useNormalized, legend: heatLegend(max) };
}

// ---------------------------------------------------------------------------------------------
// Breakdown__c: read with the shared reader (c/quorumBreakdown, also the service's)
// ---------------------------------------------------------------------------------------------

/**
 * The breakdown of one score for the explanation: every contributing account with every factor,
 * strongest voice first (then name or id, so the order never depends on the text's). Unreadable
 * text (blank, malformed, an older format) gives `{ ok: false }`: a row the next run rewrites.
 * @param {string} text Breakdown__c
 * @returns {{ok: boolean, score?: number, cap?: number, accounts?: object[], others?: object, accountCount?: number}}
 */
export function explainScore(text) {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false };
  }
  let breakdown;
  try {
    breakdown = readBreakdown(text);
  } catch {
    return { ok: false };
  }
  const accounts = [...breakdown.accounts].sort(
    (a, b) =>
      (b.voice || 0) - (a.voice || 0) ||
      (b.weight || 0) - (a.weight || 0) ||
      String(a.account).localeCompare(String(b.account)),
  );
  const others = breakdown.others && breakdown.others.accounts ? breakdown.others : null;
  return {
    ok: true,
    score: breakdown.score,
    cap: breakdown.cap,
    accounts,
    others,
    accountCount: accounts.length + (others ? others.accounts : 0),
    total: sumOfVoices({ accounts, others }),
  };
}

/** The listed accounts' strongest requests, whose account names the explanation reads. */
export function strongestRequestIds(explained, limit) {
  if (!explained.ok) {
    return [];
  }
  return explained.accounts
    .map((a) => a.request)
    .filter(Boolean)
    .slice(0, limit);
}

/**
 * Adds the account names read from the strongest requests (Escalated_Request__c nodes, read
 * with the viewer's sharing). An account the viewer can't see keeps no name.
 */
export function withAccountNames(explained, requestNodes) {
  if (!explained.ok) {
    return explained;
  }
  const byId = new Map(requestNodes.map((node) => [node.Id, node]));
  const accounts = explained.accounts.map((a) => {
    const node = byId.get(a.request);
    const name = node && node.Account__r ? val(node.Account__r.Name) : null;
    return name ? { ...a, name } : a;
  });
  return { ...explained, accounts };
}

// ---------------------------------------------------------------------------------------------
// Drill-down
// ---------------------------------------------------------------------------------------------

/**
 * The GraphQL `where` of the requests behind one theme in one segment (null = all accounts).
 * A request belongs to its Theme__c, or to its Suggested_Theme__c while Theme__c is blank, and
 * a theme merged into this one (Merged_Into__c) brings its requests along, as the engine counts
 * them (one merge step is followed here). Passed as a variable, never spliced into query text.
 *
 * Segments overlap and a request is stamped with its account's primary segment only, so a
 * segment's requests are those of the accounts its score counted (`accountIds`, from the
 * score's breakdown); the Segment__c stamp is the fallback when the breakdown can't be read.
 */
export function drilldownWhere(themeId, segmentId, accountIds) {
  const theme = {
    or: [
      { Theme__c: { eq: themeId } },
      { Theme__r: { Merged_Into__c: { eq: themeId } } },
      {
        and: [
          { Theme__c: { eq: null } },
          {
            or: [
              { Suggested_Theme__c: { eq: themeId } },
              { Suggested_Theme__r: { Merged_Into__c: { eq: themeId } } },
            ],
          },
        ],
      },
    ],
  };
  if (!segmentId) {
    return theme;
  }
  const members = Array.isArray(accountIds)
    ? { Account__c: { in: accountIds } }
    : { Segment__c: { eq: segmentId } };
  return { and: [theme, members] };
}

/** The ids of the accounts a score counted (listed in its breakdown), or null if unreadable. */
export function countedAccountIds(breakdownText) {
  const explained = explainScore(breakdownText);
  return explained.ok ? explained.accounts.map((a) => a.account) : null;
}

/**
 * Drill-down rows marked by whether the scoring profile counts their status (`counted`), with
 * the status cell saying so for the rest (`notCountedLabel`: '{0} (not counted)'), and how many
 * are not counted: a Declined request is listed as an ask but is not in the score above it.
 */
export function markCounted(rows, countedStatuses, notCountedLabel) {
  let notCounted = 0;
  const marked = rows.map((row) => {
    const counted = countedStatuses.includes(row.statusValue);
    if (counted) {
      return { ...row, counted };
    }
    notCounted += 1;
    return { ...row, counted, status: formatLabel(notCountedLabel, row.status ?? '') };
  });
  return { rows: marked, notCounted };
}

/** Request rows for the drill-down table, and the distinct accounts they come from. */
export function drilldownRows(requestNodes) {
  const rows = requestNodes.map((node) => ({
    id: node.Id,
    title: val(node.Name),
    accountId: val(node.Account__c),
    accountName: node.Account__r ? val(node.Account__r.Name) : val(node.Account__c),
    urgency: node.Urgency__c ? node.Urgency__c.displayValue || val(node.Urgency__c) : null,
    status: node.Status__c ? node.Status__c.displayValue || val(node.Status__c) : null,
    statusValue: val(node.Status__c) ?? null,
    askedOn: val(node.Asked_On__c) ?? null,
    neededBy: val(node.Needed_By__c),
    revenue: val(node.Revenue_At_Stake__c),
    dealBlocker: val(node.Deal_Blocker__c) === true,
    // Why Quorum suggested the theme: only while people have not themed the request (a themed
    // request keeps its old reason as the record of the person's move, not as a reason).
    suggestionReason: val(node.Theme__c) ? null : (val(node.Suggestion_Reason__c) ?? null),
  }));
  // By account, and within one its latest asks first (ISO dates compare as text; none last).
  rows.sort(
    (a, b) =>
      String(a.accountName).localeCompare(String(b.accountName)) ||
      String(b.askedOn ?? '').localeCompare(String(a.askedOn ?? '')) ||
      String(a.title).localeCompare(String(b.title)),
  );
  const accounts = new Set(rows.map((row) => row.accountId));
  return { rows, accountCount: accounts.size };
}
