/**
 * The one way this page makes elements. Text always goes in as text nodes, never
 * as HTML: labels and sentences come from arbitrary documents.
 */
type Child = Node | string | null | undefined | false;

export interface ElementProps {
  class?: string;
  /** Attributes set with setAttribute (never event handlers). */
  attrs?: Record<string, string>;
  /** Text content, as a text node. */
  text?: string;
  title?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title) node.title = props.title;
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (/^on/i.test(name)) throw new Error(`el: refusing the event attribute "${name}"; pass a listener in "on" instead.`);
      node.setAttribute(name, value);
    }
  }
  if (props.text !== undefined) node.append(document.createTextNode(props.text));
  if (props.on) {
    for (const [type, listener] of Object.entries(props.on)) node.addEventListener(type, listener as EventListener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`byId: element #${id} is missing from index.html.`);
  return node as T;
}

/** Starts a download of `data` under `fileName`. */
export function downloadBlob(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A coloured dot (entity type) or bar (relation); the colour comes from the palette, set through CSSOM. */
export function swatch(color: string, shape: 'dot' | 'line' = 'dot'): HTMLSpanElement {
  const node = el('span', { class: shape === 'line' ? 'swatch line' : 'swatch', attrs: { 'aria-hidden': 'true' } });
  node.style.background = color;
  return node;
}
