/**
 * Builds the workbench bundle: the real components from force-app compiled with LWC OSS (the
 * engine version sfdx-lwc-jest brings), lightning-base-components, and the documented platform
 * stand-ins in workbench/platform. Output: workbench/dist/app.js and the SLDS assets.
 *
 * `@salesforce/label/c.*` modules come from force-app's CustomLabels (a page may switch language
 * at runtime, see platform/shell.js); `@salesforce/schema/*` modules are checked against the
 * objects in force-app, so a misspelt field fails the build as it would fail a deploy.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { XMLParser } from 'fast-xml-parser';
import { rollup, type Plugin } from 'rollup';
import { Schema } from '../server/emulator/schema/schema';
import { loadPages } from './pages';

export const ROOT = path.resolve(__dirname, '..');
export const FORCE_APP = path.join(ROOT, 'force-app/main/default');
export const DIST = path.join(__dirname, 'dist');
const PLATFORM = path.join(__dirname, 'platform');
const VIRTUAL = '\0quorum-workbench:';

/** Custom labels by name, in English (the metadata's own language). */
export function loadLabels(): Record<string, string> {
  const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(
    readFileSync(path.join(FORCE_APP, 'labels/CustomLabels.labels-meta.xml'), 'utf8'),
  );
  const out: Record<string, string> = {};
  for (const label of [xml.CustomLabels.labels].flat()) out[label.fullName] = String(label.value);
  return out;
}

/** Translated labels by language (`zh_CN`), from force-app's translations. */
export function loadTranslations(): Record<string, Record<string, string>> {
  const dir = path.join(FORCE_APP, 'translations');
  const out: Record<string, Record<string, string>> = {};
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.translation-meta.xml'))) {
    const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(
      readFileSync(path.join(dir, file), 'utf8'),
    );
    const labels: Record<string, string> = {};
    for (const l of [xml.Translations.customLabels ?? []].flat()) labels[l.name] = String(l.label);
    out[file.replace('.translation-meta.xml', '')] = labels;
  }
  return out;
}

/** `@salesforce/i18n/*` for Quorum's components: the page's language, US dollars, UTC. */
const I18N: Record<string, string> = {
  '@salesforce/i18n/locale':
    "((globalThis.__QUORUM_WORKBENCH__ || {}).lang || 'en_US').replace('_', '-')",
  '@salesforce/i18n/lang':
    "((globalThis.__QUORUM_WORKBENCH__ || {}).lang || 'en_US').replace('_', '-')",
  '@salesforce/i18n/currency': "'USD'",
  '@salesforce/i18n/timeZone': "'UTC'",
  '@salesforce/i18n/dir': "'ltr'",
};

/** Virtual modules for `@salesforce/label`, `@salesforce/schema` and `@salesforce/user`. */
function salesforceModules(): Plugin {
  const labels = loadLabels();
  const schema = Schema.load(FORCE_APP);
  const schemaModule = (spec: string): string => {
    const [objectName, ...fieldPath] = spec.split('.');
    const def = schema.find(objectName);
    if (!def || def.name !== objectName)
      throw new Error(`@salesforce/schema/${spec}: no object ${objectName} in force-app`);
    if (fieldPath.length === 0)
      return `export default ${JSON.stringify({ objectApiName: def.name })};`;
    let owner = def;
    for (const [i, part] of fieldPath.entries()) {
      const last = i === fieldPath.length - 1;
      if (last) {
        const f = owner.fieldMap.get(part.toLowerCase());
        if (!f || f.name !== part)
          throw new Error(`@salesforce/schema/${spec}: no field ${part} on ${owner.name}`);
      } else {
        const ref = owner.relationships.get(part.toLowerCase());
        if (!ref || ref.relationshipName !== part)
          throw new Error(`@salesforce/schema/${spec}: no relationship ${part} on ${owner.name}`);
        owner = schema.find(ref.referenceTo[0])!;
      }
    }
    return `export default ${JSON.stringify({ objectApiName: def.name, fieldApiName: fieldPath.join('.') })};`;
  };
  return {
    name: 'quorum-salesforce-modules',
    resolveId(source, importer) {
      if (/^@salesforce\/(label\/c\.|schema\/|user\/)/.test(source)) return VIRTUAL + source;
      // The base components bring their own i18n modules; Quorum's components get the page's.
      const own = importer !== undefined && !importer.includes('lightning-base-components');
      if (own && source.startsWith('@salesforce/i18n/')) return VIRTUAL + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        if (!(name in labels)) throw new Error(`${source}: no custom label ${name} in force-app`);
        // The page's language may override the English value (platform/shell.js sets it).
        return `const t = globalThis.__QUORUM_LABELS__ || {};\nexport default t[${JSON.stringify(name)}] ?? ${JSON.stringify(labels[name])};`;
      }
      if (source.startsWith('@salesforce/schema/'))
        return schemaModule(source.slice('@salesforce/schema/'.length));
      if (source === '@salesforce/user/Id')
        return 'export default (globalThis.__QUORUM_WORKBENCH__ || {}).userId ?? null;';
      if (source === '@salesforce/user/isGuest') return 'export default false;';
      const i18n = I18N[source];
      if (i18n) return `export default ${i18n};`;
      throw new Error(`${source}: the workbench has no stand-in for this module`);
    },
  };
}

/** Module records: stand-ins first (they win over base components), then c/*, then LBC. */
function moduleRecords(components: string[]) {
  const standIns = readdirSync(path.join(PLATFORM, 'lightning')).map((name) => ({
    name: `lightning/${name}`,
    path: path.join(PLATFORM, 'lightning', name, `${name}.js`),
  }));
  const own = components.map((name) => ({
    name: `c/${name}`,
    path: path.join(FORCE_APP, 'lwc', name, `${name}.js`),
  }));
  return [
    ...standIns,
    ...own,
    { name: 'workbench/shell', path: path.join(PLATFORM, 'shell', 'shell.js') },
    { name: 'workbench/transport', path: path.join(PLATFORM, 'transport', 'transport.js') },
    { npm: 'lightning-base-components' },
  ];
}

export async function build(opts: { quiet?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const components = readdirSync(path.join(FORCE_APP, 'lwc')).filter((name) =>
    existsSync(path.join(FORCE_APP, 'lwc', name, `${name}.js`)),
  );
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  // The entry imports every component of the pages, so one bundle serves all of them.
  const used = [
    ...new Set(
      loadPages(path.join(FORCE_APP, 'flexipages')).flatMap((p) =>
        p.regions.flatMap((r) => r.components),
      ),
    ),
  ];
  const entry = path.join(DIST, 'entry.js');
  writeFileSync(
    entry,
    [
      "import '@lwc/synthetic-shadow';",
      "import { mount } from 'workbench/shell';",
      ...used.map((name, i) => `import C${i} from 'c/${name}';`),
      `mount({ ${used.map((name, i) => `${name}: C${i}`).join(', ')} });`,
    ].join('\n'),
  );
  const bundle = await rollup({
    input: entry,
    plugins: [
      salesforceModules(),
      replace({
        preventAssignment: true,
        values: {
          'import.meta.env.SSR': 'false',
          'process.env.NODE_ENV': JSON.stringify('production'),
        },
      }),
      lwc({
        rootDir: ROOT,
        modules: moduleRecords(components),
        enableDynamicComponents: true,
        experimentalDynamicComponent: { strictSpecifier: false },
        enableSyntheticElementInternals: true,
      }),
    ],
    onwarn(warning, warn) {
      // lightning-base-components' own templates warn (keys, attributes): not ours to fix.
      const inBaseComponents = (warning.id ?? warning.loc?.file ?? '').includes(
        'lightning-base-components',
      );
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' ||
        warning.code === 'THIS_IS_UNDEFINED' ||
        inBaseComponents
      )
        return;
      warn(warning);
    },
  });
  await bundle.write({
    file: path.join(DIST, 'app.js'),
    format: 'esm',
    inlineDynamicImports: true,
    sourcemap: false,
  });
  await bundle.close();
  // SLDS: the stylesheet and the assets it refers to (fonts, icons).
  const slds = path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');
  for (const sub of ['styles', 'fonts', 'icons', 'images']) {
    if (existsSync(path.join(slds, sub)))
      cpSync(path.join(slds, sub), path.join(DIST, 'assets', sub), { recursive: true });
  }
  writeFileSync(
    path.join(DIST, 'labels.json'),
    JSON.stringify({ en_US: loadLabels(), ...loadTranslations() }),
  );
  if (!opts.quiet)
    console.log(
      `workbench: built ${components.length} components in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
}

if (require.main === module) {
  build().catch((err: Error) => {
    console.error(`workbench build failed: ${err.message}`);
    process.exit(1);
  });
}

/**
 * Custom labels by name, for the browser tests: a renamed or missing label fails loudly,
 * naming it, instead of reading as undefined.
 */
export function labelTexts(): Record<string, string> {
  const labels = loadLabels();
  return new Proxy({} as Record<string, string>, {
    get(_target, name: string) {
      if (!(name in labels)) throw new Error(`No custom label ${name} in force-app`);
      return labels[name];
    },
  });
}
