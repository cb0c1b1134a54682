import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { parseNumber } from '../src/extract/figures.ts';

describe('parseNumber', () => {
  it.each([
    ['5.000', 'fr', 5000],
    ['5 000', 'fr', 5000],
    ['5,8', 'fr', 5.8],
    ['10.000', 'fr', 10000],
    ['1.234.567', 'fr', 1234567],
    ['3.5', 'fr', 3.5],
    ['5,000', 'en', 5000],
    ['3.2', 'en', 3.2],
    ['1,234,567.5', 'en', 1234567.5],
  ] as const)('%s (%s) → %d', (text, lang, value) => {
    expect(parseNumber(text, lang)).toBe(value);
  });

  it('rejects what is not a number', () => {
    expect(parseNumber('abc', 'fr')).toBeNaN();
    expect(parseNumber('1.2.3', 'fr')).toBeNaN();
  });
});

function figures(text: string) {
  return extractDocument({ id: 't.txt', text })
    .entities.filter((e) => e.type === 'figure')
    .map((e) => ({ value: e.value, value_max: e.value_max, unit: e.unit }));
}

describe('figures in text', () => {
  it.each([
    ['La société a levé 5.000 euros auprès de ses clients.', { value: 5000, value_max: undefined, unit: 'EUR' }],
    ['Le chiffre atteint 5 000 euros cette année pour la société.', { value: 5000, value_max: undefined, unit: 'EUR' }],
    ["L'État débloque 5,8 millions d'euros pour la filière.", { value: 5_800_000, value_max: undefined, unit: 'EUR' }],
    ["Le plan coûtera cinq milliards d'euros à l'État.", { value: 5_000_000_000, value_max: undefined, unit: 'EUR' }],
    ['Aujourd’hui entre 900 et 1.000 revendeurs sont concernés par la mesure.', { value: 900, value_max: 1000, unit: 'revendeurs' }],
    ['Selon le sondage, 54 % des patrons sont inquiets pour la suite.', { value: 54, value_max: undefined, unit: '%' }],
    ['The company paid $3.2bn for the stake and the deal closed.', { value: 3_200_000_000, value_max: undefined, unit: 'USD' }],
    ['Le site compte 2.000 m 2 de salles et une équipe réduite.', { value: 2000, value_max: undefined, unit: 'm2' }],
    ['La centrale produit 5 MW de courant pour la ville.', { value: 5, value_max: undefined, unit: 'MW' }],
    ["L'étude porte sur 285 clients interrogés par le cabinet.", { value: 285, value_max: undefined, unit: 'clients' }],
    ["Le chantier coûtera un milliard d'euros à la région.", { value: 1_000_000_000, value_max: undefined, unit: 'EUR' }],
    ["Les pertes devraient approcher le milliard d'euros cette année.", { value: 1_000_000_000, value_max: undefined, unit: 'EUR' }],
    ['La suppression de 12 000 emplois sur les 63 000 que compte le groupe.', { value: 63_000, value_max: undefined, unit: 'emplois' }],
    ['Il ne reste que le semi-rigide de 140 CV au port.', { value: 140, value_max: undefined, unit: 'CV' }],
    ["L'entreprise emploie une trentaine de personnes dans son usine.", { value: 30, value_max: undefined, unit: 'personnes' }],
    ["La console coûte une soixantaine d'euros en magasin.", { value: 60, value_max: undefined, unit: 'EUR' }],
    ['Il prévoit que la croissance sera à -10 % cette année.', { value: -10, value_max: undefined, unit: '%' }],
    ["L'accident a fait 31 morts et 4.000 blessés dans la ville.", { value: 31, value_max: undefined, unit: 'morts' }],
    ['Le budget sera porté à 34,2 milliards en 2025.', { value: 34_200_000_000, value_max: undefined, unit: undefined }],
    ["L'État versera 1,1 million d'euros à la commune.", { value: 1_100_000, value_max: undefined, unit: 'EUR' }],
    ['Le litre augmente de 2 centimes cette semaine.', { value: 0.02, value_max: undefined, unit: 'EUR' }],
    ['The firm hired 3,000 engineers last year, the company said.', { value: 3000, value_max: undefined, unit: 'engineers' }],
    ['The company employs 160,000 people around the world.', { value: 160_000, value_max: undefined, unit: 'people' }],
    ['Le litre augmente de 5 à 10 centimes cette semaine.', { value: 0.05, value_max: 0.1, unit: 'EUR' }],
    ['Le plan prévoit -2.000 postes en trois ans.', { value: -2000, value_max: undefined, unit: 'postes' }],
    ['Les aides : - 5 000 euros pour les artisans.', { value: 5000, value_max: undefined, unit: 'EUR' }],
    ["L'institut prévoit une profonde récession cette année (-8,7%).", { value: -8.7, value_max: undefined, unit: '%' }],
    // counted nouns that are also verb or adjective forms
    ['Le sommet réunissait plus de 50 pays et 35 chefs de gouvernement.', { value: 50, value_max: undefined, unit: 'pays' }],
    ['Sur 125 produits relevés, beaucoup affichaient des prix erronés.', { value: 125, value_max: undefined, unit: 'produits' }],
  ])('%s', (text, expected) => {
    expect(figures(text)).toContainEqual(expected);
  });

  it.each([
    ['La crise liée à la Covid-19 a frappé le pays en 2020.'],
    ['Les faits remontent au 23 mars 2020 selon le parquet.'],
    ['Voir page 53 du numéro 993 pour les détails.'],
    ['Les deux entités ont uni leurs forces cette année.'],
    ['La loi de programmation 2019-2025 sera présentée.'],
  ])('finds no figure in %s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('reads a number with a leading zero after a count as a code, not as more of the count', () => {
    expect(figures('Alerte rouge dans 20 départements : Aisne (02), Aube (10) et Paris (75).')).toEqual([{ value: 20, value_max: undefined, unit: 'départements' }]);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Le coût atteint 5.000 euros pour la société.';
    const fig = extractDocument({ id: 't.txt', text }).entities.find((e) => e.type === 'figure')!;
    const m = fig.mentions[0]!;
    expect(text.slice(m.start, m.end)).toBe('5.000 euros');
  });
});
