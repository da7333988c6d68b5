/**
 * Check (a): every metadata file converts with @salesforce/source-deploy-retrieve, as
 * `sf project deploy` would do it, and no `*-meta.xml` under force-app is silently dropped.
 */
import { Lifecycle } from '@salesforce/core';
import {
  ComponentSet,
  ForceIgnore,
  MetadataConverter,
  type SourceComponent,
} from '@salesforce/source-deploy-retrieve';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MetadataModel } from './model';
import type { Problem } from './types';

const CHECK = 'convert';

function claimedFiles(component: SourceComponent, out: Set<string>): void {
  if (component.xml) out.add(path.resolve(component.xml));
  // A decomposed type (CustomObject) claims its children's files, not its whole folder.
  if (component.content && !component.type.children) {
    for (const file of component.walkContent()) out.add(path.resolve(file));
  }
  for (const child of component.getChildren()) claimedFiles(child, out);
}

/** The folders to read: each metadata-type folder of `main/default` and the rest of force-app. */
function sourceFolders(forceApp: string): string[] {
  if (!existsSync(forceApp)) return [];
  const defaults = path.join(forceApp, 'main', 'default');
  if (!existsSync(defaults)) return [forceApp];
  const list = (dir: string, skip: string) =>
    readdirSync(dir)
      .filter((d) => d !== skip)
      .map((d) => path.join(dir, d));
  return [
    ...list(defaults, ''),
    ...list(path.join(forceApp, 'main'), 'default'),
    ...list(forceApp, 'main'),
  ].filter((d) => statSync(d).isDirectory());
}

function sdrProblem(
  error: unknown,
  model: MetadataModel,
  rel: (f: string) => string,
  prefix = '',
): Problem {
  const raw = error instanceof Error ? error.message : String(error);
  const fileMatch = /(\/[^\]\s:]+\.[A-Za-z]+(?:-meta\.xml)?)/.exec(raw);
  const inProject = fileMatch !== null && fileMatch[1].startsWith(model.root);
  const file = inProject ? rel(fileMatch[1]) : 'force-app';
  const message = inProject
    ? raw.replace(`${fileMatch[1]}: `, '').replace(fileMatch[1], path.basename(fileMatch[1]))
    : raw;
  return { check: CHECK, file, message: `${prefix}source-deploy-retrieve: ${message}` };
}

export async function checkConversion(model: MetadataModel): Promise<Problem[]> {
  const problems: Problem[] = [];
  const rel = (file: string) => path.relative(model.root, file).split(path.sep).join('/');
  const warnings: string[] = [];
  const lifecycle = Lifecycle.getInstance();
  lifecycle.onWarning(async (warning: string) => {
    warnings.push(warning);
  });
  const outDir = mkdtempSync(path.join(tmpdir(), 'quorum-convert-'));
  try {
    // Read each folder on its own, so that one unreadable file hides nothing else.
    const set = new ComponentSet();
    for (const dir of sourceFolders(model.forceApp)) {
      try {
        for (const component of ComponentSet.fromSource(dir).getSourceComponents())
          set.add(component);
      } catch (error) {
        problems.push(sdrProblem(error, model, rel));
      }
    }
    const claimed = new Set<string>();
    for (const component of set.getSourceComponents()) {
      try {
        claimedFiles(component, claimed);
      } catch (error) {
        // Reported here; its folder's other files are not reported again as dropped.
        problems.push(sdrProblem(error, model, rel));
        if (component.content)
          for (const file of component.walkContent()) claimed.add(path.resolve(file));
      }
    }
    try {
      await new MetadataConverter().convert(set, 'metadata', {
        type: 'directory',
        outputDirectory: outDir,
        genUniqueDir: false,
      });
    } catch (error) {
      problems.push(sdrProblem(error, model, rel, 'conversion to metadata format failed: '));
    }
    const forceIgnore = ForceIgnore.findAndCreate(model.forceApp);
    for (const file of model.files) {
      if (!file.endsWith('-meta.xml')) continue;
      const full = path.resolve(model.root, file);
      if (forceIgnore.denies(full) || claimed.has(full)) continue;
      problems.push({
        check: CHECK,
        file,
        message:
          'is not part of any component source-deploy-retrieve recognises, so a deploy would silently drop it (wrong folder, suffix or file name?)',
      });
    }
    for (const warning of warnings) {
      const fileMatch = /^(\/[^:]+):\s*/.exec(warning);
      problems.push({
        check: CHECK,
        file: fileMatch ? rel(fileMatch[1]) : 'force-app',
        message: `source-deploy-retrieve warning: ${fileMatch ? warning.slice(fileMatch[0].length) : warning}`,
      });
    }
  } finally {
    lifecycle.removeAllListeners('warning');
    rmSync(outDir, { recursive: true, force: true });
  }
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
