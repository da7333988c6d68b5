/**
 * Sample data in `sf data import tree` plan format: every plan entry's files exist, every record
 * names fields that exist and are writable, picklist values are valid and every `@ref` points to
 * a record loaded earlier. The current `sf` CLI resolves an `@ref` against every record an earlier
 * request created, and within one file only `@<Object>Ref<n>` names (it splits the file); it
 * ignores `saveRefs`/`resolveRefs` and warns about them, so the plan must not carry them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetadataModel } from './model';
import { objectExists, resolveField } from './resolve';
import type { Problem } from './types';

interface PlanEntry {
  sobject?: string;
  files?: string[];
  [legacy: string]: unknown;
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
      p(planFile, 'must be a JSON array of { sobject, files }');
      continue;
    }
    const saved = new Set<string>();
    for (const entry of plan) {
      const sobject = entry.sobject ?? '';
      for (const legacy of ['saveRefs', 'resolveRefs'])
        if (legacy in entry)
          p(
            planFile,
            `${sobject}: "${legacy}" is ignored by sf data import tree (it resolves references itself) and makes it warn; remove it`,
          );
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
              else if (refsHere.includes(value.slice(1))) {
                // The same file: sf splits it and resolves only @<Object>Ref<n> names there.
                if (!new RegExp(`^@${sobject}Ref\\d+$`).test(value))
                  p(
                    file,
                    `${where}: ${key} refers to ${value} in the same file; sf resolves that only for names like @${sobject}Ref1 (or move the record to an earlier file)`,
                  );
              } else if (!saved.has(value.slice(1)))
                p(file, `${where}: ${key} refers to ${value}, which no earlier record defines`);
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
        for (const r of refsHere) saved.add(r);
      }
    }
  }
  return problems;
}
