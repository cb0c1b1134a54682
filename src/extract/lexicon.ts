import frNlp from './fr-nlp.js';
import enNlp from 'compromise';
import countries from 'i18n-iso-countries';
import countriesFr from 'i18n-iso-countries/langs/fr.json';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import lexiconFr from './data/lexicon.fr.json';
import lexiconEn from './data/lexicon.en.json';
import firstNamesData from './data/first-names.json';
import citiesData from './data/cities.json';
import frenchWords from 'an-array-of-french-words/index.json';
import { foldAccents, normWord } from './tokenize.ts';
import type { Lang } from './types.ts';

/** The word lists of a lexicon data file (`src/extract/data/lexicon.<lang>.json`). */
export interface LexiconData {
  honorifics: string[];
  leaderTitles: string[];
  workTitles: string[];
  /** Words that make a leader's title a deputy's: "directrice adjointe" works for, does not lead. */
  deputyWords: string[];
  /** Words that make a leader's title a department head's: "directeur marketing", "directrice de la communication" works for, does not lead. */
  departmentWords: string[];
  /** Occupations and kin words that, in an apposition, make a name a person's: "Qader Fadhel, chirurgien à …". */
  professions: string[];
  founderTitles: string[];
  orgHeads: string[];
  /** Institution heads that name one institution when capitalised alone: "le Sénat", "the Senate". */
  soleInstitutions: string[];
  orgSuffixes: string[];
  facilityNouns: string[];
  /** First words that make a capitalised name a place: "Saint Quay-Portrieux", "San Diego". */
  placeOpeners: string[];
  placeHeads: string[];
  placeAdjectives: string[];
  /** Endings of adjectives the language model may not know, read as adjectives only inside organisation names. */
  adjectiveEndings: string[];
  programmeHeads: string[];
  programmeNamedHeads: string[];
  programmeBareHeads: string[];
  programmeGenericComplements: string[];
  launchableNouns: string[];
  determiners: string[];
  nameConnectors: string[];
  personParticles: string[];
  commonAcronyms: string[];
  nonEntities: string[];
  commonWords: string[];
  speechVerbs: string[];
  personOnlySpeechVerbs: string[];
  /** Verbs whose "à" names a recipient, not a place: "a proposé à X", "vendu à X". */
  dativeVerbs: string[];
  placePrepositions: string[];
  orgContextBefore: string[];
  personContextBefore: string[];
  firstPerson: string[];
  possessives: string[];
  orgAnaphors: string[];
  groupAnaphors: string[];
  firstNamesExtra: string[];
  placesExtra: string[];
  orgsExtra: string[];
  distributorNouns: string[];
  productContextBefore: string[];
  demonyms: string[];
  placeOfNouns: string[];
  streetHeads: string[];
  programmeAdjectiveStop: string[];
  lowerOrgHeads: string[];
  transparentWords: string[];
  /** Offices and party roles before a party's acronym: "maire LR", "député PS" (member, not leader). */
  electedTitles: string[];
  /**
   * A title and the institution it heads, "title=institution": "ministre=ministère" lets "la ministre
   * du Travail, X" name the "ministère du Travail" of the same text.
   */
  titleInstitutions: string[];
  /** Heads that name the management of the organisation after them, which is that organisation: "la direction d'Air France". */
  managementHeads: string[];
  /** Noun phrases that point back to the programme named last: "ce dispositif", "cette mesure". */
  programmeAnaphors: string[];
}

export type LexiconKey = keyof LexiconData;

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Word lists compiled for lookup. Every entry is normalised (lower case, no
 * accents); multi-word entries are kept as phrases, looked up token by token.
 */
export class Lexicon {
  readonly lang: Lang;
  private readonly sets = new Map<LexiconKey, Set<string>>();
  /** Phrase lists: first word → phrases (as word arrays), longest first. */
  private readonly phrases = new Map<LexiconKey, Map<string, string[][]>>();
  readonly firstNames = new Set<string>();
  /** Given names of many locales, lower case with their accents. */
  readonly givenNames = new Set<string>();
  /** Every given name of the list, normalised, also those that are places ("Florence", "Malte"). */
  readonly anyGivenNames = new Set<string>();
  readonly lastNames = new Set<string>();
  readonly places = new Set<string>();
  readonly countries = new Set<string>();
  readonly orgs = new Set<string>();
  /** Nationality words ("French", "Européens"): never names on their own. */
  readonly demonyms = new Set<string>();
  /** Words the language model knows only as verb forms. */
  readonly verbs = new Set<string>();
  /** Adjectives the language model knows. */
  readonly adjectives = new Set<string>();
  /** First words of the multi-word places and organisations. */
  readonly multiwordFirst = new Set<string>();
  /** Words the language model knows as verbs, adjectives, adverbs, function words. */
  readonly knownWords = new Set<string>();
  private dictionary: Set<string> | undefined;

  /**
   * Whether a word is in the language's dictionary (French: an-array-of-french-words, ~336,000
   * common words and their forms; no proper names). Built on first use.
   */
  isDictionaryWord(w: string): boolean {
    if (this.lang !== 'fr') return false;
    if (!this.dictionary) {
      this.dictionary = new Set();
      // normalised as normWord does, without filling its cache with 336,000 words the texts rarely use
      for (const word of frenchWords as string[]) if (!/['’]/.test(word)) this.dictionary.add(foldAccents(word.toLowerCase()));
    }
    return this.dictionary.has(w);
  }

  /** Title phrase (normalised words) → the institution's head word as written ("ministre" → "ministère"). */
  readonly titleInstitutions = new Map<string, string>();

  constructor(lang: Lang, data: LexiconData) {
    this.lang = lang;
    for (const [key, list] of Object.entries(data) as [LexiconKey, unknown][]) {
      if (Array.isArray(list)) this.add(key, list as string[]);
    }
    this.loadLanguageModel(lang);
    for (const w of data.firstNamesExtra) this.firstNames.add(normWord(w));
    // cities of the world, except those that are also common words of the language ("Orange", "Nice" in English)
    for (const name of citiesData.cities) {
      const w = normWord(name);
      if (this.knownWords.has(w) || this.has('commonWords', w) || this.has('nonEntities', w) || this.demonyms.has(w) || this.orgs.has(w)) continue;
      this.places.add(w);
    }
    for (const name of [...this.places, ...this.orgs]) {
      const space = name.indexOf(' ');
      if (space > 0) this.multiwordFirst.add(name.slice(0, space));
    }
    // given names of many locales, except those that are also places or common words
    // (kept with their accents: "Sante" is a name, "Santé" is not)
    for (const name of firstNamesData.names) {
      const w = normWord(name);
      this.anyGivenNames.add(w);
      if (this.places.has(w) || this.countries.has(w) || this.orgs.has(w) || this.has('commonWords', w) || this.has('nonEntities', w)) continue;
      this.givenNames.add(name.toLowerCase());
    }
  }

  /** Adds entries to a list (used for user rule files too). */
  add(key: LexiconKey, words: string[]): void {
    if (key === 'titleInstitutions') {
      // "title=institution": the titles are a phrase list like the others (matchPhrase), the pairs a map
      const titles: string[] = [];
      for (const entry of words) {
        const [title, institution] = entry.split('=');
        if (!title?.trim() || !institution?.trim()) continue;
        this.titleInstitutions.set(splitPhrase(normWord(title).trim()).join(' '), institution.trim());
        titles.push(title);
      }
      words = titles;
    }
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set()));
    let phrases = this.phrases.get(key);
    if (!phrases) this.phrases.set(key, (phrases = new Map()));
    for (const raw of words) {
      const w = normWord(raw).trim();
      if (!w) continue;
      set.add(w);
      const parts = splitPhrase(w);
      const list = phrases.get(parts[0]!) ?? [];
      list.push(parts);
      list.sort((a, b) => b.length - a.length);
      phrases.set(parts[0]!, list);
    }
    if (key === 'firstNamesExtra') for (const w of words) this.firstNames.add(normWord(w));
    for (const raw of words) {
      const w = normWord(raw);
      if (key === 'placesExtra') this.places.add(w);
      else if (key === 'orgsExtra') this.orgs.add(w);
      else if (key === 'demonyms') this.demonyms.add(w);
      else continue;
      const space = w.indexOf(' ');
      if (space > 0) this.multiwordFirst.add(w.slice(0, space));
    }
  }

  /** The first words of the phrases of a list. */
  firstWords(key: LexiconKey): Set<string> {
    return new Set(this.phrases.get(key)?.keys() ?? []);
  }

  has(key: LexiconKey, word: string): boolean {
    return this.sets.get(key)?.has(word) ?? false;
  }

  /** The entries of a list. */
  list(key: LexiconKey): ReadonlySet<string> {
    return this.sets.get(key) ?? EMPTY;
  }

  /**
   * Longest phrase of the list that starts at `words[at]`; returns its length in
   * words, or 0. `words` are normalised tokens.
   */
  matchPhrase(key: LexiconKey, words: readonly string[], at: number): number {
    const index = this.phrases.get(key);
    return index ? matchInIndex(index, words, at) : 0;
  }

  /**
   * The phrase index of a list (first word → phrases), for a caller that matches the same list
   * often: compiled rules keep it and call `matchInIndex`. Later additions to the list show in it.
   */
  phraseIndex(key: LexiconKey): ReadonlyMap<string, string[][]> {
    let index = this.phrases.get(key);
    if (!index) this.phrases.set(key, (index = new Map()));
    return index;
  }

  /** A title of `titleInstitutions` at words[at] ("la ministre du Travail"): its length and the institution's head word. */
  titleInstitutionAt(words: readonly string[], at: number): { length: number; institution: string } | undefined {
    const length = this.matchPhrase('titleInstitutions', words, at);
    return length > 0 ? { length, institution: this.titleInstitutions.get(words.slice(at, at + length).join(' '))! } : undefined;
  }

  /** `word` is normalised; `text`, the token as written, also lets the accent-exact given names answer. */
  isFirstName(word: string, text?: string): boolean {
    if (this.firstNames.has(word)) return true;
    const lower = text?.toLowerCase();
    if (lower !== undefined && this.givenNames.has(lower)) return true;
    // compound first names: "jean-christophe", "marie-laure"
    if (!word.includes('-')) return false;
    const parts = word.split('-');
    const rawParts = lower?.split('-');
    return parts.every((p, k) => this.firstNames.has(p) || (rawParts !== undefined && this.givenNames.has(rawParts[k]!)));
  }

  private firstNameDeletions?: Set<string>;
  private firstNameNorms?: Set<string>;

  /**
   * A spelling one letter away from a first name of six letters or more ("Sibyle" for "Sibylle",
   * "Micheal" is not caught): only asked where a role already says a person's name follows.
   */
  isFirstNameVariant(word: string): boolean {
    if (word.length < 5 || word.includes('-')) return false;
    if (!this.firstNameDeletions || !this.firstNameNorms) {
      this.firstNameNorms = new Set(this.firstNames);
      for (const g of this.givenNames) this.firstNameNorms.add(normWord(g));
      this.firstNameDeletions = new Set();
      for (const f of this.firstNameNorms) if (f.length >= 6 && !f.includes('-') && !f.includes(' ')) for (let k = 0; k < f.length; k++) this.firstNameDeletions.add(f.slice(0, k) + f.slice(k + 1));
    }
    if (this.firstNameDeletions.has(word)) return true;
    for (let k = 0; k < word.length; k++) if (word.length > 5 && this.firstNameNorms.has(word.slice(0, k) + word.slice(k + 1))) return true;
    return false;
  }

  /** Draws first names, places, countries, organisations and known words from compromise / fr-compromise. */
  private loadLanguageModel(lang: Lang): void {
    const nlp = lang === 'fr' ? frNlp : enNlp;
    const lexiconOf = (x: unknown) => (x as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
    const lexicon = lexiconOf(nlp);
    // first names are international: take the other language's too
    for (const [word, tagValue] of Object.entries(lexiconOf(lang === 'fr' ? enNlp : frNlp))) {
      const tags = Array.isArray(tagValue) ? tagValue : [tagValue];
      if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) this.firstNames.add(normWord(word));
    }
    for (const [word, tagValue] of Object.entries(lexicon)) {
      const tags = Array.isArray(tagValue) ? tagValue : [tagValue];
      const w = normWord(word);
      if (tags.includes('Abbreviation')) continue;
      if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) this.firstNames.add(w);
      else if (tags.includes('LastName')) this.lastNames.add(w);
      else if (tags.includes('Country')) {
        this.countries.add(w);
        this.places.add(w);
      } else if (tags.some((t) => t === 'City' || t === 'Region' || t === 'Place')) this.places.add(w);
      else if (tags.some((t) => t === 'Organization' || t === 'SportsTeam')) this.orgs.add(w);
      else if (tags.includes('Demonym')) this.demonyms.add(w);
      else if (!tags.some((t) => t === 'ProperNoun' || t === 'Person')) {
        this.knownWords.add(w);
        if (tags.some((t) => t.endsWith('Adjective'))) this.adjectives.add(w);
        const noun = tags.some((t) => t.endsWith('Noun') || t === 'Uncountable' || t === 'Singular' || t === 'Plural');
        if (!noun && tags.some((t) => /Verb|Tense|Infinitive|Gerund|Participle|Person/.test(t))) this.verbs.add(w);
      }
    }
    countries.registerLocale(countriesFr);
    countries.registerLocale(countriesEn);
    for (const locale of ['fr', 'en']) {
      for (const names of Object.values(countries.getNames(locale, { select: 'all' }))) {
        for (const name of names as string[]) {
          const w = normWord(name);
          this.countries.add(w);
          this.places.add(w);
        }
      }
    }
  }
}

/** Splits a normalised phrase into the words the tokenizer would produce ("l'etat" → ["l'", "etat"]). */
export function splitPhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/\s+/)) {
    const m = /^(l|d|qu|n|s|c|j|m|t|jusqu|lorsqu|puisqu)'(.+)$/.exec(part);
    if (m) out.push(`${m[1]}'`, m[2]!);
    else if (part) out.push(part);
  }
  return out;
}

const cache = new Map<Lang, Lexicon>();

/** The built-in lexicon of a language (built once, then shared). */
export function getLexicon(lang: Lang): Lexicon {
  let lexicon = cache.get(lang);
  if (!lexicon) {
    lexicon = new Lexicon(lang, (lang === 'fr' ? lexiconFr : lexiconEn) as unknown as LexiconData);
    cache.set(lang, lexicon);
  }
  return lexicon;
}

/** Longest phrase of a phrase index that starts at `words[at]`: its length in words, or 0. */
export function matchInIndex(index: ReadonlyMap<string, string[][]>, words: readonly string[], at: number): number {
  const candidates = index.get(words[at] ?? '');
  if (!candidates) return 0;
  for (const phrase of candidates) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (words[at + k] !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase.length;
  }
  return 0;
}
