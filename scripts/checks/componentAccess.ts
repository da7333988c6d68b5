/**
 * Every component works for the people who open it: each object and field a component reads
 * through UI API GraphQL (its own `gql` documents and those of the shared modules it imports)
 * is readable in the permission set of every persona that opens it (componentUsers.ts); for the
 * personas who write there, what its static GraphQL mutations and its uiRecordApi /
 * c/recordMutations calls create, edit or delete, and the fields it sets (recordWrites.ts), are
 * allowed.
 *
 * The emulator and the workbench run as an all-powerful user, so without this check a missing
 * grant shows only in a real org, as a GraphQL error for the whole query.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPONENT_USERS, type ComponentUse } from './componentUsers';
import { Grants } from './grants';
import { isCustomName } from './resolve';
import { findGqlDocuments, readsOf, type GqlAccess, type GqlDocument } from './gqlReads';
import type { LwcBundle, MetadataModel } from './model';
import { writesOf, type StaticWrites } from './recordWrites';
import type { Problem } from './types';

export const COMPONENT_USERS_FILE = 'scripts/checks/componentUsers.ts';

const LOCAL_IMPORT = /(?:from\s+|import\s*\(\s*)['"]c\/([A-Za-z0-9_]+)['"]/g;

interface BundleSource {
  readonly documents: GqlDocument[];
  /** Record writes visible in each source file (uiRecordApi, c/recordMutations operations). */
  readonly writes: { file: string; writes: StaticWrites }[];
  readonly imports: Set<string>;
  readonly hasTemplate: boolean;
}

function sourcesOf(model: MetadataModel, bundle: LwcBundle): BundleSource {
  const documents: GqlDocument[] = [];
  const writes: { file: string; writes: StaticWrites }[] = [];
  const imports = new Set<string>();
  for (const file of bundle.jsFiles) {
    if (file.includes('/__tests__/')) continue;
    const source = readFileSync(path.join(model.root, file), 'utf8');
    documents.push(...findGqlDocuments(file, source));
    writes.push({ file, writes: writesOf(model, source) });
    for (const m of source.matchAll(LOCAL_IMPORT)) if (m[1] !== bundle.name) imports.add(m[1]);
  }
  const hasTemplate = model.files.some(
    (f) => f.startsWith(`${bundle.folder}/`) && f.endsWith('.html') && !f.includes('/__tests__/'),
  );
  return { documents, writes, imports, hasTemplate };
}

/** The bundle and every local module it imports, directly or not. */
function closureOf(name: string, sources: Map<string, BundleSource>): string[] {
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || !sources.has(n)) return;
    seen.add(n);
    for (const i of sources.get(n)?.imports ?? []) visit(i);
  };
  visit(name);
  return [...seen];
}

const WRITE_FLAGS = { create: 'allowCreate', edit: 'allowEdit', delete: 'allowDelete' } as const;

/** The problems of one operation for one permission set, in the words an admin needs. */
function accessProblems(
  accesses: readonly GqlAccess[],
  grants: Grants,
  writes: boolean,
  say: (what: string, why: string) => void,
  psName: string,
): void {
  const fieldsRead = new Map<string, Set<string>>();
  for (const access of accesses)
    if (access.kind === 'field') {
      const names = fieldsRead.get(access.field.object) ?? new Set<string>();
      names.add(access.field.name);
      fieldsRead.set(access.field.object, names);
    }
  const objectsRead = new Set<string>();
  for (const access of accesses)
    if (access.kind === 'object') objectsRead.add(access.object);
    else if (access.kind === 'field') objectsRead.add(access.field.object);
  for (const object of [...objectsRead].sort()) {
    if (grants.canReadObject(object)) continue;
    const why = `the permission set grants no read on ${object}`;
    const names = [...(fieldsRead.get(object) ?? [])].sort();
    if (names.length === 0) say(object, why);
    for (const name of names) say(`${object}.${name}`, why);
  }
  const seen = new Set<string>();
  for (const access of accesses) {
    if (access.kind !== 'field') continue;
    const { object, name, permissionable, source } = access.field;
    const key = `${object}.${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!grants.canReadObject(object)) continue; // said above
    // Standard fields of standard objects: granted by the standard profiles (see canReadObject).
    if (source === 'standard') continue;
    // Required, master-detail, Name and system fields carry no field permissions: readable
    // whenever the object is.
    if (!permissionable) continue;
    if (!grants.canReadField(object, name)) say(key, `${psName} does not make ${key} readable`);
  }
  if (!writes) return;
  for (const access of accesses) {
    if (access.kind !== 'write' || !isCustomName(access.object)) continue;
    if (!grants.can(access.object, WRITE_FLAGS[access.write]))
      say(
        `${access.write}s ${access.object}`,
        `the permission set does not allow ${access.write} on ${access.object}`,
      );
  }
}

/** The uiRecordApi / c/recordMutations writes a writer's permission set does not allow. */
function writeProblems(found: StaticWrites, grants: Grants): string[] {
  const out = new Set<string>();
  for (const w of found.objects)
    if (isCustomName(w.object) && !grants.can(w.object, WRITE_FLAGS[w.write]))
      out.add(
        `${w.write}s ${w.object} (${w.how}, line ${w.line}) but the permission set does not allow ${w.write} on ${w.object}`,
      );
  for (const { field, line } of found.fields) {
    // As for reads: standard fields of standard objects are the standard profiles' business,
    // and required / master-detail fields are editable with their object.
    if (field.source === 'standard' || !field.permissionable) continue;
    const key = `${field.object}.${field.name}`;
    if (!grants.canEditField(field.object, field.name))
      out.add(`sets ${key} (line ${line}) but the permission set does not make ${key} editable`);
  }
  return [...out];
}

/** Every component's GraphQL reads and static mutations are granted to every persona that opens it. */
export function checkComponentAccess(
  model: MetadataModel,
  table: Readonly<Record<string, ComponentUse>> = COMPONENT_USERS,
): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, message: string) =>
    problems.push({ check: 'componentaccess', file, message });

  const sources = new Map<string, BundleSource>();
  for (const bundle of model.lwc.values()) sources.set(bundle.name, sourcesOf(model, bundle));
  const permissionSets = new Map(model.permissionSets.map((ps) => [ps.name, ps] as const));

  // The table names components and permission sets that exist.
  for (const [component, use] of Object.entries(table)) {
    if (!model.lwc.has(component))
      add(
        COMPONENT_USERS_FILE,
        `lists component ${component}, which is not in force-app/main/default/lwc`,
      );
    for (const ps of new Set([...use.users, ...(use.writers ?? [])]))
      if (!permissionSets.has(ps))
        add(COMPONENT_USERS_FILE, `${component}: permission set ${ps} does not exist`);
    for (const ps of use.writers ?? [])
      if (!use.users.includes(ps))
        add(COMPONENT_USERS_FILE, `${component}: writer ${ps} is not among its users`);
  }

  // Every document reads names that exist (said once per document, not per component).
  const readsByDoc = new Map<GqlDocument, ReturnType<typeof readsOf>>();
  for (const source of sources.values())
    for (const doc of source.documents) {
      const reads = readsOf(model, doc.text);
      readsByDoc.set(doc, reads);
      for (const op of reads)
        for (const error of op.errors) add(doc.file, `line ${doc.line}: ${op.name}: ${error}`);
    }

  // Nothing that reads records slips past the table.
  const reached = new Set<string>();
  for (const component of Object.keys(table))
    for (const name of closureOf(component, sources)) reached.add(name);
  for (const [name, source] of sources) {
    const listed = name in table;
    const closure = closureOf(name, sources);
    const reads = closure.some((n) => (sources.get(n)?.documents.length ?? 0) > 0);
    if (!listed && source.hasTemplate && reads)
      add(
        model.lwc.get(name)?.folder ?? name,
        `component ${name} reads records through GraphQL but is not in ${COMPONENT_USERS_FILE}, so no permission set is checked for it`,
      );
    else if (!listed && !reached.has(name) && source.documents.length > 0)
      add(
        source.documents[0].file,
        `module ${name} has GraphQL documents but no component in ${COMPONENT_USERS_FILE} imports it, so no permission set is checked for them`,
      );
  }

  // Each listed component, for each persona that opens it.
  for (const [component, use] of Object.entries(table)) {
    if (!sources.has(component)) continue;
    const closure = closureOf(component, sources);
    for (const psName of use.users) {
      const ps = permissionSets.get(psName);
      if (!ps) continue;
      const grants = new Grants(ps);
      const writes = (use.writers ?? use.users).includes(psName);
      const said = new Set<string>();
      for (const origin of closure)
        for (const doc of sources.get(origin)?.documents ?? [])
          for (const op of readsByDoc.get(doc) ?? []) {
            const where = origin === component ? '' : ` in c/${origin}`;
            accessProblems(
              op.accesses,
              grants,
              writes,
              (what, why) => {
                const verb = what.includes(' ') ? '' : 'reads ';
                const message = `${component} (${psName}): ${verb}${what} (query ${op.name}${where}) but ${why}`;
                if (said.has(message)) return;
                said.add(message);
                add(doc.file, message);
              },
              psName,
            );
          }
      if (writes)
        for (const { file, writes: found } of sources.get(component)?.writes ?? [])
          for (const message of writeProblems(found, grants))
            add(file, `${component} (${psName}): ${message}`);
    }
  }
  return problems;
}
