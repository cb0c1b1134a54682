/**
 * The search box: suggestions over labels and aliases as one types, arrow keys and
 * Enter to choose; choosing centres the camera on the entity and selects it.
 */
import { TYPE_COLORS } from '../core/appearance.ts';
import { searchNodes, type SearchHit } from '../core/search.ts';
import type { KgApp } from './app.ts';
import { byId, el, swatch } from './dom.ts';

export const SEARCH_SUGGESTIONS = 8;

export function mountSearch(app: KgApp): { focus: () => void; clear: () => void } {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('search-results');
  let hits: SearchHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (hit: SearchHit) => {
    input.value = hit.label;
    close();
    app.select({ kind: 'node', key: hit.key }, { camera: true });
  };

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `search-hit-${index}`);
    list.querySelector(`#search-hit-${index}`)?.scrollIntoView({ block: 'nearest' });
  };

  const render = () => {
    const text = input.value;
    hits = searchNodes(app.searchIndex, text, SEARCH_SUGGESTIONS);
    list.replaceChildren();
    if (text.trim() === '') return close();
    if (hits.length === 0) {
      list.append(el('li', { class: 'empty', attrs: { role: 'option', 'aria-disabled': 'true' }, text: `No entity matches "${text.trim()}".` }));
    }
    hits.forEach((hit, i) => {
      const li = el(
        'li',
        {
          attrs: { role: 'option', id: `search-hit-${i}`, 'aria-selected': 'false', 'data-key': hit.key },
          on: {
            // mousedown, not click: the input's blur would close the list first.
            mousedown: (event) => {
              event.preventDefault();
              choose(hit);
            },
          },
        },
        swatch(TYPE_COLORS[hit.type]),
        el('span', { class: 'hit-label', text: hit.label }),
        hit.alias ? el('span', { class: 'hit-alias', text: `also “${hit.alias}”` }) : null,
        el('span', { class: 'hit-type', text: hit.type }),
      );
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(hits.length > 0 ? 0 : -1);
  };

  input.addEventListener('input', render);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') render();
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      if (list.hidden) render();
      setActive((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active] ?? hits[0];
      if (hit) choose(hit);
    }
  });
  app.on((changes) => {
    if (changes.has('graph')) {
      input.value = '';
      close();
    }
  });

  return {
    focus: () => {
      input.focus();
      input.select();
    },
    clear: () => {
      input.value = '';
      hits = [];
      close();
      input.blur();
    },
  };
}
