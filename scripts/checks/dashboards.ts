/**
 * Dashboards: in a folder that exists, every component on a report in force-app
 * (`<Folder>/<Report>`), charting groupings and summaries that report has, with a stated running
 * user (or running as the viewer).
 */
import type { MetadataModel } from './model';
import { loadReporting, type FolderedDoc } from './reportingModel';
import { folderProblems, reportShape, summaryProblems } from './reports';
import type { Problem } from './types';
import { children, text, texts } from './xml';

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
