/**
 * Workbench pages from the project's flexipages: which Quorum components sit in which region, and
 * how wide that region is on a 1,280 px desktop (the widths Lightning gives its templates).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface Region {
  name: string;
  /** Width in CSS px, or null for the rest of the row. */
  width: number | null;
  components: string[];
}

export interface Page {
  /** URL slug: opportunity, account, demand, segments. */
  slug: string;
  label: string;
  template: string;
  /** The record page's object (Opportunity, Account), or null for app pages. */
  objectApiName: string | null;
  regions: Region[];
}

/** Region widths per template: a record page's sidebar is 414 px at 1,280 px, as in Lightning. */
const REGION_WIDTHS: Record<string, Record<string, number | null>> = {
  'flexipage:recordHomeTemplateDesktop': { main: null, sidebar: 414 },
  'flexipage:defaultAppHomeTemplate': { main: null },
};

const SLUGS: Record<string, string> = {
  Quorum_Opportunity_Record_Page: 'opportunity',
  Quorum_Account_Record_Page: 'account',
  Quorum_Demand: 'demand',
  Quorum_Segments: 'segments',
};

const asArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

interface XmlRegion {
  name: string;
  type: string;
  itemInstances?:
    | { componentInstance?: { componentName: string } }
    | Array<{ componentInstance?: { componentName: string } }>;
}

export function loadPages(flexipageDir: string): Page[] {
  const parser = new XMLParser({ ignoreAttributes: true });
  const pages: Page[] = [];
  for (const file of readdirSync(flexipageDir)
    .filter((f) => f.endsWith('.flexipage-meta.xml'))
    .sort()) {
    const name = file.replace('.flexipage-meta.xml', '');
    const slug = SLUGS[name];
    if (!slug) continue;
    const xml = parser.parse(readFileSync(path.join(flexipageDir, file), 'utf8')).FlexiPage;
    const template: string = xml.template.name;
    const widths = REGION_WIDTHS[template];
    if (!widths) throw new Error(`${file}: the workbench has no layout for template ${template}`);
    const regions: Region[] = [];
    for (const region of asArray<XmlRegion>(xml.flexiPageRegions)) {
      if (region.type !== 'Region' || !(region.name in widths)) continue;
      const components = asArray(region.itemInstances)
        .map((item) => item.componentInstance?.componentName)
        .filter((c): c is string => Boolean(c) && !c!.includes(':'));
      regions.push({ name: region.name, width: widths[region.name], components });
    }
    pages.push({
      slug,
      label: xml.masterLabel,
      template,
      objectApiName: xml.sobjectType ?? null,
      regions,
    });
  }
  return pages;
}
