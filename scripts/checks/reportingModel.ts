/** The reporting files of a project (report types, reports, dashboards, folders), read once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetaDoc, MetadataModel } from './model';
import { parseXml } from './xml';

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
