/**
 * The reporting and layout checks, on a small project with a report type, a report, a dashboard
 * and a layout that are right, then broken one way at a time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkDashboards,
  checkLayoutRules,
  checkReportAccess,
  checkReporting,
  checkReports,
  checkReportTypes,
  loadModel,
  runChecks,
  type CheckOptions,
  type Problem,
} from '..';
import {
  baseFiles,
  D,
  fieldPermission,
  makeProject,
  objectPermission,
  permissionSet,
  xml,
  type Fixture,
} from './fixture';

const RT = `${D}/reportTypes/Widgets.reportType-meta.xml`;
const RT_JOIN = `${D}/reportTypes/Accounts_with_Widgets.reportType-meta.xml`;
const REPORT = `${D}/reports/Widget_Reports/By_Color.report-meta.xml`;
const REPORT_FOLDER = `${D}/reports/Widget_Reports.reportFolder-meta.xml`;
const DASHBOARD = `${D}/dashboards/Widget_Dashboards/Widget_Board.dashboard-meta.xml`;
const LAYOUT = `${D}/layouts/Widget__c-Widget Layout.layout-meta.xml`;

const column = (table: string, field: string) =>
  `<columns><checkedByDefault>false</checkedByDefault><field>${field}</field><table>${table}</table></columns>`;

const reportType = (base: string, sections: string, join = '') =>
  xml(
    'ReportType',
    `<baseObject>${base}</baseObject><category>other</category><deployed>true</deployed><description>Test</description>${join}<label>Test type</label>${sections}`,
  );

const widgetsType = () =>
  reportType(
    'Widget__c',
    `<sections>${[
      'Name',
      'Code__c',
      'Color__c',
      'Size__c',
      'Account__c',
      'Account__c.Industry',
      'CreatedDate',
    ]
      .map((f) => column('Widget__c', f))
      .join('')}<masterLabel>Widgets</masterLabel></sections>`,
  );

const criteria = (col: string, op: string, value: string) =>
  `<criteriaItems><column>${col}</column><isUnlocked>true</isUnlocked><operator>${op}</operator><value>${value}</value></criteriaItems>`;

const byColor = (
  over: { columns?: string; filter?: string; type?: string; grouping?: string } = {},
) =>
  xml(
    'Report',
    `<chart><chartSummaries><aggregate>Sum</aggregate><axisBinding>y</axisBinding><column>Widget__c$Size__c</column></chartSummaries><chartType>HorizontalBar</chartType><groupingColumn>Widget__c$Color__c</groupingColumn><location>CHART_TOP</location><size>Medium</size></chart>
${over.columns ?? '<columns><field>Widget__c$Code__c</field></columns><columns><aggregateTypes>Sum</aggregateTypes><field>Widget__c$Size__c</field></columns><columns><field>Widget__c$Account__c.Industry</field></columns>'}
<description>Widgets by colour</description>
<filter>${over.filter ?? criteria('Widget__c$Color__c', 'equals', 'Red,Blue')}<language>en_US</language></filter>
<format>Summary</format>
<groupingsDown><dateGranularity>Day</dateGranularity><field>${over.grouping ?? 'Widget__c$Color__c'}</field><sortOrder>Asc</sortOrder></groupingsDown>
<name>Widgets by colour</name><reportType>${over.type ?? 'Widgets__c'}</reportType><scope>organization</scope><showDetails>true</showDetails>
<sortColumn>Widget__c$Code__c</sortColumn><sortOrder>Asc</sortOrder>
<timeFrameFilter><dateColumn>Widget__c$CreatedDate</dateColumn><interval>INTERVAL_CUSTOM</interval></timeFrameFilter>`,
  );

const chartComponent = (over: { report?: string; summary?: string; extra?: string } = {}) =>
  `<components><autoselectColumnsFromReport>false</autoselectColumnsFromReport>${over.extra ?? '<chartAxisRange>Auto</chartAxisRange>'}<chartSummary>${over.summary ?? '<aggregate>Sum</aggregate><axisBinding>y</axisBinding><column>Widget__c$Size__c</column>'}</chartSummary><componentType>Bar</componentType><groupingColumn>Widget__c$Color__c</groupingColumn><header>By colour</header><report>${over.report ?? 'Widget_Reports/By_Color'}</report>${over.extra === undefined ? '<sortBy>RowValueDescending</sortBy>' : ''}<title>Size</title><useReportChart>false</useReportChart></components>`;

const dashboard = (over: { left?: string; type?: string } = {}) =>
  xml(
    'Dashboard',
    `<backgroundEndColor>#FFFFFF</backgroundEndColor><backgroundFadeDirection>Diagonal</backgroundFadeDirection><backgroundStartColor>#FFFFFF</backgroundStartColor>${over.type ?? '<dashboardType>LoggedInUser</dashboardType>'}
<leftSection><columnSize>Medium</columnSize>${over.left ?? chartComponent()}</leftSection>
<rightSection><columnSize>Medium</columnSize><components><autoselectColumnsFromReport>true</autoselectColumnsFromReport><componentType>Table</componentType><header>Table</header><report>Widget_Reports/By_Color</report></components></rightSection>
<textColor>#000000</textColor><title>Widget Board</title><titleColor>#000000</titleColor><titleSize>12</titleSize>`,
  );

const item = (field: string, behavior: string) =>
  `<layoutItems><behavior>${behavior}</behavior><field>${field}</field></layoutItems>`;

const layout = (items: string, related = '') =>
  xml(
    'Layout',
    `<layoutSections><customLabel>true</customLabel><detailHeading>true</detailHeading><editHeading>true</editHeading><label>Widget</label><layoutColumns>${items}</layoutColumns><style>OneColumn</style></layoutSections>${related}<showEmailCheckbox>false</showEmailCheckbox>`,
  );

const GOOD_LAYOUT_ITEMS =
  item('Name', 'Required') +
  item('Code__c', 'Edit') +
  item('Color__c', 'Edit') +
  item('Size__c', 'Edit') +
  item('Account__c', 'Edit') +
  item('CreatedById', 'Readonly');

const audience = (name: string) =>
  [
    `${D}/permissionsets/${name}.permissionset-meta.xml`,
    permissionSet(
      objectPermission('Account') +
        objectPermission('Widget__c') +
        fieldPermission('Account.Industry', false) +
        ['Code__c', 'Color__c', 'Size__c', 'Account__c']
          .map((f) => fieldPermission(`Widget__c.${f}`, false))
          .join(''),
    ),
  ] as const;

function reportingFiles(): Record<string, string> {
  return {
    ...baseFiles(),
    [`${D}/objects/Widget__c/fields/Size__c.field-meta.xml`]: xml(
      'CustomField',
      '<fullName>Size__c</fullName><label>Size</label><precision>18</precision><scale>0</scale><type>Number</type>',
    ),
    [`${D}/permissionsets/Widget_User.permissionset-meta.xml`]: permissionSet(
      objectPermission('Widget__c') + fieldPermission('Widget__c.Code__c'),
    ),
    ...Object.fromEntries([audience('Quorum_Product_Manager'), audience('Quorum_Sales_Ops')]),
    [RT]: widgetsType(),
    [RT_JOIN]: reportType(
      'Account',
      `<sections>${column('Account', 'Name')}${column('Account.Widgets__r', 'Code__c')}<masterLabel>Accounts</masterLabel></sections>`,
      '<join><outerJoin>false</outerJoin><relationship>Widgets__r</relationship></join>',
    ),
    [REPORT_FOLDER]: xml('ReportFolder', '<name>Widget Reports</name>'),
    [REPORT]: byColor(),
    [`${D}/dashboards/Widget_Dashboards.dashboardFolder-meta.xml`]: xml(
      'DashboardFolder',
      '<name>Widget Dashboards</name>',
    ),
    [DASHBOARD]: dashboard(),
    [LAYOUT]: layout(GOOD_LAYOUT_ITEMS),
  };
}

const OPTIONS: CheckOptions = {
  sobjects: {},
  requiredExternalIds: [],
  skipConversion: true,
  componentUsers: {},
};

let fixture: Fixture;
beforeEach(() => {
  fixture = makeProject(reportingFiles());
});
afterEach(() => fixture.cleanup());

const model = () => loadModel(fixture.root);

function expectProblem(problems: Problem[], file: string, message: RegExp): void {
  const hit = problems.find((p) => p.file === file && message.test(p.message));
  if (!hit)
    throw new Error(
      `expected a problem in ${file} matching ${message}; got:\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n') || '(none)'}`,
    );
}

describe('a project with a report type, report, dashboard and layout that are right', () => {
  it('passes every check, and source-deploy-retrieve recognises every reporting and layout file', async () => {
    const report = await runChecks(fixture.root, { ...OPTIONS, skipConversion: false });
    expect(report.problems).toEqual([]);
  });
});

describe('report types', () => {
  it('reports a base object that does not exist', () => {
    fixture.write(RT, widgetsType().replace('<baseObject>Widget__c', '<baseObject>Gadget__c'));
    expectProblem(checkReportTypes(model()), RT, /baseObject Gadget__c does not exist/);
  });

  it('reports a join through a relationship the object does not have as a child', () => {
    fixture.write(
      RT_JOIN,
      reportType(
        'Account',
        '',
        '<join><outerJoin>false</outerJoin><relationship>Gadgets__r</relationship></join>',
      ),
    );
    expectProblem(
      checkReportTypes(model()),
      RT_JOIN,
      /Gadgets__r, which is not a child relationship of Account/,
    );
  });

  it('reports an inner join after an outer join', () => {
    fixture.write(
      RT_JOIN,
      reportType(
        'Account',
        '',
        '<join><join><outerJoin>false</outerJoin><relationship>Widgets__r</relationship></join><outerJoin>true</outerJoin><relationship>Widgets__r</relationship></join>',
      ),
    );
    expectProblem(checkReportTypes(model()), RT_JOIN, /inner join after an outer join/);
  });

  it('reports a column on a missing field, a broken lookup path and an unknown table', () => {
    fixture.write(
      RT,
      reportType(
        'Widget__c',
        `<sections>${column('Widget__c', 'Weight__c')}${column('Widget__c', 'Code__c.Name')}${column('Widget__c.Parts__r', 'Name')}<masterLabel>W</masterLabel></sections>`,
      ),
    );
    const problems = checkReportTypes(model());
    expectProblem(problems, RT, /Widget__c has no field Weight__c/);
    expectProblem(problems, RT, /Widget__c has no lookup Code__c to follow/);
    expectProblem(problems, RT, /table Widget__c.Parts__r, which the report type has no path to/);
  });
  it('reports a standard lookup written as its Id field, and accepts its relationship name', () => {
    fixture.write(
      RT,
      reportType(
        'Widget__c',
        `<sections>${column('Widget__c', 'CreatedById')}${column('Widget__c', 'Owner')}${column('Widget__c', 'Owner.Email')}<masterLabel>W</masterLabel></sections>`,
      ),
    );
    const problems = checkReportTypes(model());
    expectProblem(
      problems,
      RT,
      /Widget__c.CreatedById is a lookup: report types name it CreatedBy/,
    );
    expect(problems.filter((p) => /Owner/.test(p.message))).toEqual([]);
  });
});

describe('reports', () => {
  it('reports a custom report type named without __c, and one that does not exist', () => {
    fixture.write(REPORT, byColor({ type: 'Widgets' }));
    expectProblem(checkReports(model()), REPORT, /must be written Widgets__c/);
    fixture.write(REPORT, byColor({ type: 'Gadgets__c' }));
    expectProblem(checkReports(model()), REPORT, /Gadgets__c is not a report type/);
  });

  it('reports a column the report type does not expose, or written with a dot instead of $', () => {
    fixture.write(
      REPORT,
      byColor({
        columns:
          '<columns><field>Widget__c.Code__c</field></columns><columns><field>Widget__c$Description__c</field></columns>',
      }),
    );
    const problems = checkReports(model());
    expectProblem(
      problems,
      REPORT,
      /column Widget__c.Code__c is not a column report type Widgets exposes/,
    );
    expectProblem(problems, REPORT, /column Widget__c\$Description__c is not a column/);
  });

  it('reports a grouping that is also a column, and a sum over text', () => {
    fixture.write(
      REPORT,
      byColor({
        columns:
          '<columns><field>Widget__c$Color__c</field></columns><columns><aggregateTypes>Sum</aggregateTypes><field>Widget__c$Code__c</field></columns>',
      }),
    );
    const problems = checkReports(model());
    expectProblem(problems, REPORT, /Widget__c\$Color__c is both a grouping and a column/);
    expectProblem(problems, REPORT, /Widget__c\$Code__c is Text; only numbers/);
  });

  it('reports a filter value that is not a picklist value, or not a number', () => {
    fixture.write(
      REPORT,
      byColor({
        filter:
          criteria('Widget__c$Color__c', 'equals', 'Green') +
          criteria('Widget__c$Size__c', 'greaterThan', 'big'),
      }),
    );
    const problems = checkReports(model());
    expectProblem(problems, REPORT, /"Green" is not one of its picklist values/);
    expectProblem(problems, REPORT, /"big" is not a number/);
  });

  it('reports a report whose folder has no folder file', () => {
    fixture.remove(REPORT_FOLDER);
    expectProblem(
      checkReports(model()),
      REPORT,
      /folder Widget_Reports has no Widget_Reports.reportFolder-meta.xml/,
    );
  });
  it("names a joined object's columns by its relationship path", () => {
    fixture.write(
      `${D}/reports/Widget_Reports/Account_Widgets.report-meta.xml`,
      xml(
        'Report',
        '<columns><field>Account.Widgets__r$Code__c</field></columns><columns><field>Account$Code__c</field></columns><format>Summary</format><groupingsDown><field>Account$Name</field></groupingsDown><name>Account widgets</name><reportType>Accounts_with_Widgets__c</reportType><scope>organization</scope>',
      ),
    );
    const problems = checkReports(model()).filter((p) =>
      p.file.endsWith('Account_Widgets.report-meta.xml'),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'column Account$Code__c is not a column report type Accounts_with_Widgets exposes',
    ]);
  });

  it('reports a Matrix without groupings across, and filter logic naming a missing filter', () => {
    const report = byColor().replace('<format>Summary</format>', '<format>Matrix</format>');
    fixture.write(
      REPORT,
      report.replace('<filter>', '<filter><booleanFilter>1 AND 2</booleanFilter>'),
    );
    const problems = checkReports(model());
    expectProblem(
      problems,
      REPORT,
      /a Matrix report has 1 or 2 groupingsDown and 1 or 2 groupingsAcross/,
    );
    expectProblem(problems, REPORT, /booleanFilter refers to filter 2, but there are 1/);
  });
});

describe('folders', () => {
  it('reports a folder open to portal users', () => {
    fixture.write(
      REPORT_FOLDER,
      xml('ReportFolder', '<accessType>Public</accessType><name>Widget Reports</name>'),
    );
    expectProblem(checkReporting(model()), REPORT_FOLDER, /includes portal and community users/);
  });
});

describe('dashboards', () => {
  it('reports a component on a report that does not exist', () => {
    fixture.write(
      DASHBOARD,
      dashboard({ left: chartComponent({ report: 'Widget_Reports/By_Shape' }) }),
    );
    expectProblem(
      checkDashboards(model()),
      DASHBOARD,
      /report Widget_Reports\/By_Shape is not a report/,
    );
  });

  it('reports a chart without sortBy and chartAxisRange, and a summary the report does not have', () => {
    fixture.write(
      DASHBOARD,
      dashboard({
        left: chartComponent({
          extra: '',
          summary: '<aggregate>Average</aggregate><column>Widget__c$Size__c</column>',
        }),
      }),
    );
    const problems = checkDashboards(model());
    expectProblem(problems, DASHBOARD, /a chart needs <sortBy>/);
    expectProblem(problems, DASHBOARD, /a chart needs <chartAxisRange>/);
    expectProblem(problems, DASHBOARD, /uses Average, but the report does not summarise/);
  });

  it('reports a dashboard that runs as a specified user without naming one', () => {
    fixture.write(DASHBOARD, dashboard({ type: '<dashboardType>SpecifiedUser</dashboardType>' }));
    expectProblem(checkDashboards(model()), DASHBOARD, /names none/);
  });
});

describe('report access', () => {
  it('reports a report audience that cannot read a field the report type shows', () => {
    const [file] = audience('Quorum_Sales_Ops');
    fixture.write(
      file,
      permissionSet(objectPermission('Widget__c') + fieldPermission('Widget__c.Code__c', false)),
    );
    const problems = checkReportAccess(model());
    expectProblem(
      problems,
      file,
      /shows field Widget__c.Size__c, which Quorum_Sales_Ops cannot read/,
    );
    expectProblem(problems, file, /shows object Account, which Quorum_Sales_Ops cannot read/);
  });
});

describe('layouts', () => {
  it('reports a field the object requires that is missing or not Required, and an editable auto field', () => {
    fixture.write(LAYOUT, layout(item('Code__c', 'Edit') + item('CreatedById', 'Edit')));
    const problems = checkLayoutRules(model());
    expectProblem(problems, LAYOUT, /Name is required on Widget__c but missing from the layout/);
    expectProblem(problems, LAYOUT, /CreatedById is set by Salesforce: it must be Readonly/);
    fixture.write(LAYOUT, layout(item('Name', 'Edit')));
    expectProblem(checkLayoutRules(model()), LAYOUT, /the layout must mark it Required, not Edit/);
  });

  it('reports a field Quorum writes that people could edit', () => {
    const problems = checkLayoutRules(model(), { Widget__c: { fields: ['Code__c'] } });
    expectProblem(
      problems,
      LAYOUT,
      /Code__c is written by Quorum, not by people: it must be Readonly/,
    );
  });

  it('reports a related list whose lookup points elsewhere, and a custom object without a layout', () => {
    fixture.write(
      LAYOUT,
      layout(
        GOOD_LAYOUT_ITEMS,
        '<relatedLists><fields>NAME</fields><fields>Weight__c</fields><relatedList>Widget__c.Account__c</relatedList></relatedLists>',
      ),
    );
    const problems = checkLayoutRules(model());
    expectProblem(problems, LAYOUT, /Account__c points to Account, not Widget__c/);
    expectProblem(problems, LAYOUT, /shows Weight__c, which is not a field of Widget__c/);
    fixture.remove(LAYOUT);
    expectProblem(
      checkLayoutRules(model()),
      `${D}/objects/Widget__c/Widget__c.object-meta.xml`,
      /has no page layout/,
    );
  });
});

describe('the real reports, dashboard and layouts', () => {
  const real = loadModel(path.resolve(__dirname, '../../..'));

  it('pass the reporting and layout checks', () => {
    expect(checkReporting(real)).toEqual([]);
    expect(checkLayoutRules(real)).toEqual([]);
  });

  it('give a product manager the reports the design names, and the dashboard shows them', () => {
    const reports = real.files
      .filter((f) => f.includes('/reports/Quorum/'))
      .map((f) => path.basename(f, '.report-meta.xml'));
    for (const name of [
      'Top_Themes_by_Segment',
      'Growing_Themes',
      'Requests_by_Theme',
      'Asked_Again_After_Delivery',
    ])
      expect(reports).toContain(name);
    const board = readFileSync(
      path.join(
        real.root,
        real.files.find((f) => f.endsWith('Quorum_Demand.dashboard-meta.xml')) ?? '',
      ),
      'utf8',
    );
    for (const name of [
      'Top_Themes_All_Accounts',
      'Growing_Themes',
      'Asked_Again_After_Delivery',
      'Decision_Backed_Themes',
    ])
      expect(board).toContain(`<report>Quorum/${name}</report>`);
    expect(board).toContain('<dashboardType>LoggedInUser</dashboardType>');
  });

  it('show the committee role of whoever asked on every row of Requests by theme', () => {
    const file = real.files.find((f) => f.endsWith('/Requests_by_Theme.report-meta.xml')) ?? '';
    const report = readFileSync(path.join(real.root, file), 'utf8');
    // Stamped by the service on the request (a report type cannot join a request to the member
    // row of its own opportunity); the member's fields come through the lookup.
    for (const column of [
      'Escalated_Request__c$Requester_Side__c',
      'Escalated_Request__c$Requester_Member__c.Role__c',
      'Escalated_Request__c$Requester_Member__c.Influence__c',
      'Escalated_Request__c$Requester_Member__c.Has_Veto__c',
    ])
      expect(report).toContain(`<field>${column}</field>`);
  });
});
