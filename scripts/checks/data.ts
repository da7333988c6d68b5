/**
 * Sample data in `sf data import tree` plan format: every plan entry's files exist, every record
 * names fields that exist and are writable, picklist values are valid and every `@ref` points to
 * a record an earlier plan entry saved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetadataModel } from './model';
import { objectExists, resolveField } from './resolve';
import type { Problem } from './types';

interface PlanEntry {
  sobject?: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files?: string[];
}

const READ_ONLY_TYPES = new Set(['Id', 'AutoNumber', 'Summary']);

export function checkSampleData(
  model: MetadataModel,
  dataDir = path.join(model.root, 'data'),
): Problem[] {
  const problems: Problem[] = [];
  if (!existsSync(dataDir)) return problems;
  const rel = (file: string) => path.relative(model.root, file).split(path.sep).join('/');
  const plans = readdirSync(dataDir).filter((f) => /plan.*\.json$/i.test(f));
  for (const planName of plans) {
    const planFile = path.join(dataDir, planName);
    const p = (file: string, message: string) =>
      problems.push({ check: 'data', file: rel(file), message });
    let plan: PlanEntry[];
    try {
      plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanEntry[];
    } catch (error) {
      p(planFile, `is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    if (!Array.isArray(plan)) {
      p(planFile, 'must be a JSON array of { sobject, saveRefs, resolveRefs, files }');
      continue;
    }
    const saved = new Set<string>();
    for (const entry of plan) {
      const sobject = entry.sobject ?? '';
      if (!objectExists(model, sobject)) p(planFile, `sobject ${sobject} does not exist`);
      for (const name of entry.files ?? []) {
        const file = path.join(dataDir, name);
        if (!existsSync(file)) {
          p(planFile, `names file ${name}, which does not exist`);
          continue;
        }
        let records: Array<Record<string, unknown>>;
        try {
          records =
            (JSON.parse(readFileSync(file, 'utf8')) as { records?: Array<Record<string, unknown>> })
              .records ?? [];
        } catch (error) {
          p(file, `is not valid JSON: ${(error as Error).message}`);
          continue;
        }
        const refsHere: string[] = [];
        records.forEach((record, index) => {
          const attributes = (record.attributes ?? {}) as { type?: string; referenceId?: string };
          const where = `record ${index + 1}${attributes.referenceId ? ` (${attributes.referenceId})` : ''}`;
          if (attributes.type !== sobject)
            p(
              file,
              `${where}: attributes.type is ${attributes.type ?? 'missing'}, but the plan loads it as ${sobject}`,
            );
          if (!attributes.referenceId) p(file, `${where}: has no attributes.referenceId`);
          else if (saved.has(attributes.referenceId) || refsHere.includes(attributes.referenceId))
            p(file, `${where}: referenceId ${attributes.referenceId} is used twice`);
          else refsHere.push(attributes.referenceId);
          for (const [key, value] of Object.entries(record)) {
            if (key === 'attributes') continue;
            const field = resolveField(model, sobject, key);
            if (!field) {
              p(file, `${where}: field ${sobject}.${key} does not exist`);
              continue;
            }
            if (READ_ONLY_TYPES.has(field.type) || (field.source === 'system' && key !== 'OwnerId'))
              p(file, `${where}: ${key} cannot be written`);
            if (typeof value === 'string' && value.startsWith('@')) {
              if (!field.referenceTo)
                p(file, `${where}: ${key} is not a lookup but has the reference ${value}`);
              else if (!entry.resolveRefs)
                p(
                  file,
                  `${where}: ${key} uses ${value} but the plan entry lacks "resolveRefs": true`,
                );
              else if (!saved.has(value.slice(1)))
                p(file, `${where}: ${key} refers to ${value}, which no earlier plan entry saves`);
            }
            const meta = model.objects.get(sobject)?.fields.get(key);
            if (meta && typeof value === 'string' && meta.values.length > 0) {
              const values = meta.type === 'MultiselectPicklist' ? value.split(';') : [value];
              for (const v of values)
                if (!meta.values.includes(v))
                  p(file, `${where}: "${v}" is not a value of ${sobject}.${key}`);
            }
          }
          const required = [...(model.objects.get(sobject)?.fields.values() ?? [])].filter(
            (f) => f.required || f.type === 'MasterDetail',
          );
          for (const f of required)
            if (!(f.name in record)) p(file, `${where}: required field ${f.name} is missing`);
        });
        if (entry.saveRefs) for (const r of refsHere) saved.add(r);
      }
    }
  }
  return problems;
}
