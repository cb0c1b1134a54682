/**
 * The page in a real browser (headless Chromium): the built site with the seeds
 * graph, served statically, as a person would use it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gexf from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { buildWeb } from '../../src/cli/commands/build-web.ts';
import { parseGraph, serializeGraph } from '../../src/graph/serialize.ts';
import { generateGraph } from '../../src/graph/generate.ts';
import { layoutGraph } from '../../src/graph/layout.ts';
import { POINT_NODES_ABOVE } from '../../src/ui/core/appearance.ts';
import { TYPE_COLORS } from '../../src/graph/export/palette.ts';
import { ENGLISH_TEXT, XSS_IMG, XSS_SCRIPT, XSS_TEXT, writeUnplacedGraph, writeXssGraph } from './fixtures.ts';
import { collectErrors, dropFiles, launchChromium, openPage, paintedPixels, screenshot, serveStatic, type StaticServer } from './harness.ts';

const FERGUI = 'person:abdellah el fergui';

let dir: string;
let site: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
let seedsGraphFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-e2e-'));
  const built = await runBuild({ paths: ['seeds'], out: join(dir, 'out'), progress: false, log: () => {} });
  seedsGraphFile = built.outFile;
  const { dist } = await buildWeb({ graph: seedsGraphFile, dist: join(dir, 'dist') });
  const large = generateGraph({ nodes: POINT_NODES_ABOVE + 1000, edges: 6000, seed: 7 });
  layoutGraph(large, { iterations: 20 });
  writeFileSync(join(dir, 'large.json'), serializeGraph(large));
  site = await serveStatic(dist, { '/xss.json': writeXssGraph(dir), '/unplaced.json': writeUnplacedGraph(seedsGraphFile, dir), '/large.json': join(dir, 'large.json') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path = '', viewport = { width: 1280, height: 800 }): Promise<void> {
  page = await browser.newPage({ viewport, acceptDownloads: true });
  errors = collectErrors(page);
  await openPage(page, `${site.url}${path}`);
}

afterEach(async () => {
  await page?.close();
});

/** Selected node key, from the URL (the view is shared by link). */
const selectedInUrl = () => new URL(page.url()).searchParams.get('node');

async function searchAndChoose(text: string): Promise<void> {
  await page.locator('#search').fill(text);
  await page.locator('#search-results li[role="option"][data-key]').first().waitFor();
  await page.locator('#search').press('Enter');
}

describe('the page with the seeds graph', () => {
  it('loads without console errors and paints the nodes on the canvas', async () => {
    await open();
    await screenshot(page, '01-seeds-overview');
    expect(errors).toEqual([]);
    const graph = parseGraph(readFileSync(seedsGraphFile, 'utf8'));
    expect(await page.evaluate(() => window.__kg!.graph.order)).toBe(graph.order);
    expect(await page.locator('#status').textContent()).toContain(`${graph.order} entities`);
    // Dots and labels make a good share of the 640×750 stage non-white.
    expect(await paintedPixels(page)).toBeGreaterThan(3000);
  });

  it('finds "fergui" (accents and case aside) and selects Abdellah El Fergui, with evidence in the side panel', async () => {
    await open();
    await searchAndChoose('fergui');
    await expect.poll(selectedInUrl).toBe(FERGUI);
    await expect.poll(() => page.locator('#pane-details h3').textContent()).toBe('Abdellah El Fergui');
    await page.waitForTimeout(600); // camera animation
    await screenshot(page, '02-fergui-selected');
    const evidence = page.locator('#pane-details blockquote.evidence');
    expect(await evidence.count()).toBeGreaterThan(0);
    // Both ends of a relation are highlighted in its sentence; one of them is Fergui.
    const marks = await page.locator('#pane-details blockquote.evidence mark').allTextContents();
    expect(marks.some((m) => /Fergui/.test(m))).toBe(true);
    expect(await page.locator('#pane-details .badge').textContent()).toContain('person');
    // The camera moved to the node: it sits near the middle of the stage.
    const offset = await page.evaluate((key) => {
      const s = window.__kg!.sigma;
      const p = s.framedGraphToViewport(s.getNodeDisplayData(key)!);
      const { width, height } = s.getDimensions();
      return Math.hypot(p.x - width / 2, p.y - height / 2);
    }, FERGUI);
    expect(offset).toBeLessThan(40);
    expect(errors).toEqual([]);
  });

  it('clicking a neighbour in the panel goes there', async () => {
    await open(`?node=${encodeURIComponent(FERGUI)}`);
    const neighbour = page.locator('#pane-details .relation button[data-node]').filter({ hasNotText: 'Abdellah El Fergui' }).first();
    const key = await neighbour.getAttribute('data-node');
    await neighbour.click();
    await expect.poll(selectedInUrl).toBe(key);
    expect(await page.locator('#pane-details h3').textContent()).toBe(await page.evaluate((k) => window.__kg!.graph.getNodeAttribute(k, 'label'), key!));
  });

  it('hides an entity type with its legend checkbox, and says so in the URL', async () => {
    await open();
    const persons = await page.evaluate(() => window.__kg!.graph.filterNodes((_n, a) => a.type === 'person'));
    expect(persons.length).toBeGreaterThan(0);
    const hiddenPersons = () => page.evaluate((keys) => keys.filter((k) => window.__kg!.sigma.getNodeDisplayData(k)!.hidden).length, persons);
    expect(await hiddenPersons()).toBe(0);
    await page.locator('[data-filter="type:person"]').uncheck();
    await expect.poll(hiddenPersons).toBe(persons.length);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('person');
    expect(await page.locator('#filter-summary').textContent()).toMatch(/Showing \d+ of \d+ entities/);
    await screenshot(page, '03-persons-hidden');
    // One click hides every co-occurrence link.
    await page.locator('#show-cooccurs').uncheck();
    const shownCooccurs = await page.evaluate(() => {
      const app = window.__kg!;
      return app.graph.filterEdges((e, a) => a.relation === 'co_occurs' && !app.sigma.getEdgeDisplayData(e)!.hidden).length;
    });
    expect(shownCooccurs).toBe(0);
    expect(errors).toEqual([]);
  });

  it('selecting a link shows its evidence sentences', async () => {
    await open(`?node=${encodeURIComponent(FERGUI)}`);
    const tag = page.locator('#pane-details .relation button.relation-name').first();
    const edge = await tag.getAttribute('data-edge');
    await tag.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('edge')).toBe(edge);
    expect(await page.locator('#pane-details blockquote.evidence').count()).toBe(await page.evaluate((e) => window.__kg!.graph.getEdgeAttribute(e, 'evidence').length, edge!));
    expect(await page.locator('#pane-details blockquote.evidence mark').count()).toBeGreaterThan(0);
    await screenshot(page, '02b-edge-selected');
  });

  it('filters by document, minimum links and the neighbourhood of a node', async () => {
    await open(`?node=${encodeURIComponent(FERGUI)}`);
    const visible = () => page.evaluate(() => {
      const app = window.__kg!;
      return app.graph.filterNodes((n) => !app.sigma.getNodeDisplayData(n)!.hidden).sort();
    });
    // Focus: Fergui and his neighbours only.
    await page.locator('#ego-apply').click();
    const neighbours = await page.evaluate((k) => [k, ...window.__kg!.graph.neighbors(k)].sort(), FERGUI);
    await expect.poll(visible).toEqual(neighbours);
    expect(new URL(page.url()).searchParams.get('ego')).toBe(FERGUI);
    await screenshot(page, '03b-ego-focus');
    await page.locator('#ego-clear').click();
    // A document: only what it mentions.
    const doc = await page.evaluate(() => window.__kg!.graph.getAttribute('documents')[1]!.id);
    await page.locator('#doc-filter').selectOption(doc);
    const mentioned = await page.evaluate((d) => window.__kg!.graph.filterNodes((_n, a) => a.mentions.some((m) => m.doc === d)).sort(), doc);
    const shown = await visible();
    expect(shown.filter((n) => n !== FERGUI)).toEqual(mentioned.filter((n) => n !== FERGUI));
    await page.locator('#doc-filter').selectOption('');
    // Minimum links: every shown node (but the selected one) has at least 3 shown links.
    await page.locator('#min-degree').fill('3');
    await page.locator('#min-degree').dispatchEvent('change');
    await expect.poll(() => new URL(page.url()).searchParams.get('deg')).toBe('3');
    const degrees = await page.evaluate(() => {
      const app = window.__kg!;
      const vis = app.display.visibility!;
      return [...vis.nodes].map((n) => app.graph.edges(n).filter((e) => vis.edges.has(e)).length);
    });
    expect(degrees.length).toBeGreaterThan(0);
    expect(Math.min(...degrees)).toBeGreaterThanOrEqual(3);
  });

  it('switches node size between degree and PageRank', async () => {
    await open();
    const sizes = () => page.evaluate(() => [...window.__kg!.display.sizes.values()]);
    const byDegree = await sizes();
    await page.locator('[data-size="pagerank"]').click();
    expect(new URL(page.url()).searchParams.get('size')).toBe('pagerank');
    expect(await page.locator('[data-size="pagerank"]').getAttribute('aria-pressed')).toBe('true');
    expect(await sizes()).not.toEqual(byDegree);
    await page.locator('[data-size="degree"]').click();
    expect(await sizes()).toEqual(byDegree);
  });

  it('restores selection and filters from a shared link', async () => {
    await open(`?node=${encodeURIComponent(FERGUI)}&hide=figure&size=pagerank`);
    expect(await page.locator('#pane-details h3').textContent()).toBe('Abdellah El Fergui');
    expect(await page.locator('[data-filter="type:figure"]').isChecked()).toBe(false);
    expect(await page.locator('[data-size="pagerank"]').getAttribute('aria-pressed')).toBe('true');
    const figuresShown = await page.evaluate(() => {
      const app = window.__kg!;
      return app.graph.filterNodes((n, a) => a.type === 'figure' && !app.sigma.getNodeDisplayData(n)!.hidden).length;
    });
    expect(figuresShown).toBe(0);
  });

  it('runs a query from the console and highlights the path with its hops and evidence', async () => {
    await open();
    // A path of two hops that exists in any graph: two neighbours of a node that are not linked to each other.
    const ends = await page.evaluate(() => {
      const g = window.__kg!.graph;
      for (const center of g.nodes()) {
        const around = g.neighbors(center);
        for (const a of around) for (const c of around) if (a < c && !g.areNeighbors(a, c)) return [a, c];
      }
      return null;
    });
    expect(ends).not.toBeNull();
    await page.locator('#tab-query').click();
    await page.locator('#query-input').fill(`explain path "${ends![0]}" -- "${ends![1]}" cooccur`);
    await page.locator('#query-input').press('Enter');
    await page.locator('#query-output [data-path="1"]').waitFor();
    expect(await page.locator('#query-output [data-path="1"] .hop').count()).toBe(2);
    expect(await page.locator('#query-output [data-path="1"] blockquote.evidence').count()).toBeGreaterThan(0);
    const shown = await page.evaluate(() => {
      const app = window.__kg!;
      const nodes = [...(app.queryHighlight?.nodes ?? [])];
      const faded = app.graph.filterNodes((n) => !nodes.includes(n)).filter((n) => app.sigma.getNodeDisplayData(n)!.color === '#e4e6ea').length;
      const bright = nodes.filter((n) => app.sigma.getNodeDisplayData(n)!.color !== '#e4e6ea').length;
      return { nodes: nodes.length, faded, others: app.graph.order - nodes.length, bright };
    });
    expect(shown.nodes).toBe(3);
    expect(shown.bright).toBe(3);
    expect(shown.faded).toBe(shown.others);
    expect(new URL(page.url()).searchParams.get('query')).toContain('explain path');
    await page.waitForTimeout(600);
    await screenshot(page, '04-query-path');
    expect(errors).toEqual([]);
  });

  it('shows a query mistake with a caret under it, and highlights nothing', async () => {
    await open();
    await page.locator('#tab-query').click();
    await page.locator('#query-input').fill('pth A -- B');
    await page.locator('#query-run').click();
    const message = await page.locator('#query-output .query-error').textContent();
    expect(message).toContain('pth');
    expect(message).toContain('^');
    expect(await page.evaluate(() => window.__kg!.queryHighlight)).toBeNull();
  });

  it('downloads a GEXF that parses, with positions, colours and sizes; a PNG; and the graph JSON', async () => {
    await open();
    await page.locator('#export-toggle').click();
    const [gexfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
    expect(gexfDownload.suggestedFilename()).toBe('kg-graph.gexf');
    const xml = readFileSync((await gexfDownload.path())!, 'utf8');
    const parsed = gexf.parse(MultiDirectedGraph, xml);
    const live = await page.evaluate(() => {
      const app = window.__kg!;
      const key = app.graph.nodes()[0]!;
      return { order: app.graph.order, size: app.graph.size, key, attrs: app.graph.getNodeAttributes(key), shownSize: app.display.sizes.get(key)! };
    });
    expect(parsed.order).toBe(live.order);
    expect(parsed.size).toBe(live.size);
    const node = parsed.getNodeAttributes(parsed.nodes().find((n) => parsed.getNodeAttribute(n, 'label') === live.attrs.label)!);
    expect(node.x).toBeCloseTo(live.attrs.x!, 3);
    expect(node.y).toBeCloseTo(live.attrs.y!, 3);
    expect(node.color).toBe(hexToRgbString(TYPE_COLORS[live.attrs.type]));
    expect(node.size).toBeCloseTo(live.shownSize, 1);

    await page.locator('#export-toggle').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);

    await page.locator('#export-toggle').click();
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    expect(parseGraph(readFileSync((await json.path())!, 'utf8')).order).toBe(live.order);
    expect(errors).toEqual([]);
  });

  it('GEXF of a filtered view holds what is shown', async () => {
    await open('?hide=figure');
    const shown = await page.evaluate(() => window.__kg!.display.visibility!.nodes.size);
    await page.locator('#export-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
    const parsed = gexf.parse(MultiDirectedGraph, readFileSync((await download.path())!, 'utf8'));
    expect(parsed.order).toBe(shown);
  });

  it('adds the entities of a dropped English text, merged with the graph, extracted in a worker', async () => {
    await open();
    // the worker fetches the tagger and parser models (src/extract/data/*.bin) once, from the built site
    const models: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (/\/(tagger|parser)-(fr|en)[^/]*\.bin$/.test(r.url())) models.push({ url: r.url(), status: r.status() });
    });
    const before = await page.evaluate(() => window.__kg!.graph.order);
    await dropFiles(page, [{ name: 'nadella.txt', content: ENGLISH_TEXT }]);
    await page.waitForFunction((n) => window.__kg!.graph.order > n, before, { timeout: 30_000 });
    expect(models.map((m) => m.url.replace(/^.*\/([a-z]+-[a-z]+).*$/, '$1')).sort()).toEqual(['parser-en', 'parser-fr', 'tagger-en', 'tagger-fr']);
    expect(models.every((m) => m.status === 200)).toBe(true);
    await searchAndChoose('nadella');
    await expect.poll(selectedInUrl).toBe('person:satya nadella');
    expect(await page.locator('#pane-details').textContent()).toContain('nadella');
    // The seeds' Microsoft node now also has a mention in the new text.
    const docs = await page.evaluate(() => {
      const g = window.__kg!.graph;
      const key = g.findNode((_n, a) => a.label === 'Microsoft');
      return key ? [...new Set(g.getNodeAttribute(key, 'mentions').map((m) => m.doc))] : [];
    });
    expect(docs).toContain('nadella.txt');
    expect(docs.length).toBeGreaterThan(1);
    await page.waitForTimeout(800);
    await screenshot(page, '05-english-text-added');
    expect(errors).toEqual([]);
  });

  it('refuses a binary or unsupported file with a message, and keeps the graph', async () => {
    await open();
    const before = await page.evaluate(() => window.__kg!.graph.order);
    await dropFiles(page, [
      { name: 'data.txt', content: [0x41, 0x00, 0x42, 0x00] },
      { name: 'scan.pdf', content: '%PDF-1.4', type: 'application/pdf' },
    ]);
    await page.locator('#messages .message.error').nth(1).waitFor();
    const messages = await page.locator('#messages .message.error').allTextContents();
    expect(messages.join(' ')).toContain('NUL bytes');
    expect(messages.join(' ')).toContain('only .txt and .md');
    expect(await page.evaluate(() => window.__kg!.graph.order)).toBe(before);
  });

  it('"/" focuses the search and Esc clears the selection', async () => {
    await open(`?node=${encodeURIComponent(FERGUI)}`);
    await page.locator('#stage').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    await expect.poll(selectedInUrl).toBeNull();
    await page.locator(`#pane-details`).getByText('Most connected').waitFor();
  });

  it('runs ForceAtlas2 in a worker on a graph without positions until it settles', async () => {
    await open('?graph=unplaced.json');
    await page.waitForFunction(() => window.__kg!.lastSettleMs !== null, null, { timeout: 20_000 });
    expect(await page.evaluate(() => document.body.dataset.layout)).toBe('stopped');
    expect(await page.locator('#status').textContent()).toMatch(/layout settled in \d+\.\d s/);
    // Start and stop by hand.
    await page.locator('#layout-toggle').click();
    expect(await page.evaluate(() => document.body.dataset.layout)).toBe('running');
    await page.waitForTimeout(300);
    await page.locator('#layout-toggle').click();
    expect(await page.evaluate(() => document.body.dataset.layout)).toBe('stopped');
    await screenshot(page, '06-layout-settled');
    expect(errors).toEqual([]);
  });

  it('is usable in a narrow window: panels open as drawers', async () => {
    await open('', { width: 420, height: 800 });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.locator('#toggle-filters').click();
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await screenshot(page, '07-narrow-filters');
    await page.locator('#toggle-filters').click();
    await searchAndChoose('fergui');
    await page.locator('#pane-details h3').waitFor();
    expect(await page.locator('#side').isVisible()).toBe(true);
    await screenshot(page, '08-narrow-details');
    expect(errors).toEqual([]);
  });
});

describe('a large graph', () => {
  it('draws its nodes as points that can still be clicked, and the selection as a circle over them', async () => {
    await open('?graph=large.json');
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.__kg!.graph.order)).toBe(POINT_NODES_ABOVE + 1000);
    expect(await paintedPixels(page)).toBeGreaterThan(3000);
    // The best connected node, zoomed in on so that no other dot covers it, where it is on screen.
    const target = await page.evaluate(async () => {
      const { sigma, graph } = window.__kg!;
      let best = '';
      graph.forEachNode((n) => {
        if (!best || graph.degree(n) > graph.degree(best)) best = n;
      });
      const display = sigma.getNodeDisplayData(best)!;
      sigma.getCamera().setState({ x: display.x, y: display.y, ratio: 0.02 });
      await new Promise<void>((done) => sigma.once('afterRender', () => done()));
      return { key: best, type: display.type };
    });
    expect(target.type).toBe('point');
    // pan with the mouse first: the picking layer, skipped while the view moves, is drawn again after
    const box = (await page.locator('#sigma').boundingBox())!;
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 100 + i * 6, box.y + 100 + i * 4);
    await page.mouse.up();
    // wait for the view to rest (the drag's inertia ends), then for a frame drawn at rest: a fixed
    // delay was too short on a loaded machine, where each software-rendered frame takes longer
    await page.evaluate(async () => {
      const { sigma } = window.__kg!;
      const mouse = sigma.getMouseCaptor();
      while (sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents) await new Promise((r) => setTimeout(r, 50));
      await new Promise<void>((done) => {
        sigma.once('afterRender', () => done());
        sigma.scheduleRender();
      });
    });
    const at = await page.evaluate((key) => {
      const { sigma } = window.__kg!;
      const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(key)!);
      const rect = document.querySelector('#sigma')!.getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, target.key);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('node') !== null);
    expect(selectedInUrl()).toBe(target.key);
    const types = await page.evaluate((key) => {
      const { sigma, graph } = window.__kg!;
      const neighbour = graph.neighbors(key)[0]!;
      const other = graph.nodes().find((n) => n !== key && !graph.areNeighbors(n, key))!;
      return [key, neighbour, other].map((n) => sigma.getNodeDisplayData(n)!.type);
    }, target.key);
    expect(types).toEqual(['circleOnTop', 'circleOnTop', 'point']);
    await screenshot(page, '12-large-graph-selected');
    expect(errors).toEqual([]);
  });
});

describe('untrusted text stays text', () => {
  it('shows markup in labels, aliases, titles and sentences literally and runs nothing', async () => {
    const dialogs: string[] = [];
    await open('?graph=xss.json');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await searchAndChoose('img src');
    await page.locator('#pane-details h3').waitFor();
    expect(await page.locator('#pane-details h3').textContent()).toBe(XSS_IMG);
    const panel = (await page.locator('#pane-details').textContent()) ?? '';
    expect(panel).toContain(XSS_SCRIPT);
    expect(panel).toContain('<svg onload=alert(1)>');
    expect(await page.locator('#pane-details mark').allTextContents()).toEqual([XSS_IMG, XSS_SCRIPT]);
    expect(await page.locator('img[src="x"], svg[onload], b[onmouseover]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await page.locator('#search').fill('script');
    expect(await page.locator('#search-results').textContent()).toContain(XSS_SCRIPT);
    await screenshot(page, '09-xss-graph');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('extracts a pasted text full of markup without running it', async () => {
    const dialogs: string[] = [];
    await open();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const before = await page.evaluate(() => window.__kg!.graph.order);
    await page.locator('#tab-texts').click();
    await page.locator('#paste-text').fill(XSS_TEXT);
    await page.locator('#paste-add').click();
    await page.waitForFunction((n) => window.__kg!.graph.order > n, before, { timeout: 30_000 });
    await searchAndChoose('globex');
    await page.locator('#pane-details blockquote.evidence').first().waitFor();
    const sentences = await page.locator('#pane-details blockquote.evidence').allTextContents();
    expect(sentences.some((s) => s.includes(XSS_IMG) || s.includes(XSS_SCRIPT))).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await screenshot(page, '10-xss-text');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

function hexToRgbString(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}
