import { HYPHEN_PARTICLE, type DocContext, type MentionSpan } from './entities.ts';
import { memoizeString } from './memo.ts';
import type { EntityType } from './types.ts';

/** A group of mentions that name the same entity inside one document. */
export interface Cluster {
  id: string;
  type: EntityType;
  label: string;
  aliases: Set<string>;
  mentions: MentionSpan[];
  value?: number;
  value_max?: number;
  unit?: string;
}

const REASON_WEIGHT: Record<string, number> = {
  default: 0.2,
  coordination: 3,
  title: 5,
  'acronym-definition': 6,
  'product-context': 4,
  'org-context': 3,
  'place-preposition': 3,
  'place-of': 4,
  country: 4,
  'last-name': 2,
  speech: 4,
  'speaker-label': 5,
  'role-apposition': 5,
  'role-before': 5,
  'title-article': 2,
  'given-name': 2,
  age: 6,
  street: 6,
  'first-name': 5,
  'person-context': 5,
  honorific: 6,
  'org-head': 6,
  'org-suffix': 5,
  'place-head': 6,
  'org-lexicon': 6,
  'place-lexicon': 6,
  facility: 6,
};

const key = memoizeString(computeKey);

function computeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']\s*/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Singular-ish key for programmes: "prêts garantis" and "prêt garanti" are one. */
function programmeKey(text: string): string {
  return key(text)
    .split(' ')
    .map((w) => (w.length > 3 ? w.replace(/[sx]$/, '') : w))
    .join(' ');
}

function initials(words: string[]): string {
  return words.map((w) => w.charAt(0)).join('').toUpperCase();
}

/**
 * Clusters the mentions of one document: same name (case and accents aside),
 * surnames and particle forms to the full name ("El Amrani", "d'Estaing"),
 * acronyms to the name whose initials they are, an organisation head or a country
 * suffix dropped ("Groupe Orbital" / "Orbital", "DataBox France" / "Databox").
 * Figures group by value and unit.
 */
export function resolveMentions(ctx: DocContext, mentions: MentionSpan[], countries: Set<string>): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const lx = ctx.lexicon;
  let n = 0;
  const newCluster = (m: MentionSpan): Cluster => {
    // every field present, so that all clusters share one object shape (see makeMention)
    const c: Cluster = { id: `e${n++}`, type: m.type, label: m.text, aliases: new Set(), mentions: [], value: m.value, value_max: m.value_max, unit: m.unit };
    clusters.push(c);
    return c;
  };

  // figures
  for (const m of mentions) {
    if (m.type !== 'figure') continue;
    const k = `figure|${m.value}|${m.value_max ?? ''}|${m.unit ?? ''}`;
    let c = byKey.get(k);
    if (!c) {
      c = newCluster(m);
      byKey.set(k, c);
    }
    c.mentions.push(m);
  }

  // names: exact key first, longest mentions first so full names exist before surnames
  const names = mentions.filter((m) => m.type !== 'figure').sort((a, b) => b.text.length - a.text.length);
  const personTails = new Map<string, Cluster>();
  const acronyms = new Map<string, Cluster>();
  for (const m of names) {
    const k = m.type === 'programme' ? `p|${programmeKey(m.text)}` : key(m.text);
    let c = byKey.get(k) ?? (m.alias ? byKey.get(key(m.alias)) : undefined);
    const words = m.text.split(/[\s]+/);
    // "El Amrani" → "Karim El Amrani"; "d'Estaing" → "Valéry d'Estaing"
    // a surname joins the full name, unless the context made it something else ("le groupe Dörr")
    if (!c && m.type !== 'programme' && (m.reason === 'default' || m.type === 'person' || m.reason === 'speech')) c = personTails.get(k);
    if (!c && m.type !== 'programme' && /^\p{Lu}{2,6}$/u.test(m.text)) c = acronyms.get(m.text);
    // "DataBox France" → "Databox"; "Groupe Orbital" ↔ "Orbital"
    if (!c && words.length > 1 && m.type === 'organization') {
      const lastKey = key(words[words.length - 1]!);
      if (countries.has(lastKey)) c = byKey.get(key(words.slice(0, -1).join(' ')));
      const headLen = lx.matchPhrase('orgHeads', words.map((w) => key(w)), 0);
      if (!c && headLen > 0 && headLen < words.length) c = byKey.get(key(words.slice(headLen).join(' ')));
    }
    // "Orbital" after "Orbital Data": a short form of a name introduced in full earlier
    if (!c && words.length === 1 && m.type === 'organization') {
      const full = clusters.find(
        (o) =>
          o.type === 'organization' &&
          o.mentions.some((x) => x.from < m.from && key(x.text).startsWith(`${k} `) && key(x.text).slice(k.length + 1).split(' ').every((w) => lx.has('orgSuffixes', w))) &&
          !o.mentions.some((x) => key(x.text) === k),
      );
      const introducedAlone = mentions.some((x) => x !== m && key(x.text) === k && x.from < (full?.mentions[0]?.from ?? 0));
      if (full && !introducedAlone) c = full;
    }
    if (!c) c = newCluster(m);
    c.mentions.push(m);
    if (!byKey.has(k)) byKey.set(k, c);
    if (m.alias) {
      for (const ak of [key(m.alias), `p|${programmeKey(m.alias)}`]) if (!byKey.has(ak)) byKey.set(ak, c);
    }
    if (m.alias) c.aliases.add(m.alias);
    // register tails of multi-word person-like names and acronyms of multi-word names
    if (words.length >= 2) {
      const ws = m.text.replace(/([’'])/g, '$1 ').split(/\s+/).filter(Boolean);
      // generational suffixes do not end a surname: "John Mills Jr" → "Mills"
      while (ws.length > 2 && /^(?:jr|sr|ii|iii|iv|fils|père)\.?$/i.test(ws[ws.length - 1]!)) ws.pop();
      // "Hatem al-Nour" is also "M. Nour"
      const last = ws[ws.length - 1]!;
      const particle = HYPHEN_PARTICLE.exec(last);
      if (particle && m.type === 'person' && !personTails.has(key(particle[1]!))) personTails.set(key(particle[1]!), c);
      for (let cut = 1; cut < ws.length; cut++) {
        const tail = ws.slice(cut);
        if (tail.length > 2) continue;
        const first = tail[0]!;
        if (!/^\p{Lu}/u.test(first) && !/^(?:d'|d’|de|du|el|al|van|von|le|la|ben)$/i.test(first)) continue;
        const tk = key(tail.join(' ').replace(/' /g, "'").replace(/’ /g, '’'));
        if (!personTails.has(tk) && (m.type === 'person' || (words.length >= 2 && lx.isFirstName(key(words[0]!), words[0]!)))) personTails.set(tk, c);
      }
      const caps = words.filter((w) => /^\p{Lu}/u.test(w));
      if (caps.length >= 2) {
        acronyms.set(initials(caps), c);
        acronyms.set(initials(words.filter((w) => !lx.has('nameConnectors', key(w)))), c);
      } else if (m.type === 'organization' && caps.length === 1 && /^\p{Lu}/u.test(words[0]!)) {
        // an institution with lower-case words: "Union européenne" / "UE", "Haute autorité de santé" / "HAS"
        const ak = initials(words.filter((w) => !lx.has('nameConnectors', key(w))));
        if (ak.length >= 2 && !acronyms.has(ak)) acronyms.set(ak, c);
      }
    }
  }

  // "DataBox France" joins "Databox" once both exist
  for (const c of [...clusters]) {
    if (c.type !== 'organization') continue;
    const words = c.label.split(/\s+/);
    if (words.length < 2 || !countries.has(key(words[words.length - 1]!))) continue;
    const base = byKey.get(key(words.slice(0, -1).join(' ')));
    if (base && base !== c && base.type === 'organization') {
      base.mentions.push(...c.mentions);
      for (const a of c.aliases) base.aliases.add(a);
      clusters.splice(clusters.indexOf(c), 1);
    }
  }

  // type and label by vote
  for (const c of clusters) {
    if (c.type === 'figure') {
      c.label = c.mentions[0]!.text;
      continue;
    }
    const votes = new Map<EntityType, number>();
    for (const m of c.mentions) {
      const w = m.type === 'programme' ? 6 : (REASON_WEIGHT[m.reason] ?? 1);
      votes.set(m.type, (votes.get(m.type) ?? 0) + w);
    }
    c.type = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const forms = new Map<string, number>();
    for (const m of c.mentions) forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
    const ranked = [...forms.entries()].sort((a, b) =>
      c.type === 'person' || c.type === 'programme' ? b[0].length - a[0].length || b[1] - a[1] : b[1] - a[1] || b[0].length - a[0].length,
    );
    c.label = ranked[0]![0];
    // an acronym gives way to its expansion as label: "Caisse Centrale de Garantie" over "CCG"
    if (/^\p{Lu}{2,6}$/u.test(c.label)) {
      const expansion = ranked.find(([form]) => form.split(/\s+/).length >= 2 && initials(form.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))) === c.label);
      if (expansion) c.label = expansion[0];
    }
    for (const [form] of ranked.slice(1)) if (key(form) !== key(c.label)) c.aliases.add(form);
    for (const alias of [...c.aliases]) if (key(alias) === key(c.label)) c.aliases.delete(alias);
  }
  return clusters;
}
