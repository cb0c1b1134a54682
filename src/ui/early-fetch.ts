/**
 * Starts fetching the graph as the page's code begins to run, before the view's
 * modules are evaluated, so that the download of a large graph.json overlaps them.
 * main.ts imports this module first and takes the response when it asks for the
 * same URL. A URL the view state refuses is not fetched here.
 */
import { checkGraphUrl } from './core/view-state.ts';

const asked = new URLSearchParams(location.search).get('graph');
const requested = asked !== null && checkGraphUrl(asked) ? asked : 'graph.json';

let early: { url: string; response: Promise<Response> } | null = null;
try {
  early = { url: requested, response: fetch(requested, { cache: 'no-cache' }) };
  // A failure is reported by the caller that awaits it, not as an unhandled rejection.
  early.response.catch(() => {});
} catch {
  early = null;
}

/** The graph's response when `url` is the one fetched early (once), else a new fetch. */
export function fetchGraph(url: string): Promise<Response> {
  if (early && early.url === url) {
    const { response } = early;
    early = null;
    return response;
  }
  return fetch(url, { cache: 'no-cache' });
}
