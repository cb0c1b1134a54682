/**
 * Everything around the graph: the size switch, the layout button, the tabs of the
 * side panel, the narrow-window drawers, messages, the status line and the
 * keyboard (/ focuses search, Esc clears).
 */
import type { SizeMetric } from '../core/appearance.ts';
import type { KgApp, MessageKind } from './app.ts';
import { byId, el } from './dom.ts';

const numberFormat = new Intl.NumberFormat('en');
export type Tab = 'details' | 'query' | 'texts';
const TABS: Tab[] = ['details', 'query', 'texts'];

export interface Chrome {
  showTab: (tab: Tab) => void;
}

export function mountChrome(app: KgApp, search: { focus: () => void; clear: () => void }): Chrome {
  // Size switch
  const sizeButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-size]')];
  const renderSize = () => sizeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.size === app.view.sizeMetric)));
  for (const button of sizeButtons) button.addEventListener('click', () => app.setSizeMetric(button.dataset.size as SizeMetric));
  renderSize();

  // Layout
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');
  layoutButton.addEventListener('click', () => app.toggleLayout());
  const renderLayout = () => {
    const running = app.layout.isRunning();
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(running));
    document.body.dataset.layout = running ? 'running' : 'stopped';
  };
  renderLayout();

  // Tabs
  const side = byId('side');
  const sideToggle = byId('toggle-side');
  const filters = byId('filters');
  const filtersToggle = byId('toggle-filters');
  const setOpen = (panel: HTMLElement, toggle: HTMLElement, open: boolean) => {
    panel.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  const showTab = (tab: Tab) => {
    for (const t of TABS) {
      byId(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
      byId(`pane-${t}`).hidden = t !== tab;
    }
    setOpen(side, sideToggle, true);
    if (side.classList.contains('open')) setOpen(filters, filtersToggle, false);
  };
  for (const t of TABS) byId(`tab-${t}`).addEventListener('click', () => showTab(t));
  sideToggle.addEventListener('click', () => setOpen(side, sideToggle, !side.classList.contains('open')));
  filtersToggle.addEventListener('click', () => {
    const open = !filters.classList.contains('open');
    setOpen(filters, filtersToggle, open);
    if (open) setOpen(side, sideToggle, false);
  });

  // Messages: errors stay until closed, notes fade after a while.
  const messages = byId('messages');
  const showMessage = (text: string, kind: MessageKind) => {
    const close = el('button', { text: '×', title: 'Close', attrs: { 'aria-label': 'Close message' } });
    const box = el('div', { class: `message ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, el('p', { text }), close);
    close.addEventListener('click', () => box.remove());
    messages.append(box);
    while (messages.children.length > 4) messages.firstElementChild!.remove();
    if (kind === 'info') setTimeout(() => box.remove(), 6000);
  };
  app.onMessage(showMessage);

  // Status line
  const status = byId('status');
  const renderStatus = () => {
    const g = app.graph;
    const vis = app.display.visibility;
    const parts = [
      vis ? `${numberFormat.format(vis.nodes.size)} of ${numberFormat.format(g.order)} entities` : `${numberFormat.format(g.order)} entities`,
      vis ? `${numberFormat.format(vis.edges.size)} of ${numberFormat.format(g.size)} links` : `${numberFormat.format(g.size)} links`,
      `${numberFormat.format((g.getAttribute('documents') ?? []).length)} documents`,
    ];
    if (app.layout.isRunning()) parts.push('layout running…');
    else if (app.lastSettleMs !== null) parts.push(`layout settled in ${(app.lastSettleMs / 1000).toFixed(1)} s`);
    status.textContent = parts.join(' · ');
  };
  renderStatus();

  app.on((changes) => {
    if (changes.has('size')) renderSize();
    if (changes.has('layout') || changes.has('graph')) renderLayout();
    renderStatus();
  });

  // Keyboard
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    } else if (event.key === 'Escape') {
      if (typing && target?.id !== 'search') {
        target!.blur();
        return;
      }
      search.clear();
      app.clear();
    }
  });

  return { showTab };
}
