/** Graphs and texts for the browser tests, written to a temporary folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGraph, serializeGraph } from '../../src/graph/serialize.ts';

export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_SCRIPT = '"><script>alert(1)</script>';

/** A graph whose labels, aliases, titles and texts are markup: the page must show them as text. */
export function writeXssGraph(dir: string): string {
  const text = `${XSS_IMG} funds ${XSS_SCRIPT} today.`;
  const graph = createGraph({
    documents: [{ id: 'evil.txt', path: 'evil.txt', title: `<b onmouseover=alert(1)>title</b>`, lang: 'en', chars: text.length }],
    builtAt: new Date(0).toISOString(),
    version: 'test',
    texts: { 'evil.txt': text },
  });
  const imgStart = 0;
  const scriptStart = text.indexOf(XSS_SCRIPT);
  graph.addNode('organization:img', { label: XSS_IMG, type: 'organization', aliases: ['<svg onload=alert(1)>'], mentions: [{ doc: 'evil.txt', start: imgStart, end: XSS_IMG.length }], x: 0, y: 0 });
  graph.addNode('organization:script', { label: XSS_SCRIPT, type: 'organization', aliases: [], mentions: [{ doc: 'evil.txt', start: scriptStart, end: scriptStart + XSS_SCRIPT.length }], x: 10, y: 5 });
  graph.addEdgeWithKey('xss-edge', 'organization:img', 'organization:script', { relation: 'funds', weight: 1, evidence: [{ doc: 'evil.txt', start: 0, end: text.length }], pattern: 'test' });
  const file = join(dir, 'xss.json');
  writeFileSync(file, serializeGraph(graph));
  return file;
}

/** The same graph without positions, as a graph from elsewhere would come. */
export function writeUnplacedGraph(source: string, dir: string): string {
  const data = JSON.parse(readFileSync(source, 'utf8')) as { nodes: { attributes: Record<string, unknown> }[] };
  for (const node of data.nodes) {
    delete node.attributes.x;
    delete node.attributes.y;
  }
  const file = join(dir, 'unplaced.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

export const ENGLISH_TEXT =
  'Satya Nadella, chief executive of Microsoft, announced on Monday that Microsoft will acquire Nuance Communications for 19.7 billion dollars. ' +
  'Nuance Communications is based in Burlington, Massachusetts.';

export const XSS_TEXT = `Acme Corporation ${XSS_IMG} signed a partnership with Globex Industries. ${XSS_SCRIPT} Globex Industries funds Acme Corporation, said John Carter, CEO of Globex Industries.`;
