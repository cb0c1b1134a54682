import { describe, expect, it } from 'vitest';
import { resolveAnaphors } from '../../src/extract/dependency/coreference.ts';
import { figureOwner } from '../../src/extract/dependency/figure-owners.ts';
import { matchRule } from '../../src/extract/dependency/matcher.ts';
import { compileDependencyRule, type DependencyNodeSpec } from '../../src/extract/dependency/patterns.ts';
import { buildDepSentence, type DepSentence } from '../../src/extract/dependency/sentence-graph.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { getLexicon } from '../../src/extract/lexicon.ts';
import { getEngine } from '../../src/extract/pipeline.ts';
import type { Cluster } from '../../src/extract/resolve.ts';
import type { SentenceParse } from '../../src/extract/syntax/sentence-parse.ts';
import { InputError } from '../../src/extract/errors.ts';
import type { EntityType } from '../../src/extract/types.ts';

/** A hand-written parse: [form, UPOS, lemma, head (1-based, 0 for the root), label, feats]. */
type Row = [string, string, string, number, string, string?];

function parse(rows: Row[]): SentenceParse {
  const n = rows.length;
  const index = Int32Array.from(rows, (_, i) => i);
  return {
    tokenFrom: 0,
    words: { forms: rows.map((r) => r[0]), tokenOf: index, firstWord: index, lastWord: index },
    upos: rows.map((r) => r[1]),
    lemmas: rows.map((r) => r[2]),
    heads: Int32Array.from(rows, (r) => r[3] - 1),
    deprels: rows.map((r) => r[4]),
    feats: rows.map((r) => r[5] ?? '_'),
  } satisfies SentenceParse as SentenceParse & { n?: number } & { length?: number } as SentenceParse;
}

const cluster = (label: string, type: EntityType): Cluster => ({ id: `${type}:${label}`, type, label, aliases: new Set(), mentions: [] });

/** A sentence graph with entities on the given words (0-based). */
function graph(rows: Row[], ents: Record<number, Cluster> = {}, sentence = 0): DepSentence {
  const mentions = Object.entries(ents).map(([w, c]) => ({ head: Number(w), first: Number(w), last: Number(w), cluster: c }));
  return buildDepSentence(sentence, parse(rows), mentions);
}

const lexicon = getEngine('fr').lexicon;
const rule = (dep: DependencyNodeSpec[], relation = 'acquires') => compileDependencyRule({ id: 'test.rule', relation, dep }, lexicon, 'test rules');
const labelOf = (g: DepSentence, w: number) => g.ents[w]?.map((e) => e.cluster.label);

const dataxo = cluster('Dataxo', 'organization');
const bretix = cluster('Bretix', 'organization');
const orbalis = cluster('Orbalis', 'organization');
const paul = cluster('Paul Martin', 'person');

describe('dependency patterns', () => {
  const svo = rule([
    { id: 'v', lemma: ['racheter'], upos: ['VERB'] },
    { id: 's', from: 'v', rel: '>nsubj', ent: ['organization'] },
    { id: 't', from: 'v', rel: '>obj', ent: ['organization'] },
  ]);

  it('match a verb, its subject and its object', () => {
    // Dataxo rachète Bretix .
    const g = graph([['Dataxo', 'PROPN', 'Dataxo', 2, 'nsubj'], ['rachète', 'VERB', 'racheter', 0, 'root'], ['Bretix', 'PROPN', 'Bretix', 2, 'obj'], ['.', 'PUNCT', '.', 2, 'punct']], { 0: dataxo, 2: bretix });
    expect(matchRule(svo, g, lexicon)).toEqual([{ source: 0, target: 2 }]);
  });

  it('read a coordinated object as an object too (enhanced arcs)', () => {
    // Dataxo rachète Bretix et Orbalis
    const g = graph([['Dataxo', 'PROPN', 'Dataxo', 2, 'nsubj'], ['rachète', 'VERB', 'racheter', 0, 'root'], ['Bretix', 'PROPN', 'Bretix', 2, 'obj'], ['et', 'CCONJ', 'et', 5, 'cc'], ['Orbalis', 'PROPN', 'Orbalis', 3, 'conj']], { 0: dataxo, 2: bretix, 4: orbalis });
    expect(matchRule(svo, g, lexicon).map((m) => m.target).sort()).toEqual([2, 4]);
  });

  it('give a controlled infinitive the subject of its verb: "Dataxo veut racheter Bretix"', () => {
    const g = graph([['Dataxo', 'PROPN', 'Dataxo', 2, 'nsubj'], ['veut', 'VERB', 'vouloir', 0, 'root'], ['racheter', 'VERB', 'racheter', 2, 'xcomp'], ['Bretix', 'PROPN', 'Bretix', 3, 'obj']], { 0: dataxo, 3: bretix });
    expect(matchRule(svo, g, lexicon)).toEqual([{ source: 0, target: 3 }]);
  });

  it('give a relative clause its noun as subject: "le réseau qui appartient au groupe"', () => {
    const belongs = rule([{ id: 'v', lemma: ['appartenir'] }, { id: 't', from: 'v', rel: '>nsubj', ent: ['organization'] }, { id: 's', from: 'v', rel: '>obl', ent: ['organization'] }], 'owns');
    const g = graph([['Bretix', 'PROPN', 'Bretix', 0, 'root'], [',', 'PUNCT', ',', 4, 'punct'], ['qui', 'PRON', 'qui', 4, 'nsubj'], ['appartient', 'VERB', 'appartenir', 1, 'acl:relcl'], ['à', 'ADP', 'à', 6, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 4, 'obl:arg']], { 0: bretix, 5: dataxo });
    expect(matchRule(belongs, g, lexicon)).toEqual([{ source: 5, target: 0 }]);
  });

  it('match a label\'s subtypes ("obl" matches "obl:agent") and not the reverse', () => {
    const g = graph([['Bretix', 'PROPN', 'Bretix', 4, 'nsubj:pass'], ['a', 'AUX', 'avoir', 4, 'aux:tense'], ['été', 'AUX', 'être', 4, 'aux:pass'], ['rachetée', 'VERB', 'racheter', 0, 'root'], ['par', 'ADP', 'par', 6, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 4, 'obl:agent']], { 0: bretix, 5: dataxo });
    const any = rule([{ id: 'v', lemma: ['racheter'] }, { id: 't', from: 'v', rel: '>nsubj:pass', ent: ['organization'] }, { id: 's', from: 'v', rel: '>obl', ent: ['organization'] }]);
    const other = rule([{ id: 'v', lemma: ['racheter'] }, { id: 't', from: 'v', rel: '>nsubj:pass', ent: ['organization'] }, { id: 's', from: 'v', rel: '>obl:mod', ent: ['organization'] }]);
    expect(matchRule(any, g, lexicon)).toEqual([{ source: 5, target: 0 }]);
    expect(matchRule(other, g, lexicon)).toEqual([]);
    // nor does a passive subject match a rule asking for an active one
    expect(matchRule(svo, g, lexicon)).toEqual([]);
  });

  it('refuse a match when a negative node finds its word: "directeur chez X" is no leader of X', () => {
    const leads = rule(
      [
        { id: 'n', lemma: ['directeur'] },
        { id: 's', from: 'n', rel: '<appos', ent: ['person'] },
        { id: 't', from: 'n', rel: '>nmod', ent: ['organization'] },
        { id: 'c', from: 't', rel: '>case', lemma: ['chez'], not: true },
      ],
      'leads',
    );
    const rows = (prep: string): Row[] => [['Paul', 'PROPN', 'Paul', 0, 'root'], [',', 'PUNCT', ',', 3, 'punct'], ['directeur', 'NOUN', 'directeur', 1, 'appos'], [prep, 'ADP', prep, 5, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 3, 'nmod']];
    expect(matchRule(leads, graph(rows('de'), { 0: paul, 4: dataxo }), lexicon)).toEqual([{ source: 0, target: 4 }]);
    expect(matchRule(leads, graph(rows('chez'), { 0: paul, 4: dataxo }), lexicon)).toEqual([]);
  });

  it('let the noun before a name stand for it: "la société Dataxo"', () => {
    const g = graph([['la', 'DET', 'le', 2, 'det'], ['société', 'NOUN', 'société', 3, 'nsubj'], ['rachète', 'VERB', 'racheter', 0, 'root'], ['Bretix', 'PROPN', 'Bretix', 3, 'obj']], { 3: bretix });
    const g2 = graph([['la', 'DET', 'le', 2, 'det'], ['société', 'NOUN', 'société', 4, 'nsubj'], ['Dataxo', 'PROPN', 'Dataxo', 2, 'nmod'], ['rachète', 'VERB', 'racheter', 0, 'root'], ['Bretix', 'PROPN', 'Bretix', 4, 'obj']], { 2: dataxo, 4: bretix });
    expect(matchRule(svo, g, lexicon)).toEqual([]);
    expect(labelOf(g2, 1)).toEqual(['Dataxo']);
    expect(matchRule(svo, g2, lexicon)).toEqual([{ source: 1, target: 4 }]);
  });

  it('reject unknown labels, tags, types and relations with the known values', () => {
    const bad = (dep: unknown, relation = 'funds') => () => compileDependencyRule({ id: 'r1', relation, dep }, lexicon, 'mine.json');
    expect(bad([{ id: 'v' }, { id: 's', from: 'v', rel: '>subj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(/mine\.json: rule "r1": unknown dependency label "subj" \(known: acl, acl:relcl/);
    expect(bad([{ id: 'v', upos: ['NOM'] }, { id: 's', from: 'v', rel: '>nsubj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(/unknown UPOS "NOM" \(known: ADJ, ADP/);
    expect(bad([{ id: 'v' }, { id: 's', from: 'v', rel: '>nsubj', ent: ['company'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(/unknown entity type "company" \(known: person, organization/);
    expect(bad([{ id: 'v' }, { id: 's', from: 'v', rel: '>nsubj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }], 'likes')).toThrow(/unknown relation "likes" \(known: leads/);
    expect(bad([{ id: 'v', lemma: '@no_such_class' }, { id: 's', from: 'v', rel: '>nsubj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(/unknown class "@no_such_class"/);
    expect(bad([{ id: 'v' }, { id: 's', from: 'v', rel: '>nsubj' }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(/node "s" is an end of the relation: give it "ent" types/);
    expect(bad([{ id: 'v' }, { id: 'x', from: 'v', rel: '>nsubj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }])).toThrow(InputError);
  });
});

describe('coreference', () => {
  const sentences = (...gs: DepSentence[]) => {
    resolveAnaphors(gs, lexicon);
    return gs;
  };

  it('points "le groupe" back to the organisation the text is about, "il" back to the person', () => {
    // Dataxo rachète Bretix . | Le groupe paie cher . | Paul Martin parle . Il rit .
    const [, g2] = sentences(
      graph([['Dataxo', 'PROPN', 'Dataxo', 2, 'nsubj'], ['rachète', 'VERB', 'racheter', 0, 'root'], ['Bretix', 'PROPN', 'Bretix', 2, 'obj']], { 0: dataxo, 2: bretix }, 0),
      graph([['Le', 'DET', 'le', 2, 'det'], ['groupe', 'NOUN', 'groupe', 3, 'nsubj', 'Gender=Masc|Number=Sing'], ['paie', 'VERB', 'payer', 0, 'root']], {}, 1),
    );
    expect(labelOf(g2!, 1)).toEqual(['Dataxo']);
    const [, p2] = sentences(
      graph([['Paul', 'PROPN', 'Paul', 2, 'nsubj'], ['parle', 'VERB', 'parler', 0, 'root']], { 0: paul }, 0),
      graph([['Il', 'PRON', 'il', 2, 'nsubj', 'Gender=Masc|Number=Sing|Person=3'], ['rit', 'VERB', 'rire', 0, 'root']], {}, 1),
    );
    expect(labelOf(p2!, 0)).toEqual(['Paul Martin']);
  });

  it('does not resolve an impersonal "il", nor a description with a name of its own, nor a noun of no listed kind', () => {
    const [, g2] = sentences(
      graph([['Dataxo', 'PROPN', 'Dataxo', 2, 'nsubj'], ['recrute', 'VERB', 'recruter', 0, 'root']], { 0: dataxo }, 0),
      graph([['Il', 'PRON', 'il', 2, 'nsubj'], ['faut', 'VERB', 'falloir', 0, 'root'], ['la', 'DET', 'le', 4, 'det'], ['voiture', 'NOUN', 'voiture', 2, 'obj']], {}, 1),
    );
    expect(g2!.ents[0]).toBeUndefined();
    expect(g2!.ents[3]).toBeUndefined();
  });

  it('does not point back to a source ("selon X") or, for a pronoun, to a setting ("sur Radio X")', () => {
    const radio = cluster('Radio Bretix', 'organization');
    const [, g2] = sentences(
      graph([['Paul', 'PROPN', 'Paul', 2, 'nsubj'], ['parle', 'VERB', 'parler', 0, 'root'], ['sur', 'ADP', 'sur', 4, 'case'], ['Radio', 'PROPN', 'Radio', 2, 'obl:mod']], { 0: paul, 3: radio }, 0),
      graph([['Son', 'DET', 'son', 2, 'det'], ['chiffre', 'NOUN', 'chiffre', 3, 'nsubj'], ['baisse', 'VERB', 'baisser', 0, 'root']], {}, 1),
    );
    // "son": Paul Martin (a person may own a figure), never the radio it was said on
    expect(labelOf(g2!, 0)).toEqual(['Paul Martin']);
    const [, g4] = sentences(
      graph([['Selon', 'ADP', 'selon', 2, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 4, 'obl:mod'], ['le', 'DET', 'le', 4, 'det'], ['marché', 'NOUN', 'marché', 5, 'nsubj'], ['baisse', 'VERB', 'baisser', 0, 'root']], { 1: dataxo }, 0),
      graph([['La', 'DET', 'le', 2, 'det'], ['société', 'NOUN', 'société', 3, 'nsubj'], ['recrute', 'VERB', 'recruter', 0, 'root']], {}, 1),
    );
    expect(g4!.ents[1]).toBeUndefined();
  });
});

describe('figure owners by syntax', () => {
  const fig = cluster('5 millions d\'euros', 'figure');

  it('gives a figure to the subject of its clause, through the noun it measures', () => {
    // Dataxo a réalisé un chiffre d'affaires de 5 millions
    const g = graph([['Dataxo', 'PROPN', 'Dataxo', 3, 'nsubj'], ['a', 'AUX', 'avoir', 3, 'aux:tense'], ['réalisé', 'VERB', 'réaliser', 0, 'root'], ['un', 'DET', 'un', 5, 'det'], ['chiffre', 'NOUN', 'chiffre', 3, 'obj'], ['de', 'ADP', 'de', 7, 'case'], ['millions', 'NOUN', 'million', 5, 'nmod']], { 0: dataxo, 6: fig });
    expect(figureOwner(g, 6, lexicon)).toEqual({ cluster: dataxo, why: 'subject' });
  });

  it('gives a figure to the complement of the subject: "le chiffre d\'affaires de X a atteint …"', () => {
    const g = graph([['le', 'DET', 'le', 2, 'det'], ['chiffre', 'NOUN', 'chiffre', 6, 'nsubj'], ['de', 'ADP', 'de', 4, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 2, 'nmod'], ['a', 'AUX', 'avoir', 6, 'aux:tense'], ['atteint', 'VERB', 'atteindre', 0, 'root'], ['millions', 'NOUN', 'million', 6, 'obj']], { 3: dataxo, 6: fig });
    expect(figureOwner(g, 6, lexicon)).toEqual({ cluster: dataxo, why: 'subject-complement' });
  });

  it('gives no owner when the subject says or forecasts it: "la Fed prévoit une croissance de 6,5 %"', () => {
    const fed = cluster('Fed', 'organization');
    const g = graph([['la', 'DET', 'le', 2, 'det'], ['Fed', 'PROPN', 'Fed', 3, 'nsubj'], ['prévoit', 'VERB', 'prévoir', 0, 'root'], ['une', 'DET', 'un', 5, 'det'], ['croissance', 'NOUN', 'croissance', 3, 'obj'], ['de', 'ADP', 'de', 7, 'case'], ['%', 'NOUN', '%', 5, 'nmod']], { 1: fed, 6: fig });
    expect(figureOwner(g, 6, lexicon)).toEqual({ cluster: null, why: 'source' });
  });

  it('gives no owner to "selon X", and none when the figure is itself the subject', () => {
    const g = graph([['Selon', 'ADP', 'selon', 2, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 5, 'obl:mod'], ['le', 'DET', 'le', 4, 'det'], ['marché', 'NOUN', 'marché', 5, 'nsubj'], ['recule', 'VERB', 'reculer', 0, 'root'], ['de', 'ADP', 'de', 7, 'case'], ['%', 'NOUN', '%', 5, 'obl:arg']], { 1: dataxo, 6: fig });
    expect(figureOwner(g, 6, lexicon).cluster).toBeNull();
    const h = graph([['900', 'NUM', '900', 2, 'nummod'], ['revendeurs', 'NOUN', 'revendeur', 3, 'nsubj'], ['bénéficient', 'VERB', 'bénéficier', 0, 'root'], ['de', 'ADP', 'de', 5, 'case'], ['Dataxo', 'PROPN', 'Dataxo', 3, 'obl:arg']], { 1: fig, 4: dataxo });
    expect(figureOwner(h, 1, lexicon)).toEqual({ cluster: null, why: 'is-subject' });
  });

  it('pairs figures and subjects in order with "respectivement"', () => {
    const a = cluster('30 %', 'figure');
    const b = cluster('40 %', 'figure');
    // Dataxo et Bretix détiennent respectivement 30 % et 40 %
    const g = graph([['Dataxo', 'PROPN', 'Dataxo', 4, 'nsubj'], ['et', 'CCONJ', 'et', 3, 'cc'], ['Bretix', 'PROPN', 'Bretix', 1, 'conj'], ['détiennent', 'VERB', 'détenir', 0, 'root'], ['respectivement', 'ADV', 'respectivement', 4, 'advmod'], ['%', 'NOUN', '%', 4, 'obj'], ['et', 'CCONJ', 'et', 8, 'cc'], ['%', 'NOUN', '%', 6, 'conj']], { 0: dataxo, 2: bretix, 5: a, 7: b });
    expect(figureOwner(g, 5, lexicon)).toEqual({ cluster: dataxo, why: 'respectively' });
    expect(figureOwner(g, 7, lexicon)).toEqual({ cluster: bretix, why: 'respectively' });
  });
});

describe('relations through anaphors, on real text', () => {
  const triples = (text: string) => {
    const r = extractDocument({ id: 't.txt', text }, { lang: 'fr' });
    const label = new Map(r.entities.map((e) => [e.id, e.label]));
    return r.relations.filter((x) => x.relation !== 'co_occurs').map((x) => [label.get(x.source), x.relation, label.get(x.target)]);
  };

  it('links through "le groupe" and "son PDG", with the evidence of the sentence that says it', () => {
    const text = 'Le groupe Dataxo a annoncé de bons résultats. Le groupe a racheté la société Bretix en mars.';
    expect(triples(text)).toContainEqual(['Dataxo', 'acquires', 'Bretix']);
    const r = extractDocument({ id: 't.txt', text }, { lang: 'fr' });
    const link = r.relations.find((x) => x.relation === 'acquires')!;
    expect(text.slice(link.evidence.start, link.evidence.end)).toBe('Le groupe a racheté la société Bretix en mars.');
    expect(triples('La société Bretix recrute à Lorient. Son PDG, Paul Martin, a annoncé vingt embauches.')).toContainEqual(['Paul Martin', 'leads', 'Bretix']);
  });

  it('gives the figures of "l\'entreprise, qui emploie …" to the company named before', () => {
    const t = triples("La société Bretix fabrique des voiles à Lorient. L'entreprise, qui emploie une trentaine de personnes, a réalisé un chiffre d'affaires de cinq millions d'euros.");
    expect(t).toContainEqual(['Bretix', 'has_figure', 'une trentaine de personnes']);
    expect(t).toContainEqual(['Bretix', 'has_figure', "cinq millions d'euros"]);
  });
});
