/**
 * Extraction in a web worker: the same `src/extract` code as `kg build`, so the page
 * needs no server. One request is a batch of documents; each is reported as it ends.
 * The tagger and parser models (src/extract/data/*.bin) are fetched once, when the worker starts.
 */
import { extractChunked } from '../../extract/index.ts';
import { setSyntaxAnalyzer, SyntaxAnalyzer } from '../../extract/syntax/index.ts';
import type { Lang } from '../../extract/types.ts';
import type { ExtractMessage, ExtractRequest } from './protocol.ts';

const post = (message: ExtractMessage) => (self as unknown as Worker).postMessage(message);

const MODEL_URLS: Record<Lang, { tagger: URL; parser: URL }> = {
  fr: { tagger: new URL('../../extract/data/tagger-fr.bin', import.meta.url), parser: new URL('../../extract/data/parser-fr.bin', import.meta.url) },
  en: { tagger: new URL('../../extract/data/tagger-en.bin', import.meta.url), parser: new URL('../../extract/data/parser-en.bin', import.meta.url) },
};

async function fetchBytes(url: URL): Promise<{ bytes: Uint8Array; name: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`model file ${url.pathname} could not be fetched (HTTP ${response.status})`);
  return { bytes: new Uint8Array(await response.arrayBuffer()), name: url.pathname };
}

/** Loads both languages' models; a language whose files cannot be had is extracted without its parse. */
const ready = Promise.all(
  (Object.keys(MODEL_URLS) as Lang[]).map(async (lang) => {
    try {
      const [tagger, parser] = await Promise.all([fetchBytes(MODEL_URLS[lang].tagger), fetchBytes(MODEL_URLS[lang].parser)]);
      setSyntaxAnalyzer(lang, new SyntaxAnalyzer(tagger, parser));
    } catch (error) {
      setSyntaxAnalyzer(lang, undefined);
      console.warn(`kg: the ${lang} tagger and parser are not available: ${error instanceof Error ? error.message : String(error)}`);
    }
  }),
);

self.addEventListener('message', (event: MessageEvent<ExtractRequest>) => {
  const { docs } = event.data;
  void ready.then(() => {
    docs.forEach((doc, i) => {
      post({ type: 'progress', id: doc.id, done: i, total: docs.length });
      try {
        post({ type: 'extracted', extraction: extractChunked(doc) });
      } catch (error) {
        post({ type: 'failed', id: doc.id, message: error instanceof Error ? error.message : String(error) });
      }
    });
    post({ type: 'finished' });
  });
});
