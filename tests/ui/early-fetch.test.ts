import { afterEach, describe, expect, it, vi } from 'vitest';

/** Loads a fresh copy of the module with the page's query string and a recording fetch. */
async function loadWith(search: string) {
  vi.resetModules();
  const calls: string[] = [];
  vi.stubGlobal('location', { search });
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return Promise.resolve(new Response(`{"for": "${url}"}`));
  });
  const module = await import('../../src/ui/early-fetch.ts');
  return { calls, fetchGraph: module.fetchGraph };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early graph fetch', () => {
  it('starts the download of ?graph= on load and hands that response to the first request for it', async () => {
    const { calls, fetchGraph } = await loadWith('?graph=big.json&node=x');
    expect(calls).toEqual(['big.json']);
    expect(await (await fetchGraph('big.json')).json()).toEqual({ for: 'big.json' });
    expect(calls).toEqual(['big.json']);
    await fetchGraph('big.json'); // a reload of the same graph fetches again
    await fetchGraph('other.json');
    expect(calls).toEqual(['big.json', 'big.json', 'other.json']);
  });

  it('fetches the default graph.json without ?graph=, and never a URL the view state refuses', async () => {
    expect((await loadWith('')).calls).toEqual(['graph.json']);
    expect((await loadWith('?graph=javascript:alert(1)')).calls).toEqual(['graph.json']);
    expect((await loadWith('?graph=//evil.example/g.json')).calls).toEqual(['graph.json']);
  });
});
