/**
 * Pure data shaping for the demand report: GraphQL nodes in, rows and heat map cells out.
 * Kept apart from the component so that every number the report shows can be unit-tested.
 */
import { nodesOf, valueOf as val } from 'c/graphqlNodes';
import { formatScore } from 'c/quorumFormat';

export { nodesOf, val };

/** The pseudo segment id of the "all accounts" scores (blank Segment__c, key "ALL:<theme>"). */
export const ALL_SEGMENTS = 'ALL';

/** Number of shading steps in the heat map (CSS classes heat-0 .. heat-4). */
export const HEAT_LEVELS = 5;

/** Theme statuses that close a need: such themes keep their figures but get no rank. */
export const CLOSED_STATUSES = Object.freeze(['Delivered', 'Declined']);

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
    isClosed: CLOSED_STATUSES.includes(val(node.Theme_Status__c)),
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
 */
export function buildHeatMap(scoreNodes, segments, allLabel) {
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
    if (CLOSED_STATUSES.includes(status)) {
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
          assistiveText: `${theme.themeName}, ${column.name}`,
          isBlank: score === null,
          className: `heat-cell heat-${level}`,
        };
      }),
    }));
  return { columns, rows, max, normalized: useNormalized, legend: heatLegend(max) };
}

// ---------------------------------------------------------------------------------------------
// Breakdown__c: the service's JSON of every factor of every contributing account
// ---------------------------------------------------------------------------------------------
//
// The engine writes (server/src/domain/breakdown.ts):
//   { "score": 7.25, "requests": 9,
//     "accounts": [ { "account": "001…", "request": "a03…", "requests": 2, "urgency": 1.5,
//                     "source": 1.25, "side": "Decision", "sideWeight": 1.5, "decay": 0.84,
//                     "blocker": 1.5, "weight": 3.55, "revenue": 250000, "revenueFactor": 1.27,
//                     "voice": 3 }, … ],
//     "others": { "accounts": 120, "voice": 31.5 } }
// Ids only: names and the urgency's label come from the strongest requests, read with the
// viewer's sharing. The reader stays lenient (a bare list, names or labels inline) so an older
// or hand-edited breakdown still explains itself instead of failing.

function pick(object, names) {
  if (!object || typeof object !== 'object') {
    return undefined;
  }
  for (const name of names) {
    if (object[name] !== undefined && object[name] !== null) {
      return object[name];
    }
  }
  return undefined;
}

function asText(value) {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'object') {
    return asText(pick(value, ['Name', 'name', 'label', 'value']));
  }
  return String(value);
}

function asNumber(value) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * The service's format 2 lists accounts as rows under `columns`, with the factor sets they
 * share listed once (`factorSets` under `factorColumns`, referenced by `factorSet`): this turns
 * them back into one object per account. Undefined for other shapes (format 1 lists objects).
 */
function expandRows(parsed) {
  if (!parsed || !Array.isArray(parsed.columns) || !Array.isArray(parsed.accounts)) {
    return undefined;
  }
  const columns = parsed.columns;
  const factorColumns = Array.isArray(parsed.factorColumns) ? parsed.factorColumns : [];
  const sets = Array.isArray(parsed.factorSets) ? parsed.factorSets : [];
  return parsed.accounts.map((values) => {
    if (!Array.isArray(values)) {
      return null; // not a row: the whole breakdown reads as unreadable
    }
    const entry = {};
    columns.forEach((column, i) => {
      entry[column] = values[i];
    });
    const set = sets[entry.factorSet];
    if (Array.isArray(set)) {
      factorColumns.forEach((column, i) => {
        entry[column] = set[i];
      });
    }
    return entry;
  });
}

/** One contributing account, whatever nesting the entry uses (factors inline or nested). */
function readContribution(entry) {
  if (!entry || typeof entry !== 'object') {
    return null;
  }
  const account = entry.account;
  const accountId =
    typeof account === 'string'
      ? account
      : asText(pick(entry, ['accountId', 'Account__c'])) || asText(pick(account, ['Id', 'id']));
  const name =
    asText(pick(entry, ['accountName', 'name', 'Name'])) ||
    (account && typeof account === 'object' ? asText(pick(account, ['Name', 'name'])) : undefined);
  const nested = pick(entry, ['factors', 'strongest', 'strongestRequest']);
  const factor = (names) => {
    const inline = pick(entry, names);
    return inline !== undefined ? inline : pick(nested, names);
  };
  const request = pick(entry, ['request', 'requestId']);
  const urgency = factor(['urgency', 'Urgency__c']);
  const blocker = factor(['blocker', 'dealBlocker', 'Deal_Blocker__c']);
  const voice = asNumber(pick(entry, ['voice', 'score', 'contribution', 'Score__c']));
  if (!accountId && !name && voice === undefined) {
    return null;
  }
  return {
    accountId,
    name,
    requestId: typeof request === 'string' ? request : asText(pick(request, ['Id', 'id'])),
    voice,
    weight: asNumber(factor(['weight'])),
    // A word ("Critical") when the entry has one; the engine gives the weight (2) instead.
    urgency: typeof urgency === 'string' ? urgency : undefined,
    urgencyWeight: asNumber(urgency),
    side: asText(factor(['side'])),
    dealBlocker: blocker === true || (typeof blocker === 'number' && blocker > 1),
    requests: asNumber(pick(entry, ['requests'])),
  };
}

/**
 * Parses Breakdown__c defensively.
 * @returns {{ok: true, accounts: object[], accountCount: number, others: {accounts: number, voice: number}|null} | {ok: false}}
 *   accounts strongest first (voice, then weight); accountCount includes the summed `others`.
 */
export function parseBreakdown(json) {
  if (typeof json !== 'string' || json.trim() === '') {
    return { ok: false };
  }
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false };
  }
  const list = Array.isArray(parsed)
    ? parsed
    : expandRows(parsed) || pick(parsed, ['accounts', 'contributions', 'contributors']);
  if (!Array.isArray(list)) {
    return { ok: false };
  }
  const accounts = list.map(readContribution).filter(Boolean);
  if (accounts.length < list.length) {
    return { ok: false };
  }
  accounts.sort(
    (a, b) =>
      (b.voice || 0) - (a.voice || 0) ||
      (b.weight || 0) - (a.weight || 0) ||
      String(a.name || a.accountId).localeCompare(String(b.name || b.accountId)),
  );
  const othersRaw = Array.isArray(parsed) ? undefined : parsed.others;
  const othersCount = asNumber(pick(othersRaw, ['accounts']));
  const others = othersCount
    ? { accounts: othersCount, voice: asNumber(pick(othersRaw, ['voice'])) || 0 }
    : null;
  return {
    ok: true,
    accounts,
    accountCount: accounts.length + (others ? others.accounts : 0),
    others,
  };
}

/** The strongest requests whose account names and urgency labels the explanation needs. */
export function strongestRequestIds(breakdown, limit) {
  if (!breakdown.ok) {
    return [];
  }
  return breakdown.accounts
    .map((a) => a.requestId)
    .filter(Boolean)
    .slice(0, limit);
}

/**
 * Adds names and urgency labels read from the strongest requests (Escalated_Request__c nodes).
 * An account the viewer can't see keeps no name; the words give it a neutral one.
 */
export function withRequestDetails(breakdown, requestNodes) {
  if (!breakdown.ok) {
    return breakdown;
  }
  const byId = new Map(requestNodes.map((node) => [node.Id, node]));
  const accounts = breakdown.accounts.map((a) => {
    const node = byId.get(a.requestId);
    if (!node) {
      return a;
    }
    const urgency = node.Urgency__c
      ? node.Urgency__c.displayValue || val(node.Urgency__c)
      : undefined;
    const accountName = node.Account__r ? val(node.Account__r.Name) : undefined;
    return { ...a, name: a.name || accountName, urgency: a.urgency || urgency || undefined };
  });
  return { ...breakdown, accounts };
}

/** "Critical × Decision side × deal blocker" — the factors that made an account's voice. */
export function describeFactors(contribution, words) {
  const parts = [];
  if (contribution.urgency) {
    parts.push(contribution.urgency);
  } else if (contribution.urgencyWeight !== undefined) {
    parts.push(`${words.urgency} ×${formatScore(contribution.urgencyWeight)}`);
  }
  if (contribution.side) {
    parts.push(`${contribution.side} ${words.side}`);
  }
  if (contribution.dealBlocker) {
    parts.push(words.dealBlocker);
  }
  return parts.join(' × ');
}

/** The account's display name, or a neutral phrase when the viewer can't see it. */
export function contributorName(contribution, words) {
  return contribution.name || words.hiddenAccount;
}

/**
 * The plain-words explanation: "9 accounts; strongest: Acme — Critical × Decision side × deal blocker".
 * @param {object} breakdown a parsed breakdown (optionally withRequestDetails)
 * @param {{accounts: string, strongest: string, side: string, dealBlocker: string, urgency: string, hiddenAccount: string}} words labels
 */
export function explainBreakdown(breakdown, words) {
  const count =
    breakdown.accountCount === undefined ? breakdown.accounts.length : breakdown.accountCount;
  if (breakdown.accounts.length === 0) {
    return `${count} ${words.accounts}`;
  }
  const strongest = breakdown.accounts[0];
  const factors = describeFactors(strongest, words);
  return `${count} ${words.accounts}; ${words.strongest}: ${contributorName(strongest, words)}${factors ? ` — ${factors}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Drill-down
// ---------------------------------------------------------------------------------------------

/**
 * The GraphQL `where` of the requests behind one theme in one segment (null = all accounts).
 * A request belongs to its Theme__c, or to its Suggested_Theme__c while Theme__c is blank, and
 * a theme merged into this one (Merged_Into__c) brings its requests along, as the engine counts
 * them (one merge step is followed here). Passed as a variable, never spliced into query text.
 */
export function drilldownWhere(themeId, segmentId) {
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
  return segmentId ? { and: [theme, { Segment__c: { eq: segmentId } }] } : theme;
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
    neededBy: val(node.Needed_By__c),
    revenue: val(node.Revenue_At_Stake__c),
    dealBlocker: val(node.Deal_Blocker__c) === true,
    suggestionReason: val(node.Suggestion_Reason__c),
  }));
  rows.sort(
    (a, b) =>
      String(a.accountName).localeCompare(String(b.accountName)) ||
      String(a.title).localeCompare(String(b.title)),
  );
  const accounts = new Set(rows.map((row) => row.accountId));
  return { rows, accountCount: accounts.size };
}
