/**
 * Reports: in a folder that exists, on a report type in force-app (`<Name>__c`), using only the
 * columns that report type exposes, in groupings, filters, sorts, charts and time frames, with the
 * shapes Salesforce accepts for each format.
 */
import type { MetaDoc, MetadataModel } from './model';
import { loadReporting, type FolderedDoc, type Reporting } from './reportingModel';
import { resolveReportType, type ReportColumn, type ReportTypeInfo } from './reportTypes';
import { FILTER_OPERATIONS } from './standard';
import type { Problem } from './types';
import { children, text, texts, type XmlNode } from './xml';

const FORMATS = new Set(['Tabular', 'Summary', 'Matrix', 'MultiBlock']);
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

/** The summary every chart can show without a column: the record count. */
const ROW_COUNT = 'RowCount';

export function folderProblems(
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

export interface ReportShape {
  readonly format: string;
  readonly groupings: string[];
  /** Column code → aggregate types. */
  readonly columns: Map<string, string[]>;
  readonly rowLimit: boolean;
}

export function reportShape(node: XmlNode): ReportShape {
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
      if (!FILTER_OPERATIONS.has(op)) p(`filter on ${code}: operator ${op} is not valid`);
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
export function summaryProblems(
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
