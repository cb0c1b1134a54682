/**
 * Extraction in a web worker: the same `src/extract` code as `kg build`, so the page
 * needs no server. One request is a batch of documents; each is reported as it ends.
 */
import { extractChunked } from '../../extract/index.ts';
import type { ExtractMessage, ExtractRequest } from './protocol.ts';

const post = (message: ExtractMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<ExtractRequest>) => {
  const { docs } = event.data;
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
