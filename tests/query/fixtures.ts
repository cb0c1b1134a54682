/**
 * A hand-built graph shaped like the one `kg build` makes from seeds/: the entities
 * and relations of the gold annotation of three seed documents, with evidence
 * sentences written into the graph's texts so that evidence offsets are real.
 */
import { normalizeName } from '../../src/extract/normalize-name.ts';
import type { EntityType, RelationName } from '../../src/extract/types.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import type { KgGraph } from '../../src/graph/types.ts';

interface Doc {
  id: string;
  title: string;
  sentences: string[];
}

const DOCS: Doc[] = [
  {
    id: '000_infragest.txt',
    title: 'Sortie de crise : le témoignage de Patrice Foliard',
    sentences: [
      'Le témoignage de Patrice Foliard, président de Groupe Infragest.',
      'Channelnews : Quand pensez-vous que Groupe Infragest pourra reprendre ?',
      'Groupe Infragest a obtenu un prêt garanti par l’État.',
    ],
  },
  {
    id: '001_mezzanine.txt',
    title: 'Microsoft lance Mezzanine',
    sentences: [
      'Jean-Christophe Dupuy, directeur chez Microsoft, présente le programme.',
      'Microsoft finance Actebis et ETC au travers de Microsoft Financing.',
      'Microsoft a noué un partenariat avec Actebis, qui distribue Microsoft.',
      'Actebis travaille avec HP, qui finance aussi Actebis.',
      'Tech Data et Ingram Micro distribuent Microsoft.',
      'Le programme Mezzanine prévoit 5.000 euros par revendeur.',
      'Dupuy a rencontré Actebis la semaine dernière.',
    ],
  },
  {
    id: '004_wallonie.txt',
    title: 'Chèques numériques en Belgique',
    sentences: [
      'La Wallonie propose des chèques maturité numérique.',
      'La Région de Bruxelles-Capitale, en Belgique, offre une prime Web.',
      'La Wallonie est une région de Belgique.',
    ],
  },
];

interface Entity {
  label: string;
  type: EntityType;
  aliases?: string[];
  docs: string[];
}

const ENTITIES: Entity[] = [
  { label: 'Patrice Foliard', type: 'person', aliases: ['Foliard'], docs: ['000_infragest.txt'] },
  { label: 'Groupe Infragest', type: 'organization', aliases: ['Infragest'], docs: ['000_infragest.txt'] },
  { label: 'Channelnews', type: 'organization', docs: ['000_infragest.txt', '001_mezzanine.txt'] },
  { label: 'prêt garanti', type: 'programme', aliases: ['prêt garanti par l’État', 'PGE'], docs: ['000_infragest.txt'] },
  { label: 'Microsoft', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'Jean-Christophe Dupuy', type: 'person', aliases: ['M. Dupuy'], docs: ['001_mezzanine.txt'] },
  { label: 'Actebis', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'ETC', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'Tech Data', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'Ingram Micro', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'HP', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'Microsoft Financing', type: 'organization', docs: ['001_mezzanine.txt'] },
  { label: 'Mezzanine', type: 'programme', aliases: ['programme Mezzanine'], docs: ['001_mezzanine.txt'] },
  { label: '5.000 euros', type: 'figure', docs: ['001_mezzanine.txt'] },
  { label: 'Wallonie', type: 'place', aliases: ['Région wallonne'], docs: ['004_wallonie.txt'] },
  { label: 'Région de Bruxelles-Capitale', type: 'place', aliases: ['Bruxelles-Capitale'], docs: ['004_wallonie.txt'] },
  { label: 'Belgique', type: 'place', docs: ['004_wallonie.txt'] },
  { label: 'chèques maturité numérique', type: 'programme', docs: ['004_wallonie.txt'] },
  { label: 'prime Web', type: 'programme', docs: ['004_wallonie.txt'] },
];

/** [source label, relation, target label, document id, sentence index] */
export const RELATIONS: [string, RelationName, string, string, number][] = [
  ['Patrice Foliard', 'leads', 'Groupe Infragest', '000_infragest.txt', 0],
  ['Groupe Infragest', 'benefits_from', 'prêt garanti', '000_infragest.txt', 2],
  ['Channelnews', 'co_occurs', 'Groupe Infragest', '000_infragest.txt', 1],
  ['Jean-Christophe Dupuy', 'works_for', 'Microsoft', '001_mezzanine.txt', 0],
  ['Microsoft', 'funds', 'Actebis', '001_mezzanine.txt', 1],
  ['Microsoft', 'funds', 'ETC', '001_mezzanine.txt', 1],
  ['Microsoft Financing', 'part_of', 'Microsoft', '001_mezzanine.txt', 1],
  ['Microsoft', 'partners_with', 'Actebis', '001_mezzanine.txt', 2],
  ['Actebis', 'distributes', 'Microsoft', '001_mezzanine.txt', 2],
  ['Actebis', 'partners_with', 'HP', '001_mezzanine.txt', 3],
  ['HP', 'funds', 'Actebis', '001_mezzanine.txt', 3],
  ['Tech Data', 'distributes', 'Microsoft', '001_mezzanine.txt', 4],
  ['Ingram Micro', 'distributes', 'Microsoft', '001_mezzanine.txt', 4],
  ['Tech Data', 'co_occurs', 'Ingram Micro', '001_mezzanine.txt', 4],
  ['Microsoft', 'launches', 'Mezzanine', '001_mezzanine.txt', 5],
  ['Mezzanine', 'has_figure', '5.000 euros', '001_mezzanine.txt', 5],
  ['Jean-Christophe Dupuy', 'co_occurs', 'Actebis', '001_mezzanine.txt', 6],
  ['Wallonie', 'offers', 'chèques maturité numérique', '004_wallonie.txt', 0],
  ['Région de Bruxelles-Capitale', 'offers', 'prime Web', '004_wallonie.txt', 1],
  ['Région de Bruxelles-Capitale', 'located_in', 'Belgique', '004_wallonie.txt', 1],
  ['Wallonie', 'located_in', 'Belgique', '004_wallonie.txt', 2],
];

export function keyOf(label: string): string {
  const entity = ENTITIES.find((e) => e.label === label);
  if (!entity) throw new Error(`fixture: no entity "${label}"`);
  return `${entity.type}:${normalizeName(label)}`;
}

/** The text of the evidence sentence of a fixture relation. */
export function sentenceOf(doc: string, index: number): string {
  return DOCS.find((d) => d.id === doc)!.sentences[index]!;
}

/** The seeds-like graph; `keepTexts: false` drops the texts (evidence without sentences). */
export function seedsLikeGraph(options: { keepTexts?: boolean } = {}): KgGraph {
  const texts: Record<string, string> = {};
  const offsets = new Map<string, [number, number][]>();
  for (const doc of DOCS) {
    let text = '';
    const spans: [number, number][] = [];
    for (const s of doc.sentences) {
      if (text) text += ' ';
      spans.push([text.length, text.length + s.length]);
      text += s;
    }
    texts[doc.id] = text;
    offsets.set(doc.id, spans);
  }
  const graph = createGraph({
    documents: DOCS.map((d) => ({ id: d.id, path: `seeds/${d.id}`, title: d.title, lang: 'fr' as const, chars: texts[d.id]!.length })),
    builtAt: new Date(0).toISOString(),
    version: 'fixture',
    ...(options.keepTexts === false ? {} : { texts }),
  });
  for (const e of ENTITIES) {
    const mentions = e.docs.flatMap((doc) => {
      const at = texts[doc]!.indexOf(e.label);
      return at >= 0 ? [{ doc, start: at, end: at + e.label.length }] : [{ doc, start: 0, end: 1 }];
    });
    graph.addNode(keyOf(e.label), { label: e.label, type: e.type, aliases: e.aliases ?? [], mentions });
  }
  for (const [source, relation, target, doc, i] of RELATIONS) {
    const [start, end] = offsets.get(doc)![i]!;
    const s = keyOf(source);
    const t = keyOf(target);
    graph.addEdgeWithKey(`${s}|${relation}|${t}`, s, t, { relation, weight: 1, evidence: [{ doc, start, end }], pattern: 'fixture' });
  }
  return graph;
}
