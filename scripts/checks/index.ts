/**
 * The metadata checks, as a library: `runChecks(root)` loads `<root>/force-app` and runs every
 * check; each check is also exported on its own so tests can point it at a fixture.
 */
import type { SObjectDef } from '../../server/src/schema';
import { checkComponentAccess } from './componentAccess';
import type { ComponentUse } from './componentUsers';
import { checkConversion } from './convert';
import {
  checkCompactLayouts,
  checkFlexipages,
  checkIntegrationAccess,
  checkLayouts,
  checkListViews,
  checkLwcMeta,
  checkLwcSchemaImports,
  checkPermissionSets,
  checkSchemaModule,
  checkTabsAndApps,
} from './crossref';
import { checkSampleData } from './data';
import { checkLayoutRules } from './layoutRules';
import { loadModel, type MetadataModel } from './model';
import { checkReporting } from './reporting';
import { checkSemantics, REQUIRED_EXTERNAL_IDS } from './semantic';
import { checkTranslations } from './translations';
import type { Problem } from './types';

export * from './componentAccess';
export * from './componentUsers';
export * from './convert';
export * from './crossref';
export * from './data';
export * from './layoutRules';
export * from './model';
export * from './reporting';
export * from './semantic';
export * from './translations';
export * from './types';

export interface CheckOptions {
  /** Skip the source-deploy-retrieve conversion (the slowest check). */
  readonly skipConversion?: boolean;
  /** Objects of the schema module to cross-check; defaults to the real schema module. */
  readonly sobjects?: Readonly<Record<string, SObjectDef>>;
  /** External IDs that must exist; defaults to those of docs/DATA_MODEL.md. */
  readonly requiredExternalIds?: readonly string[];
  /** Who opens each component (componentUsers.ts); defaults to the real table. */
  readonly componentUsers?: Readonly<Record<string, ComponentUse>>;
}

export interface CheckReport {
  readonly problems: Problem[];
  readonly model: MetadataModel;
  readonly counts: { files: number; objects: number; fields: number; components: number };
}

export async function runChecks(root: string, options: CheckOptions = {}): Promise<CheckReport> {
  const model = loadModel(root);
  const problems: Problem[] = [...model.problems];
  if (!options.skipConversion) problems.push(...(await checkConversion(model)));
  problems.push(...checkSemantics(model, options.requiredExternalIds ?? REQUIRED_EXTERNAL_IDS));
  problems.push(...checkSchemaModule(model, options.sobjects));
  if (options.sobjects === undefined || Object.keys(options.sobjects).length > 0) {
    problems.push(...checkIntegrationAccess(model, options.sobjects));
  }
  problems.push(...checkLwcSchemaImports(model));
  problems.push(...checkLwcMeta(model));
  problems.push(...checkPermissionSets(model));
  problems.push(...checkComponentAccess(model, options.componentUsers));
  problems.push(...checkListViews(model));
  problems.push(...checkCompactLayouts(model));
  problems.push(...checkLayouts(model));
  problems.push(...checkLayoutRules(model));
  problems.push(...checkReporting(model));
  problems.push(...checkFlexipages(model));
  problems.push(...checkTabsAndApps(model));
  problems.push(...checkSampleData(model));
  problems.push(...checkTranslations(model));
  const fields = [...model.objects.values()].reduce((n, o) => n + o.fields.size, 0);
  return {
    problems,
    model,
    counts: {
      files: model.files.length,
      objects: model.objects.size,
      fields,
      components: model.lwc.size,
    },
  };
}
