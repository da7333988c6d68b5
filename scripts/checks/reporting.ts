/**
 * Checks for native reporting: custom report types, reports, dashboards and their folders.
 *
 * Source-deploy-retrieve only checks that these files are XML of the right type; an org rejects a
 * report whose column its report type does not expose, a report type that joins through a
 * relationship the object does not have, or a dashboard on a report that does not exist. These
 * checks read the files the way the org does:
 * - a report type's `<table>` is the base object or a path of child relationships from it
 *   (`Opportunity.Buying_Committee_Members__r`); its `<field>` is a field of that table, or a path
 *   through lookups (`Theme__c.Status__c`, `Account.Name`);
 * - a report on a custom report type names it `<Name>__c` and its columns `<table>$<field>`
 *   (`Segment_Demand_Score__c$Theme__c.Status__c`), the column codes Salesforce writes on retrieve;
 * - a dashboard component names its report `<Folder>/<Report>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetaDoc, MetadataModel } from './model';
import { isCustomName, objectExists, resolveField, type ResolvedField } from './resolve';
import { OBJECTS_WITHOUT_PERMISSIONS, STANDARD_OBJECTS } from './standard';
import type { Problem } from './types';
import { children, parseXml, text, texts, type XmlNode } from './xml';

/** Report type categories the Metadata API accepts. */
const CATEGORIES = new Set([
  'accounts',
  'opportunities',
  'forecasts',
  'cases',
  'leads',
  'campaigns',
  'activities',
  'busop',
  'products',
  'admin',
  'territory',
  'territory2',
  'usage_entitlement',
  'wdc',
  'calibration',
  'other',
  'content',
  'quotes',
  'individual',
]);

/** Child relationships of standard objects to standard objects (custom ones come from the metadata). */
const STANDARD_CHILD_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Account: { Contacts: 'Contact', Opportunities: 'Opportunity' },
  Opportunity: { OpportunityContactRoles: 'OpportunityContactRole' },
};

const FORMATS = new Set(['Tabular', 'Summary', 'Matrix', 'MultiBlock']);
const OPERATORS = new Set([
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
  'within',
]);
const AGGREGATES = new Set(['Sum', 'Average', 'Maximum', 'Minimum', 'Unique']);
const NUMERIC = new Set(['Number', 'Currency', 'Percent']);
const DATES = new Set(['Date', 'DateTime']);
const GRANULARITIES = new Set([
  'None',
  'Day',
  'Week',
  'Month',
  'Quarter',
  'Year',
  'FiscalQuarter',
  'FiscalYear',
  'MonthInYear',
  'DayInMonth',
  'FiscalPeriod',
  'FiscalWeek',
]);
const DASHBOARD_TYPES = new Set(['LoggedInUser', 'SpecifiedUser', 'MyTeamUser']);
const NON_CHART_COMPONENTS = new Set(['Table', 'Metric', 'Gauge', 'FlexTable']);
const COMPONENT_TYPES = new Set([
  ...NON_CHART_COMPONENTS,
  'Bar',
  'BarGrouped',
  'BarStacked',
  'BarStacked100',
  'Column',
  'ColumnGrouped',
  'ColumnStacked',
  'ColumnStacked100',
  'ColumnLine',
  'ColumnLineGrouped',
  'ColumnLineStacked',
  'ColumnLineStacked100',
  'Donut',
  'Funnel',
  'Line',
  'LineCumulative',
  'LineGrouped',
  'LineGroupedCumulative',
  'Pie',
  'Scatter',
  'ScatterGrouped',
]);
/** The summary every chart can show without a column: the record count. */
const ROW_COUNT = 'RowCount';

/** Permission sets whose users run Quorum's reports: they need read access to what they show. */
export const REPORT_AUDIENCE = ['Quorum_Product_Manager', 'Quorum_Sales_Ops'] as const;

/** A report type column, resolved to the field at the end of its lookup path. */
export interface ReportColumn {
  readonly code: string;
  readonly field: ResolvedField;
  /** Every field the column reads, lookups on the way included (for access checks). */
  readonly path: readonly ResolvedField[];
}

export interface ReportTypeInfo {
  readonly doc: MetaDoc;
  /** Objects the report type reads rows from (base and joins), by table path. */
  readonly tables: ReadonlyMap<string, string>;
  readonly columns: ReadonlyMap<string, ReportColumn>;
}

export interface FolderedDoc extends MetaDoc {
  /** Folder developer name (the path between `reports/` or `dashboards/` and the file). */
  readonly folder: string;
}

export interface Reporting {
  readonly reportTypes: MetaDoc[];
  readonly reports: FolderedDoc[];
  readonly dashboards: FolderedDoc[];
  readonly reportFolders: MetaDoc[];
  readonly dashboardFolders: MetaDoc[];
}

const SUFFIXES: Readonly<Record<string, keyof Reporting>> = {
  'reportType-meta.xml': 'reportTypes',
  'report-meta.xml': 'reports',
  'dashboard-meta.xml': 'dashboards',
  'reportFolder-meta.xml': 'reportFolders',
  'dashboardFolder-meta.xml': 'dashboardFolders',
};

/** Folder name of a report or dashboard file: `…/reports/<folder>/<name>.report-meta.xml`. */
function folderOf(file: string, root: 'reports' | 'dashboards'): string {
  const parts = file.split('/');
  const at = parts.lastIndexOf(root);
  return at >= 0 ? parts.slice(at + 1, -1).join('/') : '';
}

/** Reads the reporting files of the project (malformed files are reported by loadModel). */
export function loadReporting(model: MetadataModel): Reporting {
  const out: Reporting = {
    reportTypes: [],
    reports: [],
    dashboards: [],
    reportFolders: [],
    dashboardFolders: [],
  };
  for (const file of model.files) {
    const m = /([^/]+)\.([A-Za-z]+-meta\.xml)$/.exec(file);
    const kind = m ? SUFFIXES[m[2]] : undefined;
    if (!m || !kind) continue;
    const parsed = parseXml(readFileSync(path.join(model.root, file), 'utf8'));
    if (!parsed.ok) continue;
    const doc: MetaDoc = { file, name: m[1], node: parsed.node };
    if (kind === 'reports') out.reports.push({ ...doc, folder: folderOf(file, 'reports') });
    else if (kind === 'dashboards')
      out.dashboards.push({ ...doc, folder: folderOf(file, 'dashboards') });
    else out[kind].push(doc);
  }
  return out;
}

// ---------------------------------------------------------------- report types

/** The object a child relationship of `parent` leads to, if it has one. */
function childObject(
  model: MetadataModel,
  parent: string,
  relationship: string,
): string | undefined {
  const standard = STANDARD_CHILD_RELATIONSHIPS[parent]?.[relationship];
  if (standard) return standard;
  for (const object of model.objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo === parent &&
        (field.type === 'Lookup' || field.type === 'MasterDetail') &&
        `${field.relationshipName}__r` === relationship
      )
        return object.name;
    }
  }
  return undefined;
}

/** Resolves `Field`, `Lookup__c.Field` or `Account.Name` on an object, following lookups. */
export function resolveLookupPath(
  model: MetadataModel,
  object: string,
  fieldPath: string,
): { ok: true; path: ResolvedField[] } | { ok: false; message: string } {
  const steps = fieldPath.split('.');
  const out: ResolvedField[] = [];
  let current = object;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const step = steps[i];
    let lookup: ResolvedField | undefined;
    if (isCustomName(step)) lookup = resolveField(model, current, step);
    else {
      const std = Object.entries(STANDARD_OBJECTS[current] ?? {}).find(
        ([, f]) => f.relationship === step,
      );
      lookup = std ? resolveField(model, current, std[0]) : undefined;
    }
    if (!lookup?.referenceTo)
      return { ok: false, message: `${current} has no lookup ${step} to follow` };
    out.push(lookup);
    current = lookup.referenceTo;
    if (!objectExists(model, current))
      return { ok: false, message: `lookup ${step} points to ${current}, which does not exist` };
  }
  const last = resolveField(model, current, steps[steps.length - 1]);
  if (!last) return { ok: false, message: `${current} has no field ${steps[steps.length - 1]}` };
  out.push(last);
  return { ok: true, path: out };
}

/** Resolves a report type's tables and columns, reporting what the org would reject. */
export function resolveReportType(
  model: MetadataModel,
  doc: MetaDoc,
  problems: Problem[] = [],
): ReportTypeInfo {
  const p = (message: string) => problems.push({ check: 'reporttypes', file: doc.file, message });
  const tables = new Map<string, string>();
  const columns = new Map<string, ReportColumn>();
  const base = text(doc.node, 'baseObject') ?? '';
  if (!base) p('has no <baseObject>');
  else if (!objectExists(model, base)) p(`baseObject ${base} does not exist`);
  else {
    tables.set(base, base);
    let join = children(doc.node, 'join')[0];
    let table = base;
    let object = base;
    let outerSeen = false;
    while (join) {
      const relationship = text(join, 'relationship') ?? '';
      const outer = text(join, 'outerJoin') === 'true';
      if (outerSeen && !outer)
        p(`joins ${relationship} with an inner join after an outer join, which Salesforce refuses`);
      outerSeen ||= outer;
      const child = childObject(model, object, relationship);
      if (!child) {
        p(`joins ${relationship}, which is not a child relationship of ${object}`);
        break;
      }
      table = `${table}.${relationship}`;
      object = child;
      tables.set(table, object);
      join = children(join, 'join')[0];
    }
    if (tables.size > 4) p(`joins ${tables.size} objects; a report type joins at most 4`);
  }
  for (const tag of ['label', 'category', 'deployed'])
    if (!text(doc.node, tag)) p(`has no <${tag}>`);
  const category = text(doc.node, 'category');
  if (category && !CATEGORIES.has(category)) p(`category ${category} is not a valid category`);
  if (text(doc.node, 'deployed') === 'false')
    p('deployed is false: report authors would not see it');
  if ((text(doc.node, 'label') ?? '').length > 50) p('label is longer than 50 characters');
  if ((text(doc.node, 'description') ?? '').length > 255)
    p('description is longer than 255 characters');
  for (const section of children(doc.node, 'sections')) {
    if (!text(section, 'masterLabel')) p('has a section without <masterLabel>');
    for (const column of children(section, 'columns')) {
      const table = text(column, 'table') ?? '';
      const field = text(column, 'field') ?? '';
      const object = tables.get(table);
      if (!object) {
        if (tables.size > 0)
          p(`column ${field} is on table ${table}, which the report type has no path to`);
        continue;
      }
      const resolved = resolveLookupPath(model, object, field);
      if (!resolved.ok) {
        p(`column ${table}.${field}: ${resolved.message}`);
        continue;
      }
      const code = `${table}$${field}`;
      if (columns.has(code)) p(`lists column ${table}.${field} twice`);
      columns.set(code, {
        code,
        field: resolved.path[resolved.path.length - 1],
        path: resolved.path,
      });
    }
  }
  return { doc, tables, columns };
}

export function checkReportTypes(
  model: MetadataModel,
  reporting = loadReporting(model),
): Problem[] {
  const problems: Problem[] = [];
  for (const doc of reporting.reportTypes) resolveReportType(model, doc, problems);
  return problems;
}

// ---------------------------------------------------------------- reports

function folderProblems(
  doc: FolderedDoc,
  folders: MetaDoc[],
  kind: 'report' | 'dashboard',
  check: string,
): Problem[] {
  const suffix = kind === 'report' ? 'reportFolder' : 'dashboardFolder';
  if (!doc.folder)
    return [
      { check, file: doc.file, message: `a ${kind} must sit in a folder (${kind}s/<Folder>/)` },
    ];
  if (folders.some((f) => f.name === doc.folder)) return [];
  return [
    {
      check,
      file: doc.file,
      message: `its folder ${doc.folder} has no ${doc.folder}.${suffix}-meta.xml beside it`,
    },
  ];
}

interface ReportShape {
  readonly format: string;
  readonly groupings: string[];
  /** Column code → aggregate types. */
  readonly columns: Map<string, string[]>;
  readonly rowLimit: boolean;
}

function reportShape(node: XmlNode): ReportShape {
  const down = children(node, 'groupingsDown').map((g) => text(g, 'field') ?? '');
  const across = children(node, 'groupingsAcross').map((g) => text(g, 'field') ?? '');
  return {
    format: text(node, 'format') ?? '',
    groupings: [...down, ...across],
    columns: new Map(
      children(node, 'columns').map((c) => [text(c, 'field') ?? '', texts(c, 'aggregateTypes')]),
    ),
    rowLimit: text(node, 'rowLimit') !== undefined,
  };
}

/** A filter value the column's type cannot hold: picklist values not in the list, non-numbers. */
function filterValueProblem(model: MetadataModel, column: ReportColumn, value: string): string[] {
  if (!value) return [];
  const field = column.field;
  const values = value.split(',');
  const meta =
    field.source === 'metadata'
      ? model.objects.get(field.object)?.fields.get(field.name)
      : undefined;
  if (meta && meta.values.length > 0)
    return values
      .filter((v) => !meta.values.includes(v))
      .map((v) => `"${v}" is not one of its picklist values`);
  if (NUMERIC.has(field.type))
    return values
      .filter((v) => !/^-?\d+(\.\d+)?$/.test(v.trim()))
      .map((v) => `"${v}" is not a number`);
  return [];
}

export function checkReports(model: MetadataModel, reporting = loadReporting(model)): Problem[] {
  const problems: Problem[] = [];
  const types = new Map<string, ReportTypeInfo>(
    reporting.reportTypes.map((doc) => [`${doc.name}__c`, resolveReportType(model, doc)]),
  );
  for (const report of reporting.reports) {
    const p = (message: string) => problems.push({ check: 'reports', file: report.file, message });
    problems.push(...folderProblems(report, reporting.reportFolders, 'report', 'reports'));
    const node = report.node;
    const name = text(node, 'name') ?? '';
    if (!name) p('has no <name>');
    if (name.length > 40) p(`name "${name}" is longer than 40 characters`);
    if ((text(node, 'description') ?? '').length > 255)
      p('description is longer than 255 characters');
    const typeName = text(node, 'reportType') ?? '';
    const type = types.get(typeName);
    if (!type) {
      const bare = types.get(`${typeName}__c`);
      p(
        bare
          ? `reportType ${typeName} must be written ${typeName}__c (a custom report type)`
          : `reportType ${typeName} is not a report type in force-app/main/default/reportTypes`,
      );
      continue;
    }
    const shape = reportShape(node);
    const buckets = new Set(children(node, 'buckets').map((b) => text(b, 'developerName') ?? ''));
    const formulas = new Set(
      children(node, 'aggregates').map((a) => text(a, 'developerName') ?? ''),
    );
    const column = (code: string, where: string): ReportColumn | undefined => {
      const found = type.columns.get(code);
      if (!found && !buckets.has(code) && !formulas.has(code))
        p(`${where} ${code} is not a column report type ${type.doc.name} exposes`);
      return found;
    };
    const down = children(node, 'groupingsDown');
    const across = children(node, 'groupingsAcross');
    if (!FORMATS.has(shape.format)) p(`format ${shape.format || '(none)'} is not valid`);
    if (shape.format === 'Tabular' && shape.groupings.length > 0)
      p('a Tabular report cannot have groupings');
    if (shape.format === 'Summary' && (down.length < 1 || down.length > 3 || across.length > 0))
      p('a Summary report has 1 to 3 groupingsDown and no groupingsAcross');
    if (
      shape.format === 'Matrix' &&
      (down.length < 1 || down.length > 2 || across.length < 1 || across.length > 2)
    )
      p('a Matrix report has 1 or 2 groupingsDown and 1 or 2 groupingsAcross');
    const seen = new Set<string>();
    for (const g of [...down, ...across]) {
      const code = text(g, 'field') ?? '';
      if (seen.has(code)) p(`groups by ${code} twice`);
      seen.add(code);
      const c = column(code, 'grouping');
      if (shape.columns.has(code))
        p(`${code} is both a grouping and a column; Salesforce refuses that`);
      const granularity = text(g, 'dateGranularity');
      if (granularity && !GRANULARITIES.has(granularity))
        p(`grouping ${code}: dateGranularity ${granularity} is not valid`);
      if (c && DATES.has(c.field.type) && !granularity)
        p(`grouping ${code} is a date: it needs a dateGranularity`);
    }
    for (const [code, aggregates] of shape.columns) {
      const c = column(code, 'column');
      for (const a of aggregates) {
        if (!AGGREGATES.has(a)) p(`column ${code}: aggregate ${a} is not valid`);
        else if (c && a !== 'Unique' && !NUMERIC.has(c.field.type))
          p(`column ${code} is ${c.field.type}; only numbers, currency and percent add up (${a})`);
      }
    }
    const filter = children(node, 'filter')[0];
    const criteria = children(filter, 'criteriaItems');
    criteria.forEach((item) => {
      const code = text(item, 'column') ?? '';
      const op = text(item, 'operator') ?? '';
      const value = text(item, 'value') ?? '';
      const c = column(code, 'filter on');
      if (!OPERATORS.has(op)) p(`filter on ${code}: operator ${op} is not valid`);
      if (c) for (const bad of filterValueProblem(model, c, value)) p(`filter on ${code}: ${bad}`);
    });
    const logic = text(filter, 'booleanFilter');
    for (const n of logic?.match(/\d+/g) ?? [])
      if (Number(n) < 1 || Number(n) > criteria.length)
        p(`booleanFilter refers to filter ${n}, but there are ${criteria.length}`);
    const sortColumn = text(node, 'sortColumn');
    if (sortColumn && !shape.columns.has(sortColumn))
      p(`sortColumn ${sortColumn} is not one of the report's columns`);
    const tf = children(node, 'timeFrameFilter')[0];
    const dateColumn = text(tf, 'dateColumn');
    if (dateColumn) {
      const c = column(dateColumn, 'timeFrameFilter column');
      if (c && !DATES.has(c.field.type)) p(`timeFrameFilter column ${dateColumn} is not a date`);
    }
    if (!text(node, 'scope')) p('has no <scope>');
    const chart = children(node, 'chart')[0];
    if (chart) {
      for (const tag of ['groupingColumn', 'secondaryGroupingColumn']) {
        const g = text(chart, tag);
        if (g && !shape.groupings.includes(g))
          p(`chart ${tag} ${g} is not one of the report's groupings`);
      }
      for (const summary of children(chart, 'chartSummaries'))
        problems.push(...summaryProblems(summary, shape, report.file, 'reports', 'chart summary'));
    }
  }
  return problems;
}

/** A chart summary shows RowCount or a column of the report, with an aggregate the column has. */
function summaryProblems(
  summary: XmlNode,
  shape: ReportShape,
  file: string,
  check: string,
  where: string,
): Problem[] {
  const code = text(summary, 'column') ?? '';
  const aggregate = text(summary, 'aggregate');
  if (code === ROW_COUNT) return [];
  const aggregates = shape.columns.get(code);
  if (!aggregates)
    return [
      { check, file, message: `${where} ${code} is not RowCount nor a column of the report` },
    ];
  if (aggregate && !aggregates.includes(aggregate))
    return [
      {
        check,
        file,
        message: `${where} ${code} uses ${aggregate}, but the report does not summarise the column that way`,
      },
    ];
  return [];
}

// ---------------------------------------------------------------- dashboards

export function checkDashboards(model: MetadataModel, reporting = loadReporting(model)): Problem[] {
  const problems: Problem[] = [];
  const reports = new Map<string, FolderedDoc>(
    reporting.reports.map((r) => [`${r.folder}/${r.name}`, r]),
  );
  for (const dashboard of reporting.dashboards) {
    const p = (message: string) =>
      problems.push({ check: 'dashboards', file: dashboard.file, message });
    problems.push(
      ...folderProblems(dashboard, reporting.dashboardFolders, 'dashboard', 'dashboards'),
    );
    const node = dashboard.node;
    for (const tag of [
      'title',
      'backgroundEndColor',
      'backgroundFadeDirection',
      'backgroundStartColor',
      'textColor',
      'titleColor',
      'titleSize',
      'leftSection',
      'rightSection',
    ])
      if (text(node, tag) === undefined) p(`has no <${tag}>`);
    const type = text(node, 'dashboardType') ?? 'SpecifiedUser';
    const runningUser = text(node, 'runningUser');
    if (!DASHBOARD_TYPES.has(type)) p(`dashboardType ${type} is not valid`);
    if (type === 'SpecifiedUser' && !runningUser)
      p('runs as a specified user but names none: the org would run it as whoever deploys it');
    if (type === 'LoggedInUser' && runningUser)
      p('runs as the viewer, so its <runningUser> is ignored and misleading');
    const sections = ['leftSection', 'middleSection', 'rightSection'].flatMap((s) =>
      children(node, s),
    );
    for (const component of sections.flatMap((s) => children(s, 'components'))) {
      const ref = text(component, 'report') ?? '';
      const componentType = text(component, 'componentType') ?? '';
      const label = text(component, 'header') ?? ref;
      const c = (message: string) => p(`component "${label}": ${message}`);
      if (!COMPONENT_TYPES.has(componentType)) c(`componentType ${componentType} is not valid`);
      const isChart = !NON_CHART_COMPONENTS.has(componentType);
      if (isChart && !text(component, 'sortBy')) c('a chart needs <sortBy>');
      if (isChart && !text(component, 'chartAxisRange')) c('a chart needs <chartAxisRange>');
      const report = reports.get(ref);
      if (!report) {
        c(`report ${ref} is not a report in force-app/main/default/reports (<Folder>/<Report>)`);
        continue;
      }
      const shape = reportShape(report.node);
      if (shape.format === 'Tabular' && !shape.rowLimit)
        c(
          `report ${ref} is Tabular without a row limit; a dashboard needs groupings or a row limit`,
        );
      const groupingColumns = texts(component, 'groupingColumn');
      for (const g of groupingColumns)
        if (!shape.groupings.includes(g))
          c(`groupingColumn ${g} is not a grouping of report ${ref}`);
      if (new Set(groupingColumns).size < groupingColumns.length)
        c('names the same groupingColumn twice');
      for (const summary of children(component, 'chartSummary'))
        problems.push(
          ...summaryProblems(
            summary,
            shape,
            dashboard.file,
            'dashboards',
            `component "${label}": summary`,
          ),
        );
      if (isChart && text(component, 'useReportChart') !== 'true') {
        if (children(component, 'chartSummary').length === 0) c('a chart needs a <chartSummary>');
        if (groupingColumns.length === 0) c('a chart needs a <groupingColumn>');
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- folders and access

export function checkReportFolders(reporting: Reporting): Problem[] {
  const problems: Problem[] = [];
  for (const folder of [...reporting.reportFolders, ...reporting.dashboardFolders]) {
    if (!text(folder.node, 'name'))
      problems.push({ check: 'reports', file: folder.file, message: 'folder has no <name>' });
    const access = text(folder.node, 'accessType');
    if (access === 'Public')
      problems.push({
        check: 'reports',
        file: folder.file,
        message:
          'accessType Public includes portal and community users; use PublicInternal or share the folder',
      });
  }
  return problems;
}

/**
 * The people who run the reports can read what the report types show: every object (base,
 * joined, reached through a lookup) and every field under field-level security.
 */
export function checkReportAccess(
  model: MetadataModel,
  reporting = loadReporting(model),
  audience: readonly string[] = REPORT_AUDIENCE,
): Problem[] {
  const problems: Problem[] = [];
  const types = reporting.reportTypes.map((doc) => resolveReportType(model, doc));
  for (const name of audience) {
    const ps = model.permissionSets.find((p) => p.name === name);
    if (!ps) {
      if (types.length > 0)
        problems.push({
          check: 'reportaccess',
          file: 'force-app/main/default/permissionsets',
          message: `permission set ${name}, whose users run the reports, is missing`,
        });
      continue;
    }
    const readable = new Set(
      children(ps.node, 'objectPermissions')
        .filter((op) => text(op, 'allowRead') === 'true')
        .map((op) => text(op, 'object') ?? ''),
    );
    const fields = new Set(
      children(ps.node, 'fieldPermissions')
        .filter((fp) => text(fp, 'readable') === 'true')
        .map((fp) => text(fp, 'field') ?? ''),
    );
    for (const type of types) {
      const missing = new Set<string>();
      const objects = new Set(type.tables.values());
      for (const column of type.columns.values()) {
        for (const f of column.path) {
          objects.add(f.object);
          if (f.referenceTo) objects.add(f.referenceTo);
          if (f.permissionable && !fields.has(`${f.object}.${f.name}`))
            missing.add(`field ${f.object}.${f.name}`);
        }
      }
      for (const object of objects)
        if (!OBJECTS_WITHOUT_PERMISSIONS.has(object) && !readable.has(object))
          missing.add(`object ${object}`);
      for (const what of [...missing].sort())
        problems.push({
          check: 'reportaccess',
          file: ps.file,
          message: `report type ${type.doc.name} shows ${what}, which ${name} cannot read`,
        });
    }
  }
  return problems;
}

/** Every reporting check. */
export function checkReporting(model: MetadataModel): Problem[] {
  const reporting = loadReporting(model);
  return [
    ...checkReportTypes(model, reporting),
    ...checkReports(model, reporting),
    ...checkDashboards(model, reporting),
    ...checkReportFolders(reporting),
    ...checkReportAccess(model, reporting),
  ];
}
