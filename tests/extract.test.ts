import { describe, expect, it } from 'vitest';
import { cleanText, toOriginalSpan } from '../src/extract/clean.ts';
import rulesEn from '../src/extract/data/rules.en.json';
import rulesFr from '../src/extract/data/rules.fr.json';
import { extractDocument } from '../src/extract/index.ts';
import { detectLanguage } from '../src/extract/lang.ts';
import { getEngine } from '../src/extract/pipeline.ts';
import { InputError } from '../src/extract/errors.ts';
import { splitSentences, tokenize } from '../src/extract/tokenize.ts';
import type { RulesFile } from '../src/extract/rules.ts';

function extract(text: string) {
  const r = extractDocument({ id: 't.txt', text });
  const label = new Map(r.entities.map((e) => [e.id, e]));
  return {
    ...r,
    triples: r.relations.filter((x) => x.relation !== 'co_occurs').map((x) => [label.get(x.source)!.label, x.relation, label.get(x.target)!.label, x.pattern]),
    typed: r.entities.map((e) => [e.type, e.label]),
  };
}

describe('cleaning', () => {
  it('joins words hyphenated across breaks and split drop capitals, with a map back', () => {
    const original = 'F aute de moyens, les entreprises maro- caines et la Univer-\nsité attendent.';
    const clean = cleanText(original);
    expect(clean.text).toContain('Faute');
    expect(clean.text).toContain('marocaines');
    expect(clean.text).toContain('Université');
    const at = clean.text.indexOf('marocaines');
    const [s, e] = toOriginalSpan(clean, at, at + 'marocaines'.length);
    expect(original.slice(s, e)).toBe('maro- caines');
  });

  it('maps every kept character back to the same character of the original, in order', () => {
    const original = 'F aute de moyens\r\nles entreprises maro- caines\u00a0et l\u2019Univer-\nsité, sur le climatDes aides.\tFin\u00ad.';
    const clean = cleanText(original);
    expect(clean.toOriginal).toHaveLength(clean.text.length + 1);
    expect(clean.toOriginal[clean.text.length]).toBe(original.length);
    for (let k = 0; k < clean.text.length; k++) {
      if (k > 0) expect(clean.toOriginal[k]!).toBeGreaterThanOrEqual(clean.toOriginal[k - 1]!);
      const ch = clean.text[k]!;
      const from = original[clean.toOriginal[k]!]!;
      if (ch !== ' ' && ch !== '\n') expect(from).toBe(ch);
    }
    expect(clean.text).toContain('climat Des');
    expect(clean.text).not.toContain('\u00ad');
  });

  it('keeps the hyphen of an inverted pronoun', () => {
    expect(cleanText('a révèle-t- il hier').text).toContain('révèle-t-il');
  });
});

describe('sentences', () => {
  it('splits glued sentences after a word or a number that ends in digits', () => {
    const text = "La pandémie de Covid-19.De l'aide arrive. Il pleut en 2019.Le reste suit. La version 2.0 et 3.5 sort.";
    const { tokens, sentences } = splitSentences(tokenize(text));
    expect(sentences.map((x) => text.slice(x.start, x.end))).toEqual(['La pandémie de Covid-19.', "De l'aide arrive.", 'Il pleut en 2019.', 'Le reste suit.', 'La version 2.0 et 3.5 sort.']);
    expect(tokens.length).toBeGreaterThan(0);
    const heading = 'Le marché recule.- Dataxo en tête - Dataxo grandit.';
    const split = splitSentences(tokenize(heading)).sentences.map((x) => heading.slice(x.start, x.end));
    expect(split).toEqual(['Le marché recule.', '- Dataxo en tête - Dataxo grandit.']);
  });
});

describe('language', () => {
  it.each([
    ['Le gouvernement a présenté son plan de relance pour les entreprises.', 'fr'],
    ['The government presented its recovery plan for the companies.', 'en'],
    ['Paul Martin a fondé Dataxo en 2010.', 'fr'],
    ['Bolloré détient Havas.', 'fr'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('warns for a text in another language', () => {
    const r = extractDocument({ id: 'de.txt', text: 'Die Regierung hat heute einen neuen Plan für die Wirtschaft vorgestellt, sagte der Sprecher in Berlin. Die Unternehmen sollen schneller Hilfe bekommen, und die Länder wollen die Mittel noch vor dem Sommer auszahlen.' });
    expect(r.warnings.join(' ')).toMatch(/neither French nor English/);
  });
});

describe('entities', () => {
  it.each([
    ['Le témoignage de Paul Martin, président de la société Dataxo.', ['person', 'Paul Martin']],
    ['Le témoignage de Paul Martin, président de la société Dataxo.', ['organization', 'Dataxo']],
    ['La Région de Bretagne propose une aide aux PME.', ['place', 'Région de Bretagne']],
    ['Un nouveau centre voit le jour à Khouribga cette année.', ['place', 'Khouribga']],
    ['La Banque africaine de Casablanca et la Banque mondiale financent le projet.', ['organization', 'Banque mondiale']],
    ['Nous avons mis en place le programme Atlas pour nos clients.', ['programme', 'programme Atlas']],
    ['Les entreprises ont recours au chômage partiel depuis mars.', ['programme', 'chômage partiel']],
    ['Pour la Bretagne, il y a les « chèques maturité numérique ».', ['programme', 'chèques maturité numérique']],
    ['Acme Corp, based in Leeds, hired John Smith as chief executive.', ['person', 'John Smith']],
    ["L'aide viendra du ministère de l'Économie et des Finances.", ['organization', "ministère de l'Économie et des Finances"]],
    // … with the adjectives of its complement
    ['Selon le ministère des Affaires étrangères, la visite est reportée.', ['organization', 'ministère des Affaires étrangères']],
    ['Le décret du ministère de la Transition écologique et solidaire est paru.', ['organization', 'ministère de la Transition écologique et solidaire']],
    ["La présidente du conseil régional de Bretagne a répondu.", ['organization', 'conseil régional de Bretagne']],
    ['Le tribunal de commerce de Lyon a tranché.', ['organization', 'tribunal de commerce de Lyon']],
    ["Le courrier a été transmis à l'AFP.", ['organization', 'AFP']],
    ["Quelque 5.000 commerces ont déjà obtenu un prêt garanti par l'État.", ['programme', "prêt garanti par l'État"]],
    ["Après le jugement, l'administration Durand a imposé des tarifs.", ['person', 'Durand']],
    ['Selon une étude du cabinet Lucas Partners, le marché recule.', ['organization', 'Lucas Partners']],
    // a kind of company with one word of kind before the name, and a loan "consenti à" its recipient
    ["Le gouvernement aide le constructeur automobile Dalvon. Il a signé l'accord avec Dalvon. Le prêt sera consenti à Dalvon.", ['organization', 'Dalvon']],
    ['Le président de Marche La France a parlé.', ['organization', 'Marche La France']],
    // a common noun capitalised inside a sentence, then adjectives of kind: an institution
    ['Le déficit de la Sécurité sociale atteint 10 milliards cette année.', ['organization', 'Sécurité sociale']],
    ["Les militants de l'Alternative écologiste et sociale ont voté contre.", ['organization', 'Alternative écologiste et sociale']],
    ['Selon le directeur de la Sûreté générale, la cargaison était stockée depuis des années.', ['organization', 'Sûreté générale']],
    // a given name that is also a town somewhere, before a surname that is one too
    ['Selon le directeur David Martin, les ventes de la société progressent nettement.', ['person', 'David Martin']],
    ['Une étude de la George Washington University montre que les ventes progressent.', ['organization', 'George Washington University']],
    // the management of a company is the company; a directorate with an adjective is a body of its own
    ["La direction d'Air France a annoncé un plan de départs volontaires.", ['organization', 'Air France']],
    ['Selon la direction générale de la Santé, les cas augmentent.', ['organization', 'direction générale de la Santé']],
    // a list of acronyms is no header in capitals: each is a name
    ['Selon les délégués syndicaux (CFDT, CFTC, CGT, SNJ et UNSA) le dialogue est rompu.', ['organization', 'SNJ']],
    // a spelled numeral inside a sentence opens a name before another capitalised word
    ['Ses actionnaires, le groupe de presse Nine Entertainment et un fonds, se retirent.', ['organization', 'Nine Entertainment']],
    // a generic plan names one programme when an amount comes with it
    ["L'aéronautique va faire l'objet d'un plan de soutien évalué à 15 milliards d'euros.", ['programme', 'plan de soutien']],
  ])('%s → %j', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it('takes no generic plan for a programme without an amount', () => {
    expect(extract("Le gouvernement promet depuis des semaines un plan de soutien aux entreprises de l'aéronautique.").typed.filter(([t]) => t === 'programme')).toEqual([]);
  });

  it('does not take sentence-initial common words or acronyms of common nouns for names', () => {
    const { typed } = extract("Accompagnement des TPE. Certaines PME peinent. Notons que les DSI attendent. Résultat : les prix baissent. Photo AFP. Le secrétaire d'État aux Transports et la ministre de la Santé ont parlé.");
    expect(extract('Il vit au Liban Le Liban est en crise.').typed).toEqual([['place', 'Liban']]);
    expect(extract('Le plan a été présenté mardi. Le pays a reçu des aides indues.').typed.filter(([t]) => t === 'programme')).toEqual([]);
    expect(extract('Il a parlé hier. UN SEUL DONLa CNDX peine à réunir les fonds.').typed.filter(([, name]) => /SEUL|La$/.test(name))).toEqual([]);
    expect(typed.filter(([t]) => t !== 'figure')).toEqual([]);
    // … nor a capitalised noun with a participle, a colour or a nationality after it
    expect(extract("Le rapport de l'Intérieur rendu mardi et la Maison bleue de la Santé américaine.").typed.filter(([, name]) => / /.test(name))).toEqual([]);
  });

  it('takes no event for an organisation ("la Seconde Guerre mondiale", "la Bataille de Normandie")', () => {
    const { typed } = extract('Depuis la Seconde Guerre mondiale et la Bataille de Normandie, les Championnats du monde et les Jeux olympiques de Tokyo ont été reportés.');
    expect(typed.filter(([t]) => t === 'organization')).toEqual([]);
    expect(typed).toContainEqual(['place', 'Normandie']);
    // crude oil benchmarks are prices, not places or companies
    expect(extract('Le baril de Brent a reculé de 2% mardi, et le WTI américain de 3%.').typed.filter(([t]) => t !== 'figure')).toEqual([]);
    // common acronyms written as words
    expect(extract('Le Smic augmentera de 1,2% au 1er janvier, et les résidents des Ehpad seront vaccinés.').typed.filter(([t]) => t !== 'figure')).toEqual([]);
  });

  it('reads "général" after a role as part of the title, not as a rank before a name', () => {
    const r = extract('Le groupe a confirmé que Carlos Martin, directeur général de Dataxo, quittera ses fonctions en juin.');
    expect(r.typed).toContainEqual(['organization', 'Dataxo']);
    expect(r.typed.filter(([, name]) => /^de /.test(name))).toEqual([]);
    expect(r.triples.map(([a, rel, b]) => [a, rel, b])).toContainEqual(['Carlos Martin', 'leads', 'Dataxo']);
    expect(extract("Le général de Lattre a inspecté les troupes à l'aube.").typed).toContainEqual(['person', 'de Lattre']);
    // a kin word or a rank before "de" and a full name says whose: the particle is no part of the name
    const kin = extract("Il a écrit à André Boudou, le père de Julie Vidal, qui l'a raconté dans un entretien. Il était le lieutenant de Paul Marchal.");
    expect(kin.typed.filter(([, name]) => /^de /.test(name))).toEqual([]);
    expect(kin.typed).toContainEqual(['person', 'Julie Vidal']);
  });

  it('reads an acronym after a person as their party, not as a short form of their name', () => {
    const r = extract('Le député Paul Marchal (LR) et la sénatrice Claire Durand (LR) ont voté contre le texte, comme Jean Vidal (PS).');
    const persons = r.entities.filter((e) => e.type === 'person');
    expect(persons.map((e) => e.label).sort()).toEqual(['Claire Durand', 'Jean Vidal', 'Paul Marchal']);
    for (const p of persons) expect(p.aliases).toEqual([]);
    expect(r.typed).toContainEqual(['organization', 'LR']);
    expect(r.typed).toContainEqual(['organization', 'PS']);
    // an office before a party's acronym makes a member, not a leader
    const mayor = extract('À Montauban, le maire LR Jean Vidal a décidé de venir en aide au secteur du bâtiment.');
    expect(mayor.triples.map(([a, rel, b]) => [a, rel, b])).toEqual([['Jean Vidal', 'works_for', 'LR']]);
    const aged = extract("Condamné en appel, l'ancien maire LR, 71 ans, avait notamment été reconnu coupable de fraude.");
    expect(aged.typed.filter(([t]) => t === 'person')).toEqual([]);
    const general = extract('Le délégué général de LREM, Paul Marchal, a présenté son plan pour les jeunes.');
    expect(general.typed.filter(([, name]) => /^de /.test(name))).toEqual([]);
  });

  it('links a minister to the ministry the same text names ("ministre du Travail" ↔ "ministère du Travail")', () => {
    const text =
      "Selon une estimation du ministère du Travail, 8 millions de salariés en ont bénéficié. L'indemnité ne change pas, a précisé Claire Vidal. " +
      'La limite reste fixée, poursuit la ministre du Travail. Le ministère de la Santé a publié un décret. Le ministre de la Santé Paul Marchal a parlé. ' +
      "Jean Dumas, le ministre de l'Agriculture, a parlé.";
    const triples = extract(text).triples.map(([a, rel, b]) => [a, rel, b]);
    expect(triples).toContainEqual(['Claire Vidal', 'works_for', 'ministère du Travail']);
    expect(triples).toContainEqual(['Paul Marchal', 'works_for', 'ministère de la Santé']);
    const publics = extract("Selon le ministère des Comptes publics, 12 milliards ont été récupérés. L'annonce a été faite par le ministre des Comptes publics Jean Dumas.").triples.map(([a, rel, b]) => [a, rel, b]);
    expect(publics).toContainEqual(['Jean Dumas', 'works_for', 'ministère des Comptes publics']);
    // a portfolio after "ministre" names no institution of its own, nor does a second one after "et"
    expect(extract('Le ministre des Affaires étrangères, Jean Dumas, a tenu un point de presse.').typed.filter(([t]) => t === 'organization')).toEqual([]);
    expect(extract("La ministre de l'Action et des Comptes publics, Claire Vidal, a lancé un appel.").typed.filter(([t]) => t === 'organization')).toEqual([]);
    // no "ministère de l'Agriculture" in the text: nothing to link to
    expect(triples.filter(([a]) => a === 'Jean Dumas')).toEqual([]);
  });

  it('gives an acronym after "X de Place (ACR)" to the organisation, not the place', () => {
    const r = extract("Le canot appartient à l'Association bretonne de secours en mer de Lorient (ABSM). L'ABSM cherche des fonds.");
    const org = r.entities.find((e) => e.aliases.includes('ABSM') || e.label === 'ABSM')!;
    expect(org.label + ' ' + org.aliases.join(' ')).toMatch(/Association bretonne/);
  });

  it('joins an acronym with a small letter inside to the name it is defined by', () => {
    const r = extract("L'enquête a suivi un signalement de la Direction générale des finances publiques (DGFiP). L'ancien patron de la DGFiP, Paul Marchal, a saisi le parquet.");
    const orgs = r.entities.filter((e) => e.type === 'organization');
    expect(orgs).toHaveLength(1);
    expect([orgs[0]!.label, ...orgs[0]!.aliases].sort()).toEqual(['DGFiP', 'Direction générale des finances publiques']);
  });

  it('joins an acronym to the initials of an institution written in small letters', () => {
    const r = extract("L'Union africaine a répondu. L'UA attend un jugement.");
    const orgs = r.entities.filter((e) => e.type === 'organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.aliases).toContain('UA');
  });

  it('joins surnames, titled forms, acronyms and case variants to one entity, with every mention', () => {
    const text =
      'Jeanne Dumoulin, présidente de la Caisse Nationale de Prévoyance, parle. La CNP soutient ScoreBox. « Il faut agir », confie Mme Dumoulin. Scorebox grandit.';
    const r = extract(text);
    const person = r.entities.find((e) => e.type === 'person')!;
    expect(person.label).toBe('Jeanne Dumoulin');
    expect(person.mentions).toHaveLength(2);
    for (const m of person.mentions) expect(text.slice(m.start, m.end)).toMatch(/Dumoulin$/);
    const cnp = r.entities.find((e) => e.label === 'Caisse Nationale de Prévoyance')!;
    expect(cnp.aliases).toContain('CNP');
    expect(r.entities.filter((e) => /scorebox/i.test(e.label))).toHaveLength(1);
  });
});

describe('interviews and speakers', () => {
  it('reads "nous" as the organisation of the person speaking', () => {
    const text = [
      'Le témoignage de Paul Martin, président de la société Dataxo.',
      '',
      'Journal : Que faites-vous pour vos clients ?',
      '',
      'Paul Martin : Nous avons lancé le programme Atlas. Un dossier de prêt garanti est en cours.',
    ].join('\n');
    const { triples } = extract(text);
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['Paul Martin', 'leads', 'Dataxo']);
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['Dataxo', 'launches', 'programme Atlas']);
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['Dataxo', 'benefits_from', 'prêt garanti']);
  });
});

describe('discourse', () => {
  it('reads a role without a name as the person named last', () => {
    const { triples } = extract('Bruno Martin a visité une usine hier à Lyon. Le ministre a annoncé un plan de relance pour les entreprises.');
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['Bruno Martin', 'launches', 'plan de relance']);
  });

  it('gives an apposition after a list to its last member only', () => {
    const { triples } = extract('Il a reçu le président Paul Durand et Olivier Martin, président de Dataxo France.');
    const leads = triples.filter((t) => t[1] === 'leads').map((t) => t.slice(0, 3));
    expect(leads).toEqual([['Olivier Martin', 'leads', 'Dataxo France']]);
  });

  it('gives a bracketed place to the place just before it only', () => {
    const { triples } = extract('Des usines ferment à Montpellier (Hérault) et Turin (Italie).');
    const located = triples.filter((t) => t[1] === 'located_in').map((t) => t.slice(0, 3));
    expect(located).toEqual([
      ['Montpellier', 'located_in', 'Hérault'],
      ['Turin', 'located_in', 'Italie'],
    ]);
  });

  it('keeps a company after "conseil d\'administration de" a name of its own', () => {
    const { typed } = extract("Il a promis au conseil d'administration de la Dataxo une évaluation.");
    expect(typed).toContainEqual(['organization', 'Dataxo']);
  });

  it('gives a figure to the organisation it is "pour", and an elliptic figure\'s owner to the figure before it', () => {
    const a = extract("La grève devrait coûter le milliard d'euros pour la Bretix, qui prépare un plan d'économies.").triples.map((t) => t.slice(0, 3));
    expect(a).toContainEqual(['Bretix', 'has_figure', "le milliard d'euros"]);
    const b = extract('Avec, à la clé, la suppression de 12 000 emplois sur les 63 000 que Dataxo compte en Europe.').triples.map((t) => t.slice(0, 3));
    expect(b).toContainEqual(['Dataxo', 'has_figure', '12 000 emplois']);
    expect(b).toContainEqual(['Dataxo', 'has_figure', '63 000']);
  });

  it('reads "du commerce" after an organisation head as part of its name', () => {
    expect(extract("Ils s'affrontent devant l'Organisation mondiale du commerce depuis des années.").typed).toContainEqual(['organization', 'Organisation mondiale du commerce']);
  });

  it('does not point "le groupe" back to the radio a statement was made on', () => {
    const text = "Les laboratoires Dataxo ont promis de combattre la décision. « C'est grave », a expliqué la ministre, Claire Martin, sur Radio Bretix mardi. Le groupe alertait mardi sur ses activités, réalisées à 60% en France avec 350 millions d'euros de chiffre d'affaires.";
    const rel = extract(text).triples.map((t) => t.slice(0, 3));
    expect(rel).toContainEqual(['Dataxo', 'has_figure', "350 millions d'euros"]);
    expect(rel.filter((t) => t[0] === 'Radio Bretix' || t[0] === 'France')).toEqual([]);
  });

  it('reads "de l\'industrie" after an organisation head as part of its name, even when the noun can be an adjective', () => {
    expect(extract("Il a écrit à la Fédération nationale de l'immobilier hier.").typed).toContainEqual(['organization', "Fédération nationale de l'immobilier"]);
  });

  it.each([
    ['Ils ont écrit à la présidente de la Commission européenne, Ursula von der Leyen, mardi.', 'Ursula von der Leyen'],
    ['Le patron de Dataxo, Jan van den Berg, a parlé.', 'Jan van den Berg'],
    ['Selon Jean de La Fontaine, tout va bien.', 'Jean de La Fontaine'],
  ])('keeps two particles inside a person name: %s', (text, name) => {
    expect(extract(text).typed).toContainEqual(['person', name]);
  });

  it('reads "a annoncé la nouvelle sur Twitter" as no launch: announcing launches programmes only', () => {
    const launches = extract('La société Dataxo a annoncé la nouvelle sur Twitter mardi.').triples.filter((t) => t[1] === 'launches');
    expect(launches).toEqual([]);
  });

  it('gives a role phrase that runs into another name to that name, not to the apposition before it', () => {
    const text = 'Ont signé le député Paul Durand, la présidente de la Fondation Verdier Claire Martin et Jean Valet.';
    const leads = extract(text).triples.filter((t) => t[1] === 'leads').map((t) => t.slice(0, 3));
    expect(leads).not.toContainEqual(['Paul Durand', 'leads', 'Fondation Verdier']);
    expect(leads).toContainEqual(['Claire Martin', 'leads', 'Fondation Verdier']);
  });

  it.each([
    ["Selon Paul Dupré, directeur de l'Institut américain des maladies infectieuses, tout va bien.", 'Institut américain des maladies infectieuses'],
    ['Le Syndicat des énergies renouvelables a publié un rapport.', 'Syndicat des énergies renouvelables'],
  ])('keeps an adjective the language model lacks at the end of an organisation name: %s', (text, name) => {
    expect(extract(text).typed).toContainEqual(['organization', name]);
  });

  it.each([
    ["Une enquête est en cours, rapporte France Bleu."],
    ["« C'est grave », a déclaré la ministre sur France Inter, le patron de Dataxo a parlé ensuite."],
    ['Selon Paris Match, le couple va se marier.'],
  ])('does not make a person of a medium whose name opens with a country or a place: %s', (text) => {
    expect(extract(text).typed.filter(([type]) => type === 'person').map(([, label]) => label)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(France|Paris) /)]));
  });

  it('does not read a name that starts inside "de la fédération" as an anaphor', () => {
    const text = "Dataxo a perdu son procès. « C'est illusoire », a déclaré Paul Verdier, président de la Confédération nationale du logement (CNL), mardi.";
    const leads = extract(text).triples.filter((t) => t[1] === 'leads').map((t) => t.slice(0, 3));
    expect(leads).toEqual([['Paul Verdier', 'leads', 'Confédération nationale du logement']]);
  });

  it.each([
    ['Selon le directeur de la Sécurité civile Zeyrad Velkassi, le bilan est lourd.', ['person', 'Zeyrad Velkassi']],
    ['Les deux sœurs, originaires de Sainte Marie-Valbonne, ont créé la société.', ['place', 'Sainte Marie-Valbonne']],
    ['Le ministre a parlé vendredi à Brest (Pouldavre) devant les marins.', ['place', 'Pouldavre']],
    ['Le groupe Dataxo a proposé à Bretix une fusion. Bretix étudie le projet.', ['organization', 'Bretix']],
  ])('types a name by its context: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it.each([
    ['Le groupe a supprimé des postes chez SNCX Réseau et SNCX Mobilités.', ['organization', 'SNCX Réseau']],
    ['Le prince Albert II de Valbonne a reçu le ministre.', ['person', 'Albert II de Valbonne']],
    ['Le parc Disney World en Floride a rouvert.', ['place', 'Floride']],
    ['Selon le Parti communiste unitaire, tout va bien.', ['organization', 'Parti communiste unitaire']],
  ])('reads a name whole or cut where it ends: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it('reads a unit named after an acronym as part of it, and a person after an acronym as a person', () => {
    const rel = extract('La SNCX a réorganisé SNCX Réseau. La SNCX grandit.').triples.map((t) => t.slice(0, 3));
    expect(rel).toContainEqual(['SNCX Réseau', 'part_of', 'SNCX']);
    expect(extract("« Je suis inquiet », dit à l'AFP Lawrence Gostin, de l'université.").typed).toContainEqual(['person', 'Lawrence Gostin']);
  });

  it('does not take a dictionary word opening a sentence for a name, unless the text capitalises it elsewhere', () => {
    expect(extract("Epidémie oblige, le défilé n'aura pas lieu. Basket : la saison reprend.").typed).toEqual([]);
    expect(extract('Casino a fermé trois magasins. Le groupe Casino va mieux.').typed).toContainEqual(['organization', 'Casino']);
    expect(extract('Alfa Romeo est toujours convalescent.').typed).toContainEqual(['organization', 'Alfa Romeo']);
  });

  it('does not take the people of a town for a name, and reads "appartenant à X" as no place', () => {
    expect(extract('Partout dans la ville, des Valbonnais ont été blessés.').typed).toEqual([]);
    expect(extract('Le réseau social appartenant à Dataxo a été banni.').typed).toContainEqual(['organization', 'Dataxo']);
  });

  it('keeps a hyphenated Arabic particle in a name and joins the surname to it, and reads "désert de X" as a place', () => {
    const r = extract('« Ils cherchaient de l\'or », explique Hatem al-Nour, directeur des fouilles. « Ils reviendront », dit M. Nour, dans le désert de Bayouda.');
    const person = r.entities.find((e) => e.type === 'person')!;
    expect(person.label).toBe('Hatem al-Nour');
    expect(person.mentions).toHaveLength(2);
    expect(r.typed).toContainEqual(['place', 'Bayouda']);
  });

  it.each([
    ['Il dispose de la plateforme LinkedIn et de Teams.', ['organization', 'LinkedIn']],
    ['Selon Daniel Castro, vice-président de la Information Technology and Innovation Foundation, tout va mal.', ['organization', 'Information Technology and Innovation Foundation']],
    ['La Bank of America a prêté.', ['organization', 'Bank of America']],
  ])('keeps brand and English names whole in a French text: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it.each([
    ["« Nous avons mené 400 opérations », rapporte Qader Fadhel, chirurgien à l'hôpital public al-Karama.", ['person', 'Qader Fadhel']],
    ["L'homme d'affaires turc Inan Kirac y a laissé 50 millions.", ['person', 'Inan Kirac']],
  ])('reads a name with an occupation beside it as a person: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it('reads a town name with a company apposition as the company, not after a preposition', () => {
    expect(extract('Alliance, le distributeur de Lenovo, recrute.').typed).toContainEqual(['organization', 'Alliance']);
    expect(extract('En France, le groupe a recruté 300 personnes.').typed).toContainEqual(['place', 'France']);
    expect(extract('Située au cœur de la ville de Lyon, la société Dataxo recrute.').typed).toContainEqual(['place', 'Lyon']);
  });

  it('does not take a participle opening a quotation for a name', () => {
    expect(extract('« Conduits au poste de police, les ouvriers ont été relâchés », peste un inspecteur.').typed).toEqual([]);
  });

  it('does not take a one-word section heading between dashes for a name', () => {
    expect(extract('Le pays va mal.- Epidémie -Le virus progresse à nouveau.').typed).toEqual([]);
  });

  it('joins a short form to a name that only adds a sector word ("Dataxo Automobiles" / "Dataxo")', () => {
    const r = extract('Le groupe Dataxo Automobiles a proposé une fusion. Mais Dataxo est en retard.');
    const orgs = r.entities.filter((e) => e.type === 'organization');
    expect(orgs).toHaveLength(1);
    expect([orgs[0]!.label, ...orgs[0]!.aliases].sort()).toEqual(['Dataxo', 'Dataxo Automobiles']);
  });

  it('gives a figure in a relative clause to the entity the clause hangs on, not to a place a noun takes as complement', () => {
    const a = extract("« C'est une réussite », se réjouit Paul Girard, directeur de Dataxo, dont la production (220 tonnes en 2020) représente 90% de l'activité.").triples.map((t) => t.slice(0, 3));
    expect(a).toContainEqual(['Dataxo', 'has_figure', '220 tonnes']);
    expect(a).toContainEqual(['Dataxo', 'has_figure', '90%']);
    const b = extract("Le préjudice a été reconnu par la cour d'appel de Valbonne, qui a alloué la somme de 9.000 euros.").triples;
    expect(b.filter((t) => t[1] === 'has_figure' && t[0] === 'Valbonne')).toEqual([]);
    const c = extract("Les ventes atteignent 620 millions d'euros en Bretonnie, dont 340 millions sur prescription.").triples;
    expect(c.filter((t) => t[2] === '340 millions')).toEqual([]);
    // a clause without a comma, or after a bracketed acronym
    const d = extract("La Poste a acquis 75% de la société de conseil Économie d'Énergie (EDE) qui emploie environ 250 salariés.").triples.map((t) => t.slice(0, 3));
    expect(d).toContainEqual(["Économie d'Énergie", 'has_figure', '250 salariés']);
    const e = extract("L'usine a fermé, selon le groupe Dalmo qui emploie 327 salariés dans la région.").triples.map((t) => t.slice(0, 3));
    expect(e).toContainEqual(['Dalmo', 'has_figure', '327 salariés']);
    // "ce dispositif" points back to the programme named last
    const g = extract('Les entreprises ont recours au chômage partiel. Le gouvernement a largement ouvert ce dispositif qui indemnise un salarié à hauteur de 70% du salaire brut.').triples.map((t) => t.slice(0, 3));
    expect(g).toContainEqual(['chômage partiel', 'has_figure', '70%']);
    // a name followed by its own figure does not take the one before it
    const f = extract('Les États-Unis auront environ 100 millions de doses, les Européens 300 millions et la Grande-Bretagne 60 millions.').triples;
    expect(f.filter((t) => t[0] === 'Grande-Bretagne' && t[2] === '300 millions')).toEqual([]);
  });

  it('finds the subject after a fronted phrase, and after a heading that names it too', () => {
    const a = extract("Pour augmenter sa cadence, Dataxo a relocalisé sa production, recruté plus de 50 personnes et investi 3 millions d'euros.").triples.map((t) => t.slice(0, 3));
    expect(a).toContainEqual(['Dataxo', 'has_figure', "3 millions d'euros"]);
    const b = extract('Le marché recule.- Dataxo à la 3e place - Dataxo est devenu jeudi le troisième vendeur du pays, en dépassant les 34.000 ventes.').triples.map((t) => t.slice(0, 3));
    expect(b).toContainEqual(['Dataxo', 'has_figure', '34.000 ventes']);
  });

  it('reads past a relative clause after the subject to find whose figure it is', () => {
    const text = "Dataxo grandit. L'entreprise, qui emploie une trentaine de personnes et en fait travailler vingt autres porteuses de handicap, a réalisé en 2020 un chiffre d'affaires de cinq millions d'euros, en hausse de 55%.";
    const rel = extract(text).triples.map((t) => t.slice(0, 3));
    expect(rel).toContainEqual(['Dataxo', 'has_figure', 'une trentaine de personnes']);
    expect(rel).toContainEqual(['Dataxo', 'has_figure', "cinq millions d'euros"]);
    expect(rel).toContainEqual(['Dataxo', 'has_figure', '55%']);
  });

  it('reads a deputy as working for the organisation, a shareholder as owning it', () => {
    const a = extract('Jeanne Martin, directrice adjointe chez Dataxo, explique.').triples.map((t) => t.slice(0, 3));
    expect(a).toEqual([['Jeanne Martin', 'works_for', 'Dataxo']]);
    const b = extract('Selon Paul Girard, actionnaire principal de Dataxo, tout va bien.').triples.map((t) => t.slice(1, 3));
    expect(b).toEqual([['owns', 'Dataxo']]);
  });

  it('reads the subject of a clause after "que" as the owner of its figures, not a name after "ajoute"', () => {
    const rel = (text: string) => extract(text).triples.filter((t) => t[1] === 'has_figure').map((t) => t.slice(0, 3));
    expect(rel("Il ajoute que l'État table sur un budget de 600 millions d'euros.")).toEqual([['État', 'has_figure', "600 millions d'euros"]]);
    expect(rel('Il rappelle que Dataxo a enregistré une hausse de 10% en un an.')).toEqual([['Dataxo', 'has_figure', '10%']]);
    // who is told is still not the owner
    expect(rel("Il a déclaré à l'AFP que 500 emplois seraient supprimés.")).toEqual([]);
  });

  it('gives a figure in brackets right after a name to that name', () => {
    const rel = extract('Les ventes de Dataxo (-8,7%) et de Norvex (+3%) reculent, celles de la Suède (+ 5,2 %) montent.').triples.filter((t) => t[1] === 'has_figure').map((t) => t.slice(0, 3));
    expect(rel).toEqual([
      ['Dataxo', 'has_figure', '-8,7%'],
      ['Norvex', 'has_figure', '3%'],
      ['Suède', 'has_figure', '5,2 %'],
    ]);
  });

  it("gives a share of one of an entity's things to that entity", () => {
    const rel = (text: string) => extract(text).triples.filter((t) => t[1] === 'has_figure').map((t) => t.slice(0, 3));
    expect(rel("Quelque 70% de l'activité de Dataxo provient de l'export.")).toEqual([['Dataxo', 'has_figure', '70%']]);
    expect(rel('Le syndicat a obtenu la reprise de 125 des 193 postes du siège de Norvex.')).toContainEqual(['Norvex', 'has_figure', '193 postes']);
    // a place there is where the organisation of the sentence acts
    expect(rel('Dataxo a annoncé le départ de 177 personnes du site de Lyon.')).toEqual([['Dataxo', 'has_figure', '177 personnes']]);
  });

  it('reads the head of a department as working for the organisation, not leading it', () => {
    const triples = (text: string) => extract(text).triples.map((t) => t.slice(0, 3));
    expect(triples('Jeanne Martin, directrice marketing de Dataxo, explique.')).toEqual([['Jeanne Martin', 'works_for', 'Dataxo']]);
    expect(triples('Paul Girard, directeur des ressources humaines du groupe Norvex, explique.')).toEqual([['Paul Girard', 'works_for', 'Norvex']]);
    expect(triples('Paul Girard, director of marketing at Norvex, said.')).toEqual([['Paul Girard', 'works_for', 'Norvex']]);
    // the words that describe the organisation are not the title's
    expect(triples("Paul Girard, président de l'institut de recherche Norvex, explique.")).toEqual([['Paul Girard', 'leads', 'Norvex']]);
    expect(triples('Jeanne Martin, directrice générale de Dataxo, explique.')).toEqual([['Jeanne Martin', 'leads', 'Dataxo']]);
  });

  it('does not give a role phrase to a name coordinated after it', () => {
    for (const text of ['Le président du groupe Les Verts à la mairie et Jean Dupont ont parlé.', 'Le président du groupe Les Verts au Sénat et Jean Dupont ont parlé.']) {
      expect(extract(text).triples.filter((t) => t[1] === 'leads')).toEqual([]);
    }
  });

  it.each([
    ['Le texte a été voté par le Sénat mardi.', ['organization', 'Sénat']],
    ['The bill passed the Senate on Monday.', ['organization', 'Senate']],
  ])('reads a lone capitalised institution as an organisation: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it.each([
    ["Dataxo organisera un événement. Certains prêtent aussi à Dataxo l'intention de sortir trois modèles.", ['organization', 'Dataxo']],
    ['Norvex ouvre un site. Les clients reprochent à Norvex ses délais.', ['organization', 'Norvex']],
  ])('reads "à X" after a verb of giving or lending, in the plural too, as who receives: %s', (text, expected) => {
    expect(extract(text).typed).toContainEqual(expected);
  });

  it('does not give a figure to who reports it', () => {
    const rel = extract("« On sera à -10 % de croissance », a déclaré Paul Martin sur Radio Bretix. Selon Dataxo, le marché a reculé de 12%.").triples;
    expect(rel.filter((t) => t[1] === 'has_figure')).toEqual([]);
    const agency = extract("Le responsable d'une boutique a déclaré à l'AFP que ses ventes avaient augmenté de 70%. Un bilan a été établi par l'AFP.Avec 198.469 décès, le pays souffre.").triples;
    expect(agency.filter((t) => t[1] === 'has_figure')).toEqual([]);
  });

  it('reads "Leeds-based Acme Corp" as a company located in a place', () => {
    expect(extract('Leeds-based Acme Corp said profits rose.').triples.map((t) => t.slice(0, 3))).toContainEqual(['Acme Corp', 'located_in', 'Leeds']);
  });

  it('reads an English possessive as no part of the name', () => {
    const { typed, triples } = extract("Acme Bank's economist John Smith said prices would rise.");
    expect(typed).toContainEqual(['organization', 'Acme Bank']);
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['John Smith', 'works_for', 'Acme Bank']);
  });

  it('reads "la société" as the organisation the previous sentence was about', () => {
    const { triples } = extract("Dataxo a été très réactif. La société s'est alors entendue avec Bretix pour aider son réseau.");
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual(['Dataxo', 'partners_with', 'Bretix']);
  });
});

describe('relation rules', () => {
  const all = [
    ...((rulesFr as unknown as RulesFile).rules ?? []),
    ...((rulesEn as unknown as RulesFile).rules ?? []),
  ];
  it('every rule has a unique id and compiles', () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getEngine('fr').rules.length).toBeGreaterThan(20);
    expect(getEngine('en').rules.length).toBeGreaterThan(15);
  });

  const examples = all.flatMap((rule) =>
    (rule.examples ?? []).filter(([, s, t]) => s && t).map(([sentence, source, target]) => [rule.id, sentence, source, target, rule.relation] as const),
  );
  it.each(examples)('%s: %s', (_id, sentence, source, target, relation) => {
    const { triples } = extract(sentence);
    expect(triples.map((t) => t.slice(0, 3))).toContainEqual([source, relation, target]);
  });

  // a dependency pattern's examples must produce its link through that very pattern (one that can never match fails here)
  const dependencyExamples = all
    .filter((rule) => rule.dep)
    .flatMap((rule) => (rule.examples ?? []).map(([sentence, source, target]) => [rule.id, sentence, source, target, rule.relation] as const));
  it('has dependency patterns with examples', () => {
    expect(getEngine('fr').dependencyRules.length).toBe(all.filter((rule) => rule.dep && rule.id.startsWith('fr.')).length);
    expect(dependencyExamples.length).toBeGreaterThan(30);
  });
  it.each(dependencyExamples)('%s: %s', (id, sentence, source, target, relation) => {
    const { triples } = extract(sentence);
    expect(triples).toContainEqual([source, relation, target, id]);
  });

  it('rejects a user rule with an unknown relation, naming the file and rule', () => {
    const bad = { file: 'mine.json', content: { rules: [{ id: 'x', relation: 'likes', pattern: '$s:person aime $t:organization' }] } as unknown as RulesFile };
    expect(() => getEngine('fr', [bad])).toThrow(InputError);
    expect(() => getEngine('fr', [bad])).toThrow(/mine\.json: rule "x": unknown relation "likes"/);
  });

  it('applies a user rule and its lexicon entries', () => {
    const mine = {
      file: 'mine.json',
      content: { rules: [{ id: 'user.funds.parraine', relation: 'funds', pattern: '$s:organization parraine @det? *2 $t:organization' }] } as RulesFile,
    };
    const r = extractDocument({ id: 't.txt', text: 'La société Dataxo parraine la société Bretix depuis longtemps.' }, { rules: [mine] });
    const label = new Map(r.entities.map((e) => [e.id, e.label]));
    expect(r.relations.map((x) => [label.get(x.source), x.relation, label.get(x.target), x.pattern])).toContainEqual(['Dataxo', 'funds', 'Bretix', 'user.funds.parraine']);
  });

  it('links entities sharing a sentence with co_occurs when no typed relation holds', () => {
    const r = extractDocument({ id: 't.txt', text: 'Paul Martin a rencontré des élus à Lyon et à Grenoble.' });
    expect(r.relations.filter((x) => x.relation === 'co_occurs').length).toBeGreaterThan(0);
    for (const x of r.relations) expect(x.evidence.end).toBeGreaterThan(x.evidence.start);
  });
});
