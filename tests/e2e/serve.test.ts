/**
 * `kg serve` (what `npm start` runs): builds the seeds graph when it is missing or
 * older than the texts, serves the page with Vite, prints its URL; the page loads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGraph, newestInputTime } from '../../src/cli/commands/serve.ts';
import { parseGraph } from '../../src/graph/serialize.ts';
import { collectErrors, launchChromium, openPage, screenshot } from './harness.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-serve-'));
  cpSync('seeds', join(dir, 'seeds'), { recursive: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ensureGraph', () => {
  it('builds out/graph.json when it is missing, keeps it while it is newer than the texts, rebuilds when a text changes', async () => {
    const seeds = join(dir, 'seeds');
    const out = join(dir, 'out');
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const file = await ensureGraph({ seeds, out, log });
    expect(file).toBe(join(out, 'graph.json'));
    expect(lines.join('\n')).toContain('is missing; building it');
    const graph = parseGraph(readFileSync(file, 'utf8'));
    expect(graph.order).toBeGreaterThan(10);
    graph.forEachNode((_n, a) => expect(typeof a.x).toBe('number'));

    lines.length = 0;
    const built = statSync(file).mtimeMs;
    await ensureGraph({ seeds, out, log });
    expect(lines).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(built);

    const text = join(seeds, '000_aaa290683191907c.txt');
    const later = new Date(built + 5000);
    utimesSync(text, later, later);
    expect(newestInputTime([seeds])).toBeGreaterThan(built);
    await ensureGraph({ seeds, out, log });
    expect(lines.join('\n')).toContain('are newer than');
    expect(statSync(file).mtimeMs).toBeGreaterThan(built);
  });
});

describe('kg serve', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill();
  });

  it('prints the URL of the page, which loads the graph without errors', async () => {
    const out = join(dir, 'serve-out');
    child = spawn(process.execPath, ['src/cli/kg.js', 'serve', '--seeds', join(dir, 'seeds'), '--out', out, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`kg serve printed no URL in 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /the graph is at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child!.stdout!.on('data', read);
      child!.stderr!.on('data', read);
      child!.on('exit', (code) => reject(new Error(`kg serve exited with ${code}:\n${output}`)));
    });
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
    const expected = parseGraph(readFileSync(join(out, 'graph.json'), 'utf8')).order;

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = collectErrors(page);
      await openPage(page, url);
      // The dev server may reload once after optimising dependencies: be ready again.
      await page.waitForTimeout(1000);
      await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!window.__kg, null, { timeout: 30_000 });
      expect(await page.evaluate(() => window.__kg!.graph.order)).toBe(expected);
      await screenshot(page, '11-kg-serve');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
