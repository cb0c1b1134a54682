/** Checks shared by the export tests: schema validation, a second parser, expected values. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KgGraph } from '../../src/graph/types.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SCHEMA_DIR = resolve(REPO_ROOT, '../shared/gexf-schema');
export const XMLLINT = '/usr/bin/xmllint';

const tempDirs: string[] = [];

/** A fresh folder under the system temp dir, removed by removeTempDirs (call it in afterAll). */
export function tempDir(prefix = 'kg-export-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeTemp(name: string, content: string | Uint8Array, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export interface Check {
  status: number | null;
  output: string;
}

function xmllint(args: string[]): Check {
  if (!existsSync(XMLLINT)) throw new Error(`${XMLLINT} not found: install Debian's libxml2-utils to validate GEXF.`);
  const r = spawnSync(XMLLINT, args, { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** xmllint against the fixed GEXF 1.3 XSD and RNG (../shared/gexf-schema from the repo root). */
export function validateGexf(path: string): { xsd: Check; rng: Check } {
  return {
    xsd: xmllint(['--noout', '--schema', join(SCHEMA_DIR, '1.3-fixed/gexf.xsd'), path]),
    rng: xmllint(['--noout', '--relaxng', join(SCHEMA_DIR, '1.3-fixed/gexf.rng'), path]),
  };
}

/** Well-formedness only (GraphML's schema is not stored offline). */
export function checkWellFormed(path: string): Check {
  return xmllint(['--noout', path]);
}

export const PYTHON = 'python3';

/** Whether `python3 -c 'import networkx'` works; the NetworkX checks are skipped otherwise. */
export const HAS_NETWORKX = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
export const NETWORKX_SKIP = HAS_NETWORKX ? '' : ' (SKIPPED: python3 cannot import networkx)';

export interface NxGraph {
  directed: boolean;
  multigraph: boolean;
  nodes: { id: string; attrs: Record<string, unknown> }[];
  edges: { source: string; target: string; key: string; attrs: Record<string, unknown> }[];
}

const NX_SCRIPT = `
import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path, force_multigraph=True)
out = {"directed": g.is_directed(), "multigraph": g.is_multigraph(),
       "nodes": [{"id": n, "attrs": d} for n, d in g.nodes(data=True)],
       "edges": [{"source": u, "target": v, "key": str(k), "attrs": d} for u, v, k, d in g.edges(keys=True, data=True)]
                if g.is_multigraph() else [{"source": u, "target": v, "key": str(d.get("id", "")), "attrs": d} for u, v, d in g.edges(data=True)]}
json.dump(out, sys.stdout, ensure_ascii=True, default=str)
`;

/** Reads a GEXF or GraphML file with NetworkX and returns what it saw. */
export function readWithNetworkx(path: string, kind: 'gexf' | 'graphml'): NxGraph {
  const r = spawnSync(PYTHON, ['-c', NX_SCRIPT, path, kind], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`networkx could not read ${path}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as NxGraph;
}

// ---- Expected values, computed here from the graph rather than by the code under test ----

/** What XML can carry of a string: C0 controls (bar tab, LF, CR), U+FFFE/U+FFFF and unpaired surrogates become U+FFFD. */
export function xmlClean(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

export interface ExpectedNode {
  key: string;
  label: string;
  type: string;
  aliases: string[];
  mention_count: number;
  documents: string[];
  value?: number;
  value_max?: number;
  unit?: string;
  x?: number;
  y?: number;
}

export interface ExpectedEdge {
  key: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
  evidence_count: number;
  sentence?: string;
  documents: string[];
  pattern?: string;
}

const unique = (xs: string[]) => [...new Set(xs)];

export function expectedNodes(graph: KgGraph): ExpectedNode[] {
  return graph.mapNodes((key, a) => {
    const n: ExpectedNode = {
      key,
      label: a.label,
      type: a.type,
      aliases: a.aliases.filter((s) => s !== ''),
      mention_count: a.mentions.length,
      documents: unique(a.mentions.map((m) => m.doc)),
    };
    if (a.value !== undefined) n.value = a.value;
    if (a.value_max !== undefined) n.value_max = a.value_max;
    if (a.unit !== undefined) n.unit = a.unit;
    if (a.x !== undefined) n.x = a.x;
    if (a.y !== undefined) n.y = a.y;
    return n;
  });
}

export function expectedEdges(graph: KgGraph): ExpectedEdge[] {
  const texts = graph.getAttribute('texts') ?? {};
  return graph.mapEdges((key, a, source, target) => {
    let sentence: string | undefined;
    for (const e of a.evidence) {
      const t = texts[e.doc];
      if (t !== undefined && e.start >= 0 && e.end <= t.length && e.start < e.end) {
        sentence = t.slice(e.start, e.end);
        break;
      }
    }
    const edge: ExpectedEdge = {
      key,
      source,
      target,
      relation: a.relation,
      weight: a.weight > 0 ? a.weight : Math.max(1, a.evidence.length),
      evidence_count: a.evidence.length,
      documents: unique(a.evidence.map((e) => e.doc)),
    };
    if (sentence !== undefined) edge.sentence = sentence;
    if (a.pattern) edge.pattern = a.pattern;
    return edge;
  });
}

/** Code points of the numeric character references in an XML text. */
export function characterReferences(xml: string): number[] {
  return [...xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)].map((m) =>
    m[1]![0] === 'x' ? Number.parseInt(m[1]!.slice(1), 16) : Number.parseInt(m[1]!, 10),
  );
}

/** Whether XML 1.0 allows the code point (Char production). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

/** The start tags named `name` in an XML text, with their decoded attributes. */
export function startTags(xml: string, name: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${name}(\\s[^>]*?)?/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decodeXml(a[2]!);
    tags.push(attrs);
  }
  return tags;
}

/**
 * Gephi's reading of a liststring (graphstore ArraysParser.parseArray with
 * FormattingAndParsingUtils.parseLiteral): brackets, commas and blanks between
 * items are skipped; a quoted item ends at its unescaped quote; `\x` is x.
 * Unquoted items are refused here: the writer must quote every item.
 */
export function parseGephiList(value: string): string[] {
  const items: string[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if ('[](), \t\r\n'.includes(c)) {
      i++;
      continue;
    }
    if (c !== '"' && c !== "'") throw new Error(`unquoted liststring item at ${i} in ${value}`);
    let item = '';
    let escaped = false;
    for (i++; i < value.length; i++) {
      const d = value[i]!;
      if (d === c && !escaped) break;
      if (d === '\\' && !escaped) {
        escaped = true;
        continue;
      }
      escaped = false;
      item += d;
    }
    if (i >= value.length) throw new Error(`unterminated liststring item in ${value}`);
    items.push(item);
    i++;
  }
  return items;
}
