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
import { checkDashboards } from './dashboards';
import type { MetadataModel } from './model';
import { checkReportAccess } from './reportAccess';
import { loadReporting } from './reportingModel';
import { checkReportFolders, checkReports } from './reports';
import { checkReportTypes } from './reportTypes';
import type { Problem } from './types';

export * from './dashboards';
export * from './reportAccess';
export * from './reportingModel';
export * from './reports';
export * from './reportTypes';

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
