import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: child elements by tag name, always as arrays; text as `#text`. */
export interface XmlNode {
  [tag: string]: XmlNode[] | string | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: () => true,
  textNodeName: '#text',
});

export type ParsedXml = { ok: true; root: string; node: XmlNode } | { ok: false; message: string };

/** Parses an XML document after checking it is well formed; reports the line of the first error. */
export function parseXml(text: string): ParsedXml {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      ok: false,
      message: `is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    };
  }
  const doc = parser.parse(text) as Record<string, XmlNode[] | string>;
  const roots = Object.keys(doc).filter((k) => k !== '#text' && !k.startsWith('?'));
  if (roots.length !== 1) return { ok: false, message: 'must have exactly one root element' };
  const root = roots[0];
  const value = doc[root];
  const node = Array.isArray(value) ? (value[0] ?? {}) : {};
  return { ok: true, root, node: typeof node === 'string' ? { '#text': node } : node };
}

/** Child elements with a tag. */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node?.[tag];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? { '#text': v } : v));
}

/** Text of the first child element with a tag, or undefined when absent. */
export function text(node: XmlNode | undefined, tag: string): string | undefined {
  const first = children(node, tag)[0];
  if (first === undefined) return undefined;
  const value = first['#text'];
  return typeof value === 'string' ? value : '';
}

/** Texts of every child element with a tag. */
export function texts(node: XmlNode | undefined, tag: string): string[] {
  return children(node, tag).map((c) =>
    typeof c['#text'] === 'string' ? (c['#text'] as string) : '',
  );
}
