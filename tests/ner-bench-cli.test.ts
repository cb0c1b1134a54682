import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBenchNer, type BenchNerIo } from '../src/cli/commands/bench.ts';
import { NotFoundError, UsageError } from '../src/extract/errors.ts';
import { benchNer, readGoldFile, type ExtractionLike } from '../src/extract/ner-bench/index.ts';

const GOLD = ['-DOCSTART- -X- -X- O', '', 'Jean NNP B-NP B-PER', 'Dupont NNP I-NP I-PER', 'visits VBZ B-VP O', 'Paris NNP B-NP B-LOC', '. . O O', ''].join('\n');
const KG = join(import.meta.dirname, '..', 'src', 'cli', 'kg.js');

/** A fake extractor that finds "Paris" as a place, and records the languages it was given. */
function fakeIo(content = GOLD, clockStep = 0) {
  const langs: string[] = [];
  const stderr: string[] = [];
  let clock = 0;
  const io: BenchNerIo = {
    readFile: () => content,
    extract: (doc, lang): ExtractionLike => {
      langs.push(lang);
      const at = doc.text.indexOf('Paris');
      return { entities: at < 0 ? [] : [{ type: 'place', label: 'Paris', mentions: [{ doc: doc.id, start: at, end: at + 5 }] }] };
    },
    stderr: { write: (s: string) => stderr.push(s), isTTY: false },
    now: () => (clock += clockStep),
  };
  return { io, langs, stderr };
}

describe('runBenchNer', () => {
  it('passes the language from the file name, or --lang, to the extractor', () => {
    const fr = fakeIo();
    runBenchNer('/d/news-fr.txt', {}, fr.io);
    expect(fr.langs).toEqual(['fr']);
    const en = fakeIo();
    runBenchNer('/d/eng.testb', {}, en.io);
    expect(en.langs).toEqual(['en']);
    const forced = fakeIo();
    runBenchNer('/d/news-fr.txt', { lang: 'en' }, forced.io);
    expect(forced.langs).toEqual(['en']);
  });

  it('--json gives the same scores as benchNer on the same extractor', () => {
    const { io } = fakeIo();
    const json = JSON.parse(runBenchNer('/d/x.txt', { json: true }, io)) as ReturnType<typeof benchNer> & { lang: string };
    const direct = benchNer(readGoldFile(GOLD, 'x.txt'), (d) => io.extract(d, 'en'));
    expect(json.strict).toEqual(direct.strict);
    expect(json.overlap).toEqual(direct.overlap);
    expect(json.strict.place.tp).toBe(1);
    expect(json.strict.person.fn).toBe(1);
    expect(json.lang).toBe('en');
  });

  it('--errors N prints examples with context; the plain report does not', () => {
    expect(runBenchNer('/d/x.txt', { errors: 3 }, fakeIo().io)).toMatch(/person +…⟦Jean Dupont⟧ visits Paris \.…/);
    expect(runBenchNer('/d/x.txt', {}, fakeIo().io)).not.toContain('⟦');
    expect(runBenchNer('/d/x.txt', { verbose: true }, fakeIo().io)).toContain('⟦Jean Dupont⟧');
  });

  it.each([
    [{ lang: 'de' }, /--lang must be fr or en, got "de"/],
    [{ limit: 0 }, /--limit must be a whole number ≥ 1, got "0"/],
    [{ limit: 'ten' }, /--limit must be a whole number ≥ 1, got "ten"/],
    [{ errors: -2 }, /--errors must be a whole number ≥ 0/],
    [{ sentencesPerDoc: 2.5 }, /--sentences-per-doc must be a whole number ≥ 1/],
  ])('rejects %o with a UsageError', (options, message) => {
    expect(() => runBenchNer('/d/x.txt', options, fakeIo().io)).toThrow(UsageError);
    expect(() => runBenchNer('/d/x.txt', options, fakeIo().io)).toThrow(message);
  });

  it('a missing file is a NotFoundError naming it', () => {
    const { io } = fakeIo();
    io.readFile = () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    expect(() => runBenchNer('/d/none.txt', {}, io)).toThrow(NotFoundError);
    expect(() => runBenchNer('/d/none.txt', {}, io)).toThrow(/gold file "\/d\/none.txt" not found/);
  });

  it('prints progress lines on stderr only once a run takes more than a couple of seconds', () => {
    const many = Array.from({ length: 6 }, () => GOLD).join('\n');
    const slow = fakeIo(many, 3000);
    runBenchNer('/d/x.txt', {}, slow.io);
    expect(slow.stderr.length).toBeGreaterThan(0);
    expect(slow.stderr.at(-1)).toMatch(/^bench ner: 6\/6 documents, \d+s\n$/);
    const fast = fakeIo(many, 1);
    runBenchNer('/d/x.txt', {}, fast.io);
    expect(fast.stderr).toEqual([]);
  });
});

describe('kg bench (real CLI and extractor)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [KG, 'bench', ...args], { encoding: 'utf8' });

  it('rejects an unknown kind and a missing file with exit code 2', () => {
    const kind = run('pos', 'x.txt');
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('unknown benchmark "pos"');
    const missing = run('ner', '/nonexistent/gold.txt');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('gold file "/nonexistent/gold.txt" not found');
  });

  it('reports a malformed file with its line, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
    writeFileSync(join(dir, 'bad.txt'), 'Paris B-LOC\nParis\n');
    const bad = run('ner', join(dir, 'bad.txt'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.txt:2: expected "token tag"');
  });

  it('scores a small file end to end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
    writeFileSync(join(dir, 'small-en.txt'), GOLD);
    const ok = run('ner', join(dir, 'small-en.txt'), '--json');
    expect(ok.status, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as { documents: number; gold: Record<string, number>; strict: { micro: { tp: number; fn: number } } };
    expect(result.documents).toBe(1);
    expect(result.gold).toEqual({ person: 1, organization: 0, place: 1 });
    expect(result.strict.micro.tp + result.strict.micro.fn).toBe(2);
  });
});
