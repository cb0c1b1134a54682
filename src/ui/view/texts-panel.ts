/**
 * Your own texts: .txt/.md files dropped on the page or chosen, or pasted text.
 * Extraction runs in a web worker with the same `src/extract` code (no server),
 * with progress; the graph is then merged with or replaced by the result.
 */
import type { DocumentExtraction, SourceDocument } from '../../extract/types.ts';
import { addExtractions, buildGraph } from '../../graph/build-graph.ts';
import { importGraph } from '../../graph/serialize.ts';
import type { KgGraph } from '../../graph/types.ts';
import { placeNewNodes } from '../core/place-nodes.ts';
import { decodeTextFile, refuseByNameAndSize, textFileDefaults, uniqueDocumentId } from '../core/text-files.ts';
import type { ExtractMessage } from '../workers/protocol.ts';
import type { KgApp } from './app.ts';
import { byId, el } from './dom.ts';
import { NOVERLAP_MAX_NODES } from './layout-runner.ts';

/** Pasted texts longer than this are refused, like files. */
export const MAX_PASTE_CHARS = textFileDefaults.maxBytes;
/** Files taken from one drop. */
export const MAX_FILES = 50;

type Mode = 'merge' | 'replace';

export function mountTexts(app: KgApp, pane: HTMLElement, reveal: () => void): void {
  let worker: Worker | null = null;
  let busy = false;

  const fileInput = el('input', { attrs: { type: 'file', multiple: '', accept: '.txt,.md,text/plain,text/markdown', id: 'file-input', hidden: '' } });
  const chooseButton = el('button', { text: 'Choose files…', on: { click: () => fileInput.click() } });
  const nameInput = el('input', { attrs: { type: 'text', id: 'paste-name', placeholder: 'Name (optional)', 'aria-label': 'Name of the pasted text' } });
  const textArea = el('textarea', { attrs: { id: 'paste-text', placeholder: 'Paste an article here…', 'aria-label': 'Text to add' } });
  const addButton = el('button', { class: 'primary', text: 'Add this text', attrs: { id: 'paste-add' } });
  const mergeRadio = el('input', { attrs: { type: 'radio', name: 'text-mode', value: 'merge', id: 'mode-merge' } });
  const replaceRadio = el('input', { attrs: { type: 'radio', name: 'text-mode', value: 'replace', id: 'mode-replace' } });
  mergeRadio.checked = true;
  const progress = el('progress', { attrs: { id: 'extract-progress', max: '1', value: '0' } });
  const progressText = el('span', { class: 'muted', attrs: { id: 'extract-status' } });
  const cancelButton = el('button', { text: 'Cancel', attrs: { id: 'extract-cancel' } });
  const progressBox = el('div', { class: 'field' }, progress, el('div', { class: 'field-row' }, progressText, cancelButton));
  progressBox.hidden = true;
  const log = el('ul', { class: 'plain log', attrs: { id: 'texts-log' } });

  pane.append(
    el('div', { class: 'dropzone' }, el('p', { text: 'Drop .txt or .md files anywhere on the page' }), chooseButton, fileInput),
    el(
      'div',
      { class: 'texts-form field' },
      el('label', { class: 'muted', text: 'Or paste a text', attrs: { for: 'paste-text' } }),
      textArea,
      nameInput,
      el('div', { class: 'field-row' }, addButton),
    ),
    el(
      'fieldset',
      { class: 'field' },
      el('legend', { class: 'muted', text: 'New texts' }),
      el('label', { class: 'check-row' }, mergeRadio, 'are merged with the current graph'),
      el('label', { class: 'check-row' }, replaceRadio, 'replace the current graph'),
    ),
    progressBox,
    log,
  );

  const note = (text: string, error = false) => {
    log.prepend(el('li', { class: error ? 'error' : '', text }));
    while (log.children.length > 30) log.lastElementChild!.remove();
  };
  const refuse = (text: string) => {
    note(text, true);
    app.message(text, 'error');
  };
  const mode = (): Mode => (replaceRadio.checked ? 'replace' : 'merge');

  const finish = (extractions: DocumentExtraction[], texts: Record<string, string>, chosenMode: Mode) => {
    if (extractions.length === 0) return;
    let graph: KgGraph;
    const before = chosenMode === 'merge' ? { nodes: app.graph.order, edges: app.graph.size } : { nodes: 0, edges: 0 };
    if (chosenMode === 'replace') graph = buildGraph(extractions, { keepTexts: true, texts });
    else {
      // A deep copy: the builder appends to attribute arrays, which a shallow copy would share.
      graph = importGraph(structuredClone(app.graph.export()), 'current graph');
      addExtractions(graph, extractions, { keepTexts: true, texts });
    }
    const placed = placeNewNodes(graph);
    app.replaceGraph(graph);
    if (placed.length > 0 && graph.order <= NOVERLAP_MAX_NODES) app.settleLayout();
    const summary = `${extractions.length} text${extractions.length > 1 ? 's' : ''} ${chosenMode === 'merge' ? 'added' : 'loaded'}: ${graph.order - before.nodes} new entities, ${graph.size - before.edges} new links.`;
    note(summary);
    app.message(summary);
  };

  const extract = (docs: SourceDocument[]) => {
    if (docs.length === 0) return;
    if (busy) return refuse('Texts are being read already; wait for them or cancel.');
    busy = true;
    reveal();
    const chosenMode = mode();
    const texts: Record<string, string> = Object.fromEntries(docs.map((d) => [d.id, d.text]));
    const extractions: DocumentExtraction[] = [];
    worker ??= new Worker(new URL('../workers/extract-worker.ts', import.meta.url), { type: 'module', name: 'kg-extract' });
    const active = worker;
    progressBox.hidden = false;
    progress.max = docs.length;
    progress.value = 0;
    document.body.dataset.extracting = 'true';
    const done = () => {
      busy = false;
      progressBox.hidden = true;
      active.onmessage = null;
      active.onerror = null;
      delete document.body.dataset.extracting;
    };
    cancelButton.onclick = () => {
      active.terminate();
      worker = null;
      done();
      note('Reading cancelled; the graph was not changed.');
    };
    active.onerror = (event) => {
      active.terminate();
      worker = null;
      done();
      refuse(`The text reader failed: ${event.message || 'the worker could not start'}.`);
    };
    active.onmessage = (event: MessageEvent<ExtractMessage>) => {
      const m = event.data;
      if (m.type === 'progress') {
        progress.value = m.done;
        progressText.textContent = `Reading ${m.id} (${m.done + 1} of ${m.total})…`;
      } else if (m.type === 'extracted') {
        extractions.push(m.extraction);
        const e = m.extraction;
        note(`${e.doc.id}: ${e.entities.length} entities, ${e.relations.length} relations${e.warnings.length ? ` (${e.warnings.join('; ')})` : ''}.`);
      } else if (m.type === 'failed') {
        refuse(`${m.id} could not be read: ${m.message}`);
      } else if (m.type === 'finished') {
        progress.value = docs.length;
        done();
        try {
          finish(extractions, texts, chosenMode);
        } catch (error) {
          refuse(`The texts could not be added to the graph: ${(error as Error).message}`);
          console.error(error);
        }
      }
    };
    active.postMessage({ docs });
  };

  const takenIds = () => new Set([...(app.graph.getAttribute('documents') ?? []).map((d) => d.id)]);

  const readFiles = async (files: File[]) => {
    if (files.length > MAX_FILES) refuse(`${files.length} files were dropped; the first ${MAX_FILES} are read.`);
    const taken = mode() === 'merge' ? takenIds() : new Set<string>();
    const docs: SourceDocument[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      // Wrong kind or too large: refused before reading it into memory.
      const refused = refuseByNameAndSize(file.name, file.size);
      if (refused) {
        refuse(refused);
        continue;
      }
      const check = decodeTextFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!check.ok) {
        refuse(check.reason);
        continue;
      }
      if (check.note) note(check.note);
      const id = uniqueDocumentId(file.name, taken);
      taken.add(id);
      docs.push({ id, path: file.name, title: file.name.replace(/\.(txt|md)$/i, ''), text: check.text });
    }
    extract(docs);
  };

  fileInput.addEventListener('change', () => {
    void readFiles([...(fileInput.files ?? [])]);
    fileInput.value = '';
  });

  addButton.addEventListener('click', () => {
    const text = textArea.value;
    if (text.trim() === '') return refuse('Paste a text first.');
    if (text.length > MAX_PASTE_CHARS) return refuse(`The pasted text has ${text.length} characters, more than the ${MAX_PASTE_CHARS} limit. Split it.`);
    if (text.includes('\u0000')) return refuse('The pasted text contains NUL characters; paste plain text.');
    const taken = mode() === 'merge' ? takenIds() : new Set<string>();
    const title = nameInput.value.trim();
    const id = uniqueDocumentId(title ? `${title.replace(/[\\/]/g, '-')}.txt` : 'pasted.txt', taken);
    extract([{ id, path: id, title: title || 'Pasted text', text }]);
    textArea.value = '';
    nameInput.value = '';
  });

  // Drops anywhere on the page.
  const overlay = byId('drop-overlay');
  let depth = 0;
  const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    void readFiles([...(event.dataTransfer?.files ?? [])]);
  });
}
