/**
 * Loads an `sf data import tree` plan: a JSON array of `{ sobject, files: [...] }` whose files
 * hold `{ records: [{ attributes: { type, referenceId }, ...fields }] }`; field values like
 * `@AccountRef1` refer to earlier records. Every record goes through the org's DML rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DmlError, RequestError } from '../store/errors';
import type { Store } from '../store/store';
import { seedUsers } from './demo';

const PlanSchema = z.array(
  z.object({
    sobject: z.string().min(1),
    saveRefs: z.boolean().optional(),
    resolveRefs: z.boolean().optional(),
    files: z.array(z.string().min(1)).min(1),
  }),
);
const TreeSchema = z.object({
  records: z.array(
    z.object({ attributes: z.object({ type: z.string(), referenceId: z.string() }) }).passthrough(),
  ),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`data plan: cannot read ${file}: ${(err as Error).message}`);
  }
}

export function loadDataPlan(store: Store, planFile: string): Record<string, number> {
  const plan = PlanSchema.safeParse(readJson(planFile));
  if (!plan.success)
    throw new Error(
      `data plan ${planFile}: ${plan.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  seedUsers(store); // records are owned by the integration user, as in an org
  const refs = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const step of plan.data) {
    for (const rel of step.files) {
      const file = path.resolve(path.dirname(planFile), rel);
      const tree = TreeSchema.safeParse(readJson(file));
      if (!tree.success)
        throw new Error(
          `data plan file ${file}: ${tree.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      for (const rec of tree.data.records) {
        const { attributes, ...fields } = rec as {
          attributes: { type: string; referenceId: string };
        } & Record<string, unknown>;
        for (const [k, v] of Object.entries(fields)) {
          if (typeof v === 'string' && v.startsWith('@')) {
            const id = refs.get(v.slice(1));
            if (!id)
              throw new Error(
                `data plan file ${file}: ${attributes.referenceId}.${k} refers to ${v}, which no earlier record defines`,
              );
            fields[k] = id;
          }
        }
        try {
          const row = store.create(attributes.type || step.sobject, fields);
          refs.set(attributes.referenceId, row.Id as string);
          counts[step.sobject] = (counts[step.sobject] ?? 0) + 1;
        } catch (err) {
          if (err instanceof DmlError || err instanceof RequestError) {
            throw new Error(
              `data plan file ${file}: record ${attributes.referenceId} was rejected: ${err instanceof DmlError ? err.statusCode : err.errorCode}: ${err.message}`,
            );
          }
          throw err;
        }
      }
    }
  }
  return counts;
}
