import type { SentenceParse } from './syntax/sentence-parse.ts';
import { findElliptic, findFigures, isCurrencyWord, isScaleWord } from './figures.ts';
import type { Lexicon } from './lexicon.ts';
import type { Sentence, Token } from './tokenize.ts';
import type { EntityType } from './types.ts';

/** One occurrence of an entity in the cleaned text, as a token range. */
export interface MentionSpan {
  from: number;
  to: number;
  sentence: number;
  type: EntityType;
  /** Surface text (cleaned). */
  text: string;
  /** Why the type was chosen (rule name), kept for debugging and tests. */
  reason: string;
  /** An alias the mention also answers to ("Atlas" for "programme Atlas"). */
  alias?: string;
  value?: number;
  value_max?: number;
  unit?: string;
  /** Preceded by an honorific ("M. Durand"). */
  honorific?: boolean;
}

/**
 * A mention with every field present, in one order: all mentions then share one object
 * shape, and the code that reads them stays optimised (mixed shapes made V8 drop and
 * recompile the large extraction functions over and over).
 */
export function makeMention(from: number, to: number, sentence: number, type: EntityType, text: string, reason: string, extra?: Pick<MentionSpan, 'alias' | 'value' | 'value_max' | 'unit'>): MentionSpan {
  return { from, to, sentence, type, text, reason, alias: extra?.alias, value: extra?.value, value_max: extra?.value_max, unit: extra?.unit, honorific: undefined };
}

export interface DocContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lexicon: Lexicon;
  /** Lower-case words seen in the document (to tell "Accompagnement" from a name). */
  lowerWords: Set<string>;
  /** Words written with a capital after another word of the sentence (names, not sentence openers). */
  midCaps?: Set<string>;
  /** Pairs of capitalised words ("action logement") seen inside a sentence, not at its start. */
  capPairs?: Set<string>;
  /** Acronyms the document defines as common nouns ("rupture conventionnelle collective (RCC)"): no names. */
  commonAcronyms?: Set<string>;
  /** Normalised token texts, parallel to tokens. */
  norms: string[];
  /** Parses of the sentences the relation step reads (those with a mention, and those of interview turns), by sentence index. */
  parses?: Map<number, SentenceParse>;
}

/**
 * "France Bleu", "Europe 1", "Paris Match": a name that opens with a country, or with a place that is no
 * first name, is a medium or a body when a statement is attributed to it, not a person.
 */
function placeLed(ctx: DocContext, from: number, to: number): boolean {
  const { lexicon: lx, norms, tokens } = ctx;
  if (to - from < 2) return false;
  const first = norms[from]!;
  // a country opens a person's name only as a common first name ("Jordan"; not "France", rare as one)
  if (lx.countries.has(first)) return !lx.isFirstName(first, tokens[from]!.text);
  return lx.places.has(first) && !lx.anyGivenNames.has(first);
}

/** "infectieuses", "renouvelables": adjectives the language model lacks, known by their ending (not verb forms). */
function hasAdjectiveEnding(lx: DocContext['lexicon'], word: string): boolean {
  if (word.length < 6 || lx.verbs.has(word)) return false;
  for (const ending of lx.list('adjectiveEndings')) if (word.endsWith(ending)) return true;
  return false;
}

const DEMONYM_SHAPE = /(?:ais|aise|aises|ois|oise|oises|ien|iens|ienne|iennes|ain|ains|aine|aines|and|ands|ande|andes|ol|ols|ole|oles|een|eens|eenne|eennes|an|ans|ane|anes|ite|ites|in|ins|ine|ines)$/;

const OPENERS = new Set(['«', '"', '“', '(', ':', '-', '–', '—', '◆', '•', '*', '[', '/', '|']);

export function spanText(ctx: DocContext, from: number, to: number): string {
  return ctx.text.slice(ctx.tokens[from]!.start, ctx.tokens[to - 1]!.end);
}

/** Position where a capital letter says nothing: sentence start or after an opening quote/colon. */
function isInitialPosition(ctx: DocContext, i: number, sentenceFrom: number): boolean {
  if (i === sentenceFrom) return true;
  const prev = ctx.tokens[i - 1]!;
  return prev.kind === 'punct' && OPENERS.has(prev.text);
}

/** A surname opening with a hyphenated Arabic particle: "al-Nour", "ben-Ali"; group 1 is the name after it. */
export const HYPHEN_PARTICLE = /^(?:al|el|ad|ar|as|at|ash|an|az|ibn|bin|ben|abu|abou|abd)-(\p{Lu}.*)$/u;

const DASHES = new Set(['-', '–', '—']);

/** The token is a heading of one word between dashes: "- Epidémie -". */
function isDashHeading(ctx: DocContext, i: number): boolean {
  const prev = ctx.tokens[i - 1];
  const next = ctx.tokens[i + 1];
  return !!prev && !!next && DASHES.has(prev.text) && DASHES.has(next.text);
}

const NOT_KINDS_OF_COMPANY = new Set(['site', 'client', 'titre', 'leader', 'specialiste', 'partenaire', 'fournisseur', 'chez']);

/** Token k is a comma opening an apposition that names a kind of company: ", le distributeur de …", ", l'opérateur". */
function orgApposition(ctx: DocContext, k: number): boolean {
  const { tokens, lexicon: lx } = ctx;
  if (tokens[k]?.text !== ',' || !['le', 'la', "l'", 'un', 'une', 'the', 'a', 'an'].includes(tokens[k + 1]?.norm ?? '')) return false;
  const noun = tokens[k + 2];
  // (not ", la société Dataxo recrute": a name after the noun is another entity)
  const after = tokens[k + 3];
  const introducesName = !!after && after.cap && after.kind === 'word';
  return !!noun && noun.kind === 'word' && !noun.cap && !introducesName && (lx.has('orgContextBefore', noun.norm) || lx.has('distributorNouns', noun.norm)) && !NOT_KINDS_OF_COMPANY.has(noun.norm);
}

/** Whether a capitalised token can be part of a name. */
function isNameToken(ctx: DocContext, i: number, sentenceFrom: number, allUpperRun: boolean): boolean {
  const t = ctx.tokens[i]!;
  const lx = ctx.lexicon;
  if (t.kind !== 'word' || !t.cap) return false;
  const w = t.norm;
  if (w.length === 1 && !t.upper) return false;
  if (/['’]$/.test(t.text)) return false;
  if (/^\p{Lu}$/u.test(t.text) && ctx.tokens[i + 1]?.text === '.') return false; // "M." initial or title
  // news agencies are credits ("Photo AFP"), but names after an article: "selon l'AFP", "à l'AFP"
  if ((lx.has('nonEntities', w) && !(t.upper && lx.orgs.has(w) && ctx.norms[i - 1] === "l'")) || lx.has('determiners', w)) return false;
  // (but "Marie Durand (PS)": in brackets right after a name, an acronym names a party or an employer)
  const bracketedAfterName = ctx.tokens[i - 1]?.text === '(' && ctx.tokens[i + 1]?.text === ')' && ctx.tokens[i - 2]?.cap === true && ctx.tokens[i - 2]!.kind === 'word' && !ctx.tokens[i - 2]!.upper;
  if (t.upper && (lx.has('commonAcronyms', w) || ctx.commonAcronyms?.has(w)) && !bracketedAfterName) return false;
  // … also written as a word: "le Smic", "les Ehpad" (not inside a longer name: "Google Cloud")
  if (!t.upper && w.length >= 4 && lx.has('commonAcronyms', w) && !(ctx.tokens[i - 1]?.cap && ctx.tokens[i - 1]!.kind === 'word' && !lx.has('determiners', ctx.norms[i - 1]!)) && !(ctx.tokens[i + 1]?.cap && ctx.tokens[i + 1]!.kind === 'word')) return false;
  if (lx.has('honorifics', w) && (ctx.tokens[i + 1]?.text === '.' || ctx.tokens[i + 1]?.cap)) return false;
  const known = lx.places.has(w) || lx.orgs.has(w) || lx.isFirstName(w, t.text);
  if (allUpperRun) return known;
  // nationalities and demonyms are not names: "Français", "Allemands", "European"
  const nextCap = ctx.tokens[i + 1]?.cap === true && ctx.tokens[i + 1]?.kind === 'word';
  // … also a plural of that shape after "des", "les", "aux" that no dictionary knows: "des Beyrouthins"
  const pluralDemonym = /s$/.test(w) && ['des', 'les', 'aux'].includes(ctx.norms[i - 1] ?? '') && DEMONYM_SHAPE.test(w) && !lx.isDictionaryWord(w) && lx.lang === 'fr';
  if (!nextCap && !lx.places.has(w) && !lx.orgs.has(w) && (lx.demonyms.has(w) || ((lx.knownWords.has(w) || pluralDemonym) && !lx.isFirstName(w, t.text) && DEMONYM_SHAPE.test(w)))) return false;
  // spelled numbers: "Vingt-cinq exemplaires"
  // (but inside a sentence, before another capitalised word, it opens a name: "le groupe Nine Entertainment")
  if (w.split('-').every((part) => SPELLED_NUMBERS.has(part)) && !(nextCap && !isInitialPosition(ctx, i, sentenceFrom))) return false;
  if (lx.has('commonWords', w) && !known) return false;
  // "Orange et Bouygues Telecom ont …": a capitalised word in a list of names is a name
  const listed = (ctx.norms[i + 1] === 'et' || ctx.norms[i + 1] === 'and' || ctx.norms[i + 1] === '&') && ctx.tokens[i + 2]?.cap === true && ctx.tokens[i + 2]?.kind === 'word' && !lx.has('determiners', ctx.norms[i + 2]!);
  const seenInside = ctx.tokens[i + 1]?.cap === true && ctx.capPairs?.has(`${w} ${ctx.norms[i + 1]}`) === true;
  // a one-word section heading between dashes, "- Epidémie -", "- Basket -", is a common word
  if (!known && !t.upper && isDashHeading(ctx, i)) return false;
  if (isInitialPosition(ctx, i, sentenceFrom) && !known && !listed && !seenInside) {
    if (lx.knownWords.has(w) || ctx.lowerWords.has(w)) return false;
    // a dictionary word opening a sentence, never capitalised inside one in this text: "Epidémie oblige", "Basket :"
    // (alone: "Alfa Romeo" goes on; at a sentence start or after a dash, not in brackets: "(Var)")
    const opener = ctx.tokens[i - 1];
    const starts = i === sentenceFrom || (opener !== undefined && (DASHES.has(opener.text) || opener.text === '"' || opener.text === '«' || opener.text === '“'));
    // (and a common word goes on with lower-case words or a colon: "Havas, filiale de …" is a name before its apposition)
    const after = ctx.tokens[i + 1];
    const goesOn = !after || (after.kind === 'word' && !after.cap) || after.text === ':' || after.text === "'";
    if (starts && goesOn && !nextCap && !t.upper && !ctx.midCaps?.has(w) && lx.isDictionaryWord(w)) return false;
    if (w.includes('-') && w.split('-').every((part) => lx.knownWords.has(part) || ctx.lowerWords.has(part) || lx.has('commonWords', part))) return false;
    if (!t.upper && /(?:tion|tions|ment|ments|ite|ites|isme|ance|ences?|ure|ures|age|ages|eur|eurs|ique|iques|ier|iers|ee|ees|able|ible|ant|ante|ants|ent|ente|ons|ez|ait|aient|ais)$/.test(w)) return false;
  }
  return true;
}

const OBJECT_ARTICLES = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'ses', 'son', 'sa', 'leur', 'leurs', 'ce', 'cette', 'ces']);

/** Endings of the adjectives that name a kind ("sociale", "nationale", "fédéral", "supérieur", "civile"). */
const INSTITUTION_ADJECTIVE = /(?:al|ale|aux|ales|el|elle|els|elles|ien|ienne|iens|iennes|if|ive|ifs|ives|ic|ics|ique|iques|aire|aires|eur|eure|eurs|eures|er|ere|ers|eres|il|ile|ils|iles)$/;

/**
 * End of "Sécurité sociale", "Sûreté générale", "Alternative écologiste et sociale" from token k: a
 * dictionary noun capitalised inside a sentence (after an article or a preposition), not a name or a
 * place of its own, followed by lower-case adjectives; 0 when there is none.
 */
function capitalisedNounWithAdjectives(ctx: DocContext, k: number, s: Sentence, isTaken: (i: number) => boolean): number {
  const { tokens, norms, lexicon: lx } = ctx;
  const t = tokens[k]!;
  if (lx.lang !== 'fr' || t.kind !== 'word' || !t.cap || t.upper || isTaken(k) || isInitialPosition(ctx, k, s.from)) return 0;
  const prev = tokens[k - 1];
  if (!prev || prev.kind !== 'word' || prev.cap) return 0;
  // the adjectives first: most capitalised words have none after them
  const next = tokens[k + 1];
  if (!next || next.kind !== 'word' || next.cap) return 0;
  const e = kindAdjectivesEnd(ctx, k + 1, s.to, isTaken);
  if (e === k + 1) return 0;
  // a longer title goes on with a complement ("la Journée mondiale de la santé"): not read here
  if (['de', 'du', 'des', "d'"].includes(norms[e] ?? '')) return 0;
  const w = t.norm;
  if (!lx.isDictionaryWord(w) || lx.demonyms.has(w) || lx.isFirstName(w, t.text) || lx.places.has(w) || lx.countries.has(w) || lx.orgs.has(w)) return 0;
  if (lx.has('nonEntities', w) || lx.has('determiners', w) || lx.has('honorifics', w) || titleAt(ctx, k) > 0 || w.includes('-')) return 0;
  // organisation heads have their own reading: "Banque centrale américaine", "Cour constitutionnelle allemande";
  // a minister's portfolio is no name: "ministre des Affaires étrangères"
  if (lx.matchPhrase('orgHeads', norms, k) > 0 || isPortfolio(ctx, k, s.from)) return 0;
  // "ministère des Affaires étrangères", "le ministre de l'Action et des Comptes publics": the complement
  // of a head or a title, also its second one after "et"
  for (let b = k - 1; b >= Math.max(s.from, k - 8); b--) {
    if (lx.matchPhrase('orgHeads', norms, b) > 0 || lx.has('lowerOrgHeads', norms[b]!) || portfolioTitleAt(ctx, b)) return 0;
    if (!['de', 'du', 'des', "d'", 'la', "l'", 'a', 'au', 'aux', 'et'].includes(norms[b]!) && !(tokens[b]!.cap && tokens[b]!.kind === 'word')) break;
  }
  return e;
}

/** A title whose complement is a portfolio, not a name: "ministre", "secrétaire d'État" (titleInstitutions). */
function portfolioTitleAt(ctx: DocContext, b: number): boolean {
  return ctx.lexicon.titleInstitutionAt(ctx.norms, b) !== undefined;
}

/**
 * End of the lower-case adjectives of kind from x ("sociale", "générale", "écologique et solidaire",
 * "étrangères"), x itself when there is none. A participle is a verb or a description ("Orange réalisée",
 * "l'Intérieur rendu"), a colour or a nationality a description too ("la Maison bleue", "la Santé
 * américaine"); "écologiste" is an adjective all the same.
 */
export function kindAdjectivesEnd(ctx: DocContext, x: number, end: number, isTaken: (i: number) => boolean): number {
  const { tokens, norms, lexicon: lx } = ctx;
  const adjective = (y: number) => {
    const a = tokens[y];
    if (!a || y >= end || a.kind !== 'word' || a.cap || isTaken(y)) return false;
    if (lx.has('commonWords', a.norm) || lx.has('determiners', a.norm) || lx.verbs.has(a.norm)) return false;
    if (lx.demonyms.has(a.norm) && !/istes?$/.test(a.norm)) return false;
    if (!hasAdjectiveEnding(lx, a.norm) && !(lx.adjectives.has(a.norm) && INSTITUTION_ADJECTIVE.test(a.norm))) return false;
    // a participle with an object is the verb: "la Sécurité sociale atteint 10 milliards", "… publie les chiffres"
    const next = tokens[y + 1];
    if (next && (next.kind === 'num' || OBJECT_ARTICLES.has(next.norm))) return false;
    return true;
  };
  let e = x;
  while (adjective(e)) {
    e++;
    if ((norms[e] === 'et' || norms[e] === 'ou') && adjective(e + 1)) e++;
  }
  return e;
}

/** Finds all entity mentions of a document. */
export function findMentions(ctx: DocContext): MentionSpan[] {
  const out: MentionSpan[] = [];
  for (const s of ctx.sentences) out.push(...findInSentence(ctx, s));
  return out;
}

function findInSentence(ctx: DocContext, s: Sentence): MentionSpan[] {
  const { tokens, lexicon: lx } = ctx;
  const taken = new Uint8Array(s.to - s.from);
  const isTaken = (i: number) => taken[i - s.from] === 1;
  const take = (from: number, to: number) => {
    for (let k = from; k < to; k++) taken[k - s.from] = 1;
  };
  const free = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (taken[k - s.from]) return false;
    return true;
  };
  const out: MentionSpan[] = [];
  const norms = ctx.norms;

  // 1. figures
  const figures = findFigures(tokens, s.from, s.to, lx);
  for (const f of figures) take(f.from, f.to);
  for (const f of findElliptic(tokens, s.from, s.to, figures, isTaken, lx.lang)) {
    take(f.from, f.to);
    figures.push(f);
  }
  for (const f of figures) {
    out.push(makeMention(f.from, f.to, s.index, 'figure', spanText(ctx, f.from, f.to), 'figure', { value: f.value, value_max: f.value_max, unit: f.unit }));
  }

  // 2. quoted programmes: « chèques maturité numérique », chèques « cybersécurité »
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]!;
    if (t.text !== '«' && t.text !== '“' && t.text !== '"') continue;
    const closer = t.text === '«' ? '»' : t.text === '“' ? '”' : '"';
    let j = i + 1;
    while (j < s.to && tokens[j]!.text !== closer && j - i < 8) j++;
    if (j >= s.to || tokens[j]!.text !== closer || j === i + 1) continue;
    const inner = norms.slice(i + 1, j);
    if (inner.some((w, k) => tokens[i + 1 + k]!.kind === 'punct')) continue;
    const headLen = lx.matchPhrase('programmeHeads', norms, i + 1);
    if (headLen > 0 && j - (i + 1) > headLen && free(i + 1, j)) {
      take(i + 1, j);
      out.push(makeMention(i + 1, j, s.index, 'programme', spanText(ctx, i + 1, j), 'quoted-programme'));
      i = j;
      continue;
    }
    const before = i - 1;
    if (before >= s.from && (lx.has('programmeHeads', norms[before]!) || lx.has('programmeNamedHeads', norms[before]!)) && !tokens[before]!.cap && free(i + 1, j) && inner.length <= 4) {
      take(before, j + 1);
      out.push(makeMention(before, j + 1, s.index, 'programme', `${tokens[before]!.text} ${spanText(ctx, i + 1, j)}`, 'head-quoted-programme'));
      i = j;
    }
  }

  // 3. capitalised names
  const upperRun = (i: number) => {
    // inside a run of three or more all-caps words (a header line)
    let a = i;
    let b = i;
    const inRun = (t: Token) => t.upper || t.kind !== 'word' || (t.cap && t.text.length === 1);
    while (a - 1 >= s.from && inRun(tokens[a - 1]!)) a--;
    while (b + 1 < s.to && inRun(tokens[b + 1]!)) b++;
    let n = 0;
    // (a header holds words of the language: "ANCIEN JOURNALISTE"; a list of acronyms does not: "CFDT, CFTC, CGT")
    let words = 0;
    for (let k = a; k <= b; k++) {
      if (!tokens[k]!.upper) continue;
      n++;
      if (tokens[k]!.norm.length >= 4 && (lx.knownWords.has(tokens[k]!.norm) || lx.isDictionaryWord(tokens[k]!.norm))) words++;
    }
    return n >= 3 && words > 0;
  };
  const isHeadAt = (k: number) => lx.matchPhrase('orgHeads', norms, k) > 0 || lx.matchPhrase('placeHeads', norms, k) > 0 || lx.has('programmeNamedHeads', norms[k]!);
  const personLike = (k: number) => lx.isFirstName(norms[k]!, tokens[k]!.text) && !lx.places.has(norms[k]!) && !lx.orgs.has(norms[k]!);
  for (let i = s.from; i < s.to; i++) {
    if (isTaken(i)) continue;
    // a known multi-word place or organisation, even when it starts with a common word: "New York", "South Korea"
    const known = knownPhraseAt(ctx, i, s.to, isTaken);
    if (known) {
      out.push(makeMention(i, i + known.length, s.index, known.type, spanText(ctx, i, i + known.length), known.type === 'place' ? 'place-lexicon' : 'org-lexicon'));
      take(i, i + known.length);
      i += known.length - 1;
      continue;
    }
    // capitalised titles are cues, not names: "le Président de Bugatti", "Directeur Général Christophe Piochon"
    const title = tokens[i]!.cap || tokens[i + 1]?.cap || tokens[i + 2]?.cap ? titleAt(ctx, i) : 0;
    if (title > 0 && (tokens[i]!.cap || (title > 1 && tokens.slice(i, i + title).some((t) => t.cap)))) {
      i += title - 1;
      continue;
    }
    const allUpper = tokens[i]!.upper && upperRun(i);
    // a capitalised article inside a sentence opens a title: "Le Parisien révèle", "selon Les Echos"
    const t0 = tokens[i]!;
    if (!allUpper && t0.cap && ['le', 'la', 'les'].includes(norms[i]!) && !isInitialPosition(ctx, i, s.from) && i + 1 < s.to && !isTaken(i + 1)) {
      const t1 = tokens[i + 1]!;
      if (t1.kind === 'word' && t1.cap && !t1.upper && !lx.has('nonEntities', t1.norm) && !lx.has('determiners', t1.norm) && !lx.places.has(t1.norm) && !/['’]$/.test(t1.text)) {
        let end = i + 2;
        while (end < s.to && !isTaken(end) && isNameToken(ctx, end, s.from, false) && !(personLike(end) && tokens[end + 1]?.cap === true)) end++;
        out.push(makeMention(i, end, s.index, 'organization', spanText(ctx, i, end), 'title-article'));
        take(i, end);
        i = end - 1;
        continue;
      }
    }
    // "la Sécurité sociale", "la Sûreté générale", "l'Alternative écologiste et sociale": a common noun
    // capitalised inside a sentence, then lower-case adjectives, is the name of an institution
    const institutionEnd = allUpper ? 0 : capitalisedNounWithAdjectives(ctx, i, s, isTaken);
    if (institutionEnd > 0) {
      out.push(makeMention(i, institutionEnd, s.index, 'organization', spanText(ctx, i, institutionEnd), 'noun-adjective-institution'));
      take(i, institutionEnd);
      i = institutionEnd - 1;
      continue;
    }
    if (!isNameToken(ctx, i, s.from, allUpper)) continue;
    const startsWithHead = isHeadAt(i);
    let firstNameSoFar = personLike(i);
    // a role just before ("ministre de la Santé Olivier Véran", "maire de Lyon Grégory Doucet"): a full name after it is a person of its own
    let roleBefore = false;
    for (let k = i - 1; k >= Math.max(s.from, i - 4); k--) {
      if (titleAt(ctx, k) > 0) {
        roleBefore = true;
        break;
      }
      if (tokens[k]!.kind === 'punct') break;
    }
    /** End of the run of capitalised words from k: "Sibyle Veil" ends two words on. */
    const runEnd = (k: number) => {
      let e = k;
      while (e < s.to && !isTaken(e) && tokens[e]!.kind === 'word' && tokens[e]!.cap) e++;
      return e;
    };
    let j = i + 1;
    for (;;) {
      if (j >= s.to || isTaken(j)) break;
      const t = tokens[j]!;
      // particles of person names: "Bruno Le Maire", "Charles de Gaulle", "Ursula von der Leyen"
      if (firstNameSoFar && lx.has('personParticles', t.norm) && (!allUpper || t.upper)) {
        // one particle or two ("von der", "van den", "de la") before a capitalised surname
        const two = j + 2 < s.to && lx.has('personParticles', tokens[j + 1]!.norm) && !tokens[j + 1]!.cap ? 1 : 0;
        const surname = j + 1 + two;
        if (surname < s.to && tokens[surname]!.cap && tokens[surname]!.kind === 'word' && !isTaken(surname)) {
          j = surname + 1;
          continue;
        }
      }
      if (titleAt(ctx, j) > 0 && t.cap && !startsWithHead) break;
      // a first name after other names starts a new one: "CFDT Laurent Berger"
      // (only when what comes before does not look like a name itself: "Aston Martin" stays whole)
      // "la PDG de Radio France Sibyle Veil": after a role, a first name misspelt by a letter still starts the person
      const looseFirstName = roleBefore && j > i + 1 && j + 2 === runEnd(j) && !lx.knownWords.has(norms[j]!) && !lx.places.has(norms[j]!) && !lx.orgs.has(norms[j]!) && lx.isFirstNameVariant(norms[j]!);
      if (j > i && (personLike(j) || looseFirstName) && !personLike(j - 1) && !lx.has('personParticles', norms[j - 1]!) && !lx.has('placeOpeners', norms[j - 1]!)) {
        const fullNameFollows = j + 1 < s.to && tokens[j + 1]!.cap && tokens[j + 1]!.kind === 'word';
        const surnameFollows = fullNameFollows && /^\p{Lu}[\p{Ll}'’-]+$/u.test(tokens[j + 1]!.text) && !lx.places.has(norms[j + 1]!);
        if (!startsWithHead && (notNameLike(ctx, j - 1) || (roleBefore && fullNameFollows) || (j === i + 1 && surnameFollows && !personLike(i)))) break;
        if (startsWithHead && fullNameFollows && !personLike(j + 1)) break;
      }
      // "St. Jean", "Ste. Marie": the abbreviation's full stop is part of the name
      if (t.text === '.' && j === i + 1 && SAINT_ABBREVIATIONS.has(norms[i]!) && j + 1 < s.to && tokens[j + 1]!.cap && !t.spaceBefore) {
        j++;
        continue;
      }
      // after an acronym, a given name and a surname are a person of their own: "à l'AFP Lawrence Gostin"
      if (tokens[j - 1]!.upper && t.kind === 'word' && t.cap && !t.upper && lx.isFirstName(norms[j]!, t.text) && tokens[j + 1]?.cap === true && tokens[j + 1]!.kind === 'word' && !tokens[j + 1]!.upper) break;
      // a hyphenated Arabic particle after a given name: "Hatem al-Nour", "Ahmed ben-Ali"
      if (t.kind === 'word' && HYPHEN_PARTICLE.test(t.text) && personLike(j - 1)) {
        j++;
        continue;
      }
      // a regnal number after a given name: "Albert II de Monaco", "Charles III"
      if (t.kind === 'word' && /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$/.test(t.text) && personLike(j - 1)) {
        j++;
        firstNameSoFar = true;
        continue;
      }
      // an acronym then a capitalised word is one name: "SNCF Réseau", "EDF Renouvelables"
      // (one plain capitalised word only, not a name that follows: "à l'AFP Lawrence Gostin", "la NBA LeBron James")
      const nextIsCap = tokens[j + 1]?.cap === true && tokens[j + 1]!.kind === 'word';
      const acronymThenWord = tokens[j - 1]!.upper && tokens[j - 1]!.text.length <= 5 && !lx.has('nonEntities', norms[j - 1]!) && j - 1 === i && t.kind === 'word' && /^\p{Lu}[\p{Ll}-]{2,}$/u.test(t.text) && !nextIsCap && !allUpper && !personLike(j) && !lx.places.has(t.norm) && !lx.has('placeOpeners', t.norm.split('-')[0]!) && !lx.has('nonEntities', t.norm) && !lx.has('determiners', t.norm) && !lx.has('commonWords', t.norm) && !isTaken(j);
      if (acronymThenWord) {
        j++;
        continue;
      }
      // an all-capitals word does not continue a name written in small letters, nor the reverse: "Silésie BERLIN"
      if (t.kind === 'word' && t.cap && t.upper !== tokens[j - 1]!.upper && t.text.length > 3 && tokens[j - 1]!.text.length > 3 && tokens[j - 1]!.kind === 'word') break;
      // a capitalised business word continues a name even when it is a common word too: "Acme Bank", "Widget Group"
      const suffix = t.kind === 'word' && t.cap && lx.has('orgSuffixes', t.norm) && !lx.has('determiners', t.norm);
      if (isNameToken(ctx, j, s.from, allUpper) || suffix || (t.kind === 'word' && t.cap && !t.upper && !/['’]$/.test(t.text) && !lx.has('nonEntities', t.norm) && !lx.has('determiners', t.norm) && !lx.has('commonWords', t.norm))) {
        j++;
        continue;
      }
      // a capitalised article inside a name: "Debout La France", "Paris La Défense"
      // (not after a place or a person's name, nor before a known title: "Liban Le Liban", "Mélenchon Le Figaro")
      const prevKnown = lx.places.has(norms[j - 1]!) || lx.orgs.has(norms[j - 1]!) || personLike(j - 1) || personLike(i);
      if (t.kind === 'word' && t.cap && !t.upper && (t.norm === 'la' || t.norm === 'le' || t.norm === 'les') && !allUpper && !prevKnown && j + 1 < s.to && !isTaken(j + 1) && isNameToken(ctx, j + 1, s.from, false) && !personLike(j + 1) && !knownPhraseAt(ctx, j, s.to, isTaken)) {
        j += 2;
        continue;
      }
      // "Mohammed 6 Polytechnique": a short number inside a name
      if (t.kind === 'num' && t.text.length <= 2 && j + 1 < s.to && isNameToken(ctx, j + 1, s.from, allUpper) && !tokens[j + 1]!.upper) {
        j += 2;
        continue;
      }
      // connectors inside institutional names only: "Caisse Centrale de Garantie", "Bank of England", "Région de Bruxelles-Capitale"
      let c = 0;
      while (c < 2 && j + c < s.to && (lx.has('nameConnectors', tokens[j + c]!.norm) || tokens[j + c]!.text === '&') && !tokens[j + c]!.cap && tokens[j + c]!.norm !== 'et' && tokens[j + c]!.norm !== 'and') c++;
      const afterKnownPlace = j + c < s.to && (lx.places.has(norms[j + c]!) || knownPhraseAt(ctx, j + c, s.to, isTaken)?.type === 'place');
      const unknownSingle = j === i + 1 && !personLike(i) && !lx.places.has(norms[i]!) && !tokens[i]!.upper && (norms[j] === 'du' || norms[j] === 'des' || norms[j] === 'de') && !personLike(j + c);
      // an English name inside a French text: "Bank of America", "Information Technology and Innovation Foundation"
      const englishInFrench = lx.lang === 'fr' && c === 0 && ['of', 'and', 'for'].includes(norms[j]!) && tokens[j - 1]!.cap && tokens[j + 1]?.cap === true && tokens[j + 1]!.kind === 'word';
      if (englishInFrench) c = 1;
      const institutional = englishInFrench || startsWithHead || lx.orgs.has(norms[i]!) || lx.matchPhrase('orgHeads', norms, j - 1) > 0 || (c === 1 && tokens[j]!.text === '&') || (unknownSingle && !afterKnownPlace);
      // "Disney World en Floride": "en" before a known place says where, it does not continue the name
      const where = norms[j] === 'en' && afterKnownPlace;
      if (c > 0 && institutional && !where && j + c < s.to && !isTaken(j + c) && isNameToken(ctx, j + c, s.from, allUpper) && !lx.has('commonWords', tokens[j + c]!.norm)) {
        j += c + 1;
        continue;
      }
      break;
    }
    firstNameSoFar = false;
    // a particle between an honorific and a name belongs to the name: "M. d'Estaing", "le général de Gaulle"
    // (not before a given name or a place: "le père de Laeticia X", "un professeur de New-York" say whose, where)
    // … nor before a full name, two capitalised words: "la soeur de Laeticia Martin"
    const fullName = j > i + 1 && !lx.has('personParticles', norms[i]!) && tokens[i + 1]!.kind === 'word' && tokens[i + 1]!.cap && !lx.has('personParticles', norms[i + 1]!);
    const namedAfter = fullName || lx.isFirstName(norms[i]!, tokens[i]!.text) || lx.places.has(norms[i]!) || lx.places.has(norms[i]!.replace(/-/g, ' ')) || lx.places.has(norms.slice(i, j).join(' '));
    if (i - 1 > s.from && lx.has('personParticles', norms[i - 1]!) && !tokens[i - 1]!.cap) {
      const h = tokens[i - 2]!;
      const h2 = tokens[i - 3];
      if ((h.text === '.' && h2 && lx.has('honorifics', h2.norm)) || (h.kind === 'word' && honorificAt(ctx, i - 2) && !namedAfter)) i--;
    }
    // lower-case adjectives after an organisation head: "Banque mondiale", "Confédération marocaine de TPE-PME"
    // … and a lower-case complement: "Cour des comptes", "Agence américaine des médicaments", "Instituts nationaux de santé"
    const headLen = lx.matchPhrase('orgHeads', norms, i) || (norms[i]!.endsWith('s') ? lx.matchPhrase('orgHeads', [norms[i]!.slice(0, -1)], 0) : 0);
    if (headLen > 1 && j < i + headLen) j = i + headLen;
    if (headLen > 0 && j === i + headLen) {
      let k = j;
      const isAdjective = (x: number) => !tokens[x]!.cap && (lx.has('placeAdjectives', norms[x]!) || lx.adjectives.has(norms[x]!) || hasAdjectiveEnding(lx, norms[x]!)) && !lx.has('commonWords', norms[x]!);
      while (k < s.to && isAdjective(k)) k++;
      j = k;
      if (j + 1 < s.to && (norms[j] === 'de' || norms[j] === "d'" || norms[j] === 'des' || norms[j] === 'du')) {
        let c = j + 1;
        if ((norms[c] === 'la' || norms[c] === "l'") && c + 1 < s.to) c++;
        const t = tokens[c]!;
        if (isNameToken(ctx, c, s.from, false) || (t.kind === 'word' && t.cap && !t.upper && !lx.has('nonEntities', t.norm) && !lx.has('determiners', t.norm))) {
          j = c + 1;
          while (j < s.to && (isNameToken(ctx, j, s.from, false) || (tokens[j]!.kind === 'word' && tokens[j]!.cap && !lx.has('determiners', norms[j]!)))) j++;
        } else if (t.kind === 'word' && !t.cap && !lx.has('commonWords', t.norm) && !lx.has('determiners', t.norm) && (!lx.verbs.has(t.norm) || norms[j] === 'du' || norms[j] === 'des' || c > j + 1) && (!lx.adjectives.has(t.norm) || c > j + 1) && t.norm.length > 2) {
          // after an article a verb or adjective form is the noun: "Organisation mondiale du commerce",
          // "Fédération nationale de l'immobilier"
          j = c + 1;
          while (j < s.to && isAdjective(j)) j++;
        }
      }
    }
    // "avenue de Wagram", "rue Saint-Jacques", "ministère de la Santé": a lower-case head belongs to the name,
    // also across lower-case adjectives and one complement: "conseil régional d'Occitanie", "tribunal de commerce de Paris"
    let streetStart = -1;
    let headType: 'place' | 'organization' = 'place';
    for (const back of [1, 2, 3, 4, 5]) {
      const k = i - back;
      if (k < s.from) break;
      if (!tokens[k]!.cap && lx.has('streetHeads', norms[k]!) && back <= 3 && norms.slice(k + 1, i).every((w) => HEAD_CONNECTORS.has(w))) {
        streetStart = k;
        headType = 'place';
        break;
      }
      // "la direction d'Air France" is Air France's management, Air France; "la direction générale de la Santé" is a body
      const management = lx.has('managementHeads', norms[k]!) && kindAdjectivesEnd(ctx, k + 1, s.to, isTaken) === k + 1;
      const gap = !tokens[k]!.cap && lx.has('lowerOrgHeads', norms[k]!) && !management && back > 1 && HEAD_CONNECTORS.has(norms[i - 1]!) ? lowerHeadGap(ctx, k + 1, i) : -1;
      // with a complement noun in between, only before a place: "tribunal de commerce de Paris", not "conseil d'administration de la SNCF"
      if (gap === 0 || (gap === 1 && lx.places.has(norms[i]!))) {
        streetStart = k;
        headType = 'organization';
        break;
      }
      if (tokens[k]!.cap || tokens[k]!.kind !== 'word') break;
    }
    // a lone capitalised word that only is an org head or place head ("Groupe", "Région") is not a name
    if (streetStart < 0 && j === i + 1 && !lx.orgs.has(norms[i]!) && !lx.places.has(norms[i]!) && !lx.has('soleInstitutions', norms[i]!) && (lx.has('orgHeads', norms[i]!) || lx.has('placeHeads', norms[i]!) || lx.has('programmeNamedHeads', norms[i]!))) continue;
    // a lone capitalised word the document also writes in lower case is a common word: "la Justice" / "la justice"
    if (streetStart < 0 && j === i + 1 && !tokens[i]!.upper && ctx.lowerWords.has(norms[i]!) && !lx.places.has(norms[i]!) && !lx.orgs.has(norms[i]!) && !lx.isFirstName(norms[i]!, tokens[i]!.text)) continue;
    // a minister's portfolio is no name: "secrétaire d'État aux Transports", "ministre de la Santé"
    if (streetStart < 0 && j === i + 1 && !tokens[i]!.upper && !lx.places.has(norms[i]!) && !lx.orgs.has(norms[i]!) && isPortfolio(ctx, i, s.from)) continue;
    // a lone capitalised common noun after an article: "l'Environnement", "des Finances"
    if (streetStart < 0 && j === i + 1 && !tokens[i]!.upper && isCommonNounShape(norms[i]!) && !lx.places.has(norms[i]!) && !lx.orgs.has(norms[i]!) && ['la', 'le', 'les', "l'", 'du', 'des', "d'", 'de', 'the'].includes(norms[i - 1] ?? '')) continue;
    // facility: "Casablanca data center"
    const facility = lx.matchPhrase('facilityNouns', norms, j);
    let facilityEnd = 0;
    if (facility > 0 && tokens.slice(j, j + facility).every((t) => !t.cap)) facilityEnd = j + facility;
    const end = facilityEnd || j;
    // drop trailing connectors
    let last = end;
    while (last > i + 1 && lx.has('nameConnectors', norms[last - 1]!)) last--;
    if (streetStart >= 0 && headType === 'organization') {
      // "ministère de l'Économie et des Finances": a second capitalised complement joined by "et"
      let k = last;
      if (norms[k] === 'et') {
        k++;
        while (k < s.to && HEAD_CONNECTORS.has(norms[k]!) && !tokens[k]!.cap) k++;
        if (k > last + 1 && k < s.to && !isTaken(k) && tokens[k]!.cap && tokens[k]!.kind === 'word' && !tokens[k]!.upper) last = k + 1;
      }
      // "ministère des Affaires étrangères", "ministère de la Transition écologique et solidaire"
      last = kindAdjectivesEnd(ctx, last, s.to, isTaken);
    }
    if (streetStart >= 0 && !isTaken(streetStart)) {
      out.push(makeMention(streetStart, last, s.index, headType, spanText(ctx, streetStart, last), headType === 'place' ? 'street' : 'org-head'));
      take(streetStart, last);
      i = last - 1;
      continue;
    }
    const mention = typeName(ctx, s, i, last, facilityEnd > 0);
    if (i > s.from && titleAt(ctx, titleStart(ctx, i, s.from)) > 0 && mention.type === 'organization' && mention.reason === 'default' && last - i >= 2 && personLike(i)) {
      mention.type = 'person';
      mention.reason = 'title';
    }
    out.push(mention);
    take(i, last);
    i = last - 1;
  }
  propagateCoordinatedTypes(ctx, out);
  findAcronymDefinitions(ctx, s, out);

  // 4. programmes written in lower case: "programme Atlas", "prêts garantis", "fonds de solidarité", launched platforms
  for (const p of findProgrammes(ctx, s, isTaken, out)) {
    take(p.from, p.to);
    out.push(p);
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Whether the capitalised word at i follows a minister's title and connectors only: "ministre de la Santé", "secrétaire d'État aux Transports". */
function isPortfolio(ctx: DocContext, i: number, from: number): boolean {
  const norms = ctx.norms;
  // (also a second portfolio after "et": "ministre de l'Action et des Comptes publics")
  for (let k = i - 1; k >= Math.max(from, i - 8); k--) {
    const w = norms[k]!;
    if (w === 'ministre' || w === 'ministres' || (w === 'etat' && norms[k - 1] === "d'" && norms[k - 2] === 'secretaire')) return k < i - 1;
    if (w === 'et' && k + 1 < i && PORTFOLIO_CONNECTORS.has(norms[k + 1]!) && ctx.tokens[k - 1]?.cap) continue;
    if (ctx.tokens[k]!.cap && k < i - 1 && norms[k + 1] === 'et') continue;
    if (!PORTFOLIO_CONNECTORS.has(w)) return false;
  }
  return false;
}

const PORTFOLIO_CONNECTORS = new Set(['de', 'du', 'des', "d'", 'la', "l'", 'aux', 'au', 'a', 'charge', 'chargee', 'delegue', 'deleguee']);

/** Connectors between a lower-case institution head and the name it governs. */
const HEAD_CONNECTORS = new Set(['de', 'du', 'des', "d'", 'la', "l'"]);

/**
 * Whether the words between a lower-case institution head and a capitalised name are connectors,
 * lower-case adjectives ("régional") or one lower-case complement after "de" ("de commerce"):
 * -1 when not, else the number of complement nouns (0 or 1).
 */
function lowerHeadGap(ctx: DocContext, from: number, to: number): number {
  const { tokens, lexicon: lx } = ctx;
  let nouns = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.cap) return -1;
    if (HEAD_CONNECTORS.has(t.norm)) continue;
    if (lx.has('placeAdjectives', t.norm) || (lx.adjectives.has(t.norm) && !lx.has('commonWords', t.norm))) continue;
    // one complement noun right after "de": "tribunal de commerce", "chambre de métiers"
    if (nouns === 0 && k > from && (tokens[k - 1]!.norm === 'de' || tokens[k - 1]!.norm === "d'") && !lx.has('commonWords', t.norm) && !lx.has('determiners', t.norm) && t.norm.length > 3) {
      nouns++;
      continue;
    }
    return -1;
  }
  return nouns;
}

/** Participles of public backing: "garanti", "financée", "subventionnés", "pris en charge" is not one word. */
const STATE_PARTICIPLE = /^(?:garanti|finance|subventionne|cofinance|accorde|verse|octroye|soutenu|aide)e?s?$/;

/** Words after which a new platform, fund or plan is being set up. */
const LAUNCH_CUES = new Set(['lance', 'lancer', 'lancent', 'lancera', 'lancement', 'initie', 'initier', 'initient', 'initiera', 'instaure', 'instaurer', 'deploie', 'deployer', 'launch', 'launches', 'launched', 'cree', 'creer', 'creation', 'creent']);

const PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|el|elle|els|elles|al|ale|aux|ales|aire|aires|if|ive|ifs|ives|ier|iere|iers|ieres|ique|iques|ant|ante|ants|antes)$/;

function findProgrammes(ctx: DocContext, s: Sentence, isTaken: (i: number) => boolean, mentions: MentionSpan[]): MentionSpan[] {
  const { tokens, lexicon: lx } = ctx;
  const norms = ctx.norms;
  const out: MentionSpan[] = [];
  const indefinite = new Set(['un', 'une', 'des', 'a', 'an', 'some']);
  for (let i = s.from; i < s.to; i++) {
    if (isTaken(i) || tokens[i]!.cap) continue;
    // head + named entity: "programme Atlas", "prime Web" (the name may have been typed otherwise)
    if (lx.has('programmeNamedHeads', norms[i]!)) {
      const next = mentions.find((m) => m.from === i + 1 && m.type !== 'figure' && (m.type !== 'person' || m.reason === 'given-name'));
      const nextTok = tokens[i + 1];
      if (next || (nextTok && nextTok.cap && nextTok.kind === 'word' && !isTaken(i + 1))) {
        const to = next ? next.to : i + 2;
        if (next) mentions.splice(mentions.indexOf(next), 1);
        const name = spanText(ctx, i + 1, to);
        const m = makeMention(i, to, s.index, 'programme', spanText(ctx, i, to), 'head-name-programme');
        if (lx.has('programmeBareHeads', norms[i]!)) m.alias = name;
        out.push(m);
        i = to - 1;
        continue;
      }
    }
    const headLen = lx.matchPhrase('programmeHeads', norms, i);
    if (headLen === 0) continue;
    const before = norms[i - 1] ?? '';
    const h = i + headLen;
    // multi-word head alone: "crédit d'impôt"
    const adjOk = (k: number) => {
      const t = tokens[k];
      if (!t || k >= s.to || t.kind !== 'word' || t.cap || isTaken(k)) return false;
      if (lx.has('commonWords', t.norm) || lx.has('determiners', t.norm) || lx.has('nonEntities', t.norm)) return false;
      const next = norms[k + 1];
      if (next === 'en' || next === 'par' || next === 'a' || next === 'pour' || next === 'by') return false;
      if (lx.has('programmeAdjectiveStop', t.norm)) return false;
      const lower = t.text.toLowerCase();
      return PARTICIPLE.test(t.norm) && (/(?:é|ée|és|ées|i|is|ie|ies|u|ue|us|ues)$/.test(lower) || (lx.knownWords.has(t.norm) && /(?:el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives|ique|iques)$/.test(lower)));
    };
    // "un prêt garanti par l'État": a participle with the State as agent names a public scheme, even after "un"
    if (norms[h + 1] === 'par' && norms[h + 2] === "l'" && norms[h + 3] === 'etat' && h + 3 < s.to && STATE_PARTICIPLE.test(norms[h]!) && !tokens[h]!.cap && !isTaken(h)) {
      const state = mentions.findIndex((m) => m.from === h + 3);
      if (state >= 0) mentions.splice(state, 1);
      out.push(makeMention(i, h + 4, s.index, 'programme', spanText(ctx, i, h + 4), 'head-state-programme', { alias: spanText(ctx, i, h + 1) }));
      i = h + 3;
      continue;
    }
    if (adjOk(h) && !indefinite.has(before)) {
      // head + adjective/participle: "prêts garantis", "chômage partiel"
      let to = h + 1;
      if (adjOk(to)) to++;
      out.push(makeMention(i, to, s.index, 'programme', spanText(ctx, i, to), 'head-adjective-programme'));
      i = to - 1;
      continue;
    }
    const de = norms[h];
    // "à" only with its accent: "le plan a été présenté" is the verb
    if ((de === 'de' || de === "d'" || (de === 'a' && tokens[h]!.text !== 'a') || de === 'for') && lx.has('programmeNamedHeads', norms[i]!)) {
      const c = tokens[h + 1];
      // a generic complement names one programme when an amount comes with it: "un plan de soutien évalué à
      // 15 milliards d'euros", "son programme d'urgence, doté de 750 milliards d'euros"
      const generic = !!c && lx.has('programmeGenericComplements', c.norm) && !lx.has('determiners', c.norm) && !(c.kind === 'word' && lx.has('possessives', c.norm)) && !amountFollows(ctx, h + 2, s.to);
      if (c && h + 1 < s.to && c.kind === 'word' && !c.cap && !isTaken(h + 1) && !lx.has('determiners', c.norm) && !lx.has('commonWords', c.norm) && !generic && !(lx.verbs.has(c.norm) && /(?:er|ir|re)$/.test(c.norm)) && !lx.adjectives.has(c.norm)) {
        // after "de", a word the lexicon knows as a verb form is the noun ("plan de relance"), unless an infinitive
        out.push(makeMention(i, h + 2, s.index, 'programme', spanText(ctx, i, h + 2), 'head-complement-programme'));
        i = h + 1;
        continue;
      }
    }
    if (headLen > 1) {
      out.push(makeMention(i, h, s.index, 'programme', spanText(ctx, i, h), 'multiword-head-programme'));
      i = h - 1;
    }
  }
  // launched things: "la mise sur pied d'une plateforme virtuelle", "a lancé un fonds d'amorçage"
  for (let i = s.from; i < s.to; i++) {
    if (!LAUNCH_CUES.has(norms[i]!) && !(norms[i] === 'pied' && norms[i - 1] === 'sur') && !(norms[i] === 'place' && norms[i - 1] === 'en')) continue;
    for (let k = i + 1; k < Math.min(s.to, i + 5); k++) {
      if (isTaken(k)) break;
      if (!lx.has('launchableNouns', norms[k]!) || tokens[k]!.cap) continue;
      const adj = tokens[k + 1];
      if (adj && k + 1 < s.to && adj.kind === 'word' && !adj.cap && !isTaken(k + 1) && PARTICIPLE.test(adj.norm) && /(?:elle|el|ale|al|ique|if|ive|aire|ée|é|e)$/.test(adj.text.toLowerCase()) && !lx.knownWords.has(adj.norm + 'r') && !lx.has('commonWords', adj.norm) && !out.some((o) => o.from <= k && o.to > k)) {
        out.push(makeMention(k, k + 2, s.index, 'programme', spanText(ctx, k, k + 2), 'launched-programme'));
      }
      break;
    }
  }
  return out;
}

/** Decides the type of a capitalised span from its words and its context. */
function typeName(ctx: DocContext, s: Sentence, from: number, to: number, facility: boolean): MentionSpan {
  const { tokens, lexicon: lx } = ctx;
  const norms = tokens.slice(from, to).map((t) => t.norm);
  const full = norms.join(' ').replace(/' /g, "'");
  const make = (type: EntityType, reason: string): MentionSpan => {
    const m = makeMention(from, to, s.index, type, spanText(ctx, from, to), reason);
    if (honorific && type === 'person' && (prev!.text === '.' || ['m', 'mme', 'mlle', 'dr', 'me', 'mr', 'mrs', 'ms', 'pr'].includes(prev!.norm))) {
      m.honorific = true;
      const at = prev!.text === '.' ? from - 2 : from - 1;
      m.alias = spanText(ctx, at, to);
    }
    return m;
  };
  const prev = tokens[from - 1];
  const prev2 = tokens[from - 2];
  const honorific = !!prev && ((prev.text === '.' && prev2 !== undefined && lx.has('honorifics', prev2.norm)) || (prev.kind === 'word' && honorificAt(ctx, from - 1)));
  if (facility) return make('organization', 'facility');
  const normsAll = ctx.norms;
  for (const back of [1, 2]) {
    if (from - back >= s.from && lx.matchPhrase('productContextBefore', normsAll, from - back) === back) return make('product', 'product-context');
  }
  if (lx.orgs.has(full) || (norms.length === 1 && lx.has('soleInstitutions', full))) return make('organization', 'org-lexicon');
  // "Alliance, le distributeur de …", "Orange, l'opérateur historique": an apposition naming a kind of company
  // outweighs a town of the same name
  // (not "en France, le groupe …": after a preposition the place is where the sentence happens)
  const where = ['a', 'au', 'aux', 'en', 'de', 'du', 'des', "d'", 'dans', 'sur', 'vers', 'pour', 'par', 'in', 'at', 'from', 'to', 'of'].includes(prev?.norm ?? '');
  if (!where && orgApposition(ctx, to)) return make('organization', 'org-apposition');
  if (lx.places.has(full)) return make('place', 'place-lexicon');
  const compass = /^(.+)-(?:est|ouest|nord|sud|east|west|north|south)$/.exec(full);
  if (compass && lx.places.has(compass[1]!)) return make('place', 'place-lexicon');
  if (lx.matchPhrase('placeHeads', norms, 0) > 0 && norms.length > 1 && (norms[1] === 'de' || norms[1] === "d'" || norms[1] === 'du' || norms[1] === 'of')) return make('place', 'place-head');
  if (lx.matchPhrase('orgHeads', norms, 0) > 0 && norms.length > 1) return make('organization', 'org-head');
  const lastWord = norms[norms.length - 1]!;
  // "originaires de Saint Quay-Portrieux", "San Diego": a saint's name before another name is a place
  if (norms.length > 1 && lx.has('placeOpeners', norms[0]!) && !tokens[from]!.upper && tokens[from + 1]!.cap && !lx.has('orgSuffixes', lastWord)) return make('place', 'place-opener');
  // a business word ends a company name even after a given name ("Alix Partners"); short legal forms do not ("Paul Sa")
  if (norms.length > 1 && lx.has('orgSuffixes', lastWord) && (!lx.isFirstName(norms[0]!, tokens[from]!.text) || lastWord.length > 4)) return make('organization', 'org-suffix');
  if (honorific) return make('person', 'honorific');
  // context before: "président X" → person, "la société X" → organization
  const before = prev?.norm ?? '';
  // … or an occupation, possibly with an adjective: "l'archéologue X", "l'homme d'affaires turc X"
  const occupation = (k: number) => k >= s.from && (lx.has('professions', ctx.norms[k]!) || (ctx.norms[k] === 'affaires' && ctx.norms[k - 1] === "d'" && ctx.norms[k - 2] === 'homme'));
  const occupationBefore = norms.length >= 2 && (occupation(from - 1) || (occupation(from - 2) && !!prev && prev.kind === 'word' && !prev.cap && (lx.demonyms.has(before) || lx.adjectives.has(before) || lx.has('placeAdjectives', before))));
  if ((lx.has('personContextBefore', before) || occupationBefore) && !lx.places.has(full) && !lx.places.has(lastWord) && !lx.has('orgSuffixes', lastWord)) {
    if (norms.length > 1 || lx.isFirstName(norms[0]!, tokens[from]!.text) || !tokens[from]!.upper) return make('person', 'person-context');
  }
  if (norms.length === 1 && !tokens[from]!.upper && lx.isFirstName(norms[0]!, tokens[from]!.text) && !lx.places.has(full) && !lx.orgs.has(full) && !isInitialPosition(ctx, from, s.from)) return make('person', 'given-name');
  // a given name that is also a town ("David", "Florence") still opens a person's name before a surname,
  // even one that is also a town somewhere ("David Martin"): only a country or a known place as a whole says otherwise
  const firstIsName = lx.isFirstName(norms[0]!, tokens[from]!.text) && (!lx.places.has(norms[0]!) || (norms.length >= 2 && !lx.countries.has(lastWord)));
  if (norms.length >= 2 && firstIsName && !tokens[from]!.upper && !lx.places.has(full)) return make('person', 'first-name');
  // "la PDG de Radio France Sibyle Veil": after a role and a name, a misspelt first name and a surname
  // "le directeur de la Sureté générale Abbas Ibrahim": two unknown words closing a role phrase, after a name
  const afterName = prev?.kind === 'word' && (prev.cap || ((lx.adjectives.has(prev.norm) || hasAdjectiveEnding(lx, prev.norm)) && tokens[from - 2]?.cap === true && tokens[from - 2]!.kind === 'word'));
  const unknownPair = () => norms.every((w) => !lx.knownWords.has(w) && !lx.places.has(w) && !lx.orgs.has(w) && !lx.has('orgSuffixes', w) && !lx.has('nonEntities', w)) && tokens.slice(from, to).every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text));
  const variant = norms.length === 2 && afterName && lx.isFirstNameVariant(norms[0]!);
  if (norms.length === 2 && afterName && !tokens[from]!.upper && !lx.knownWords.has(norms[0]!) && (variant || unknownPair())) {
    for (let k = from - 2; k >= Math.max(s.from, from - 6); k--) {
      if (tokens[k]!.kind === 'punct') break;
      const title = titleAt(ctx, k);
      // two unknown words need the role to be "of" what precedes them: "directeur de la X", not "chercheuse au X"
      if (title > 0 && (variant || ['de', 'du', 'des', "d'", 'of'].includes(ctx.norms[k + title] ?? ''))) return make('person', 'role-name-after-name');
    }
  }
  // speaker label at a paragraph start: "Paul Renard : …"
  const next = tokens[to];
  if (next?.text === ':' && from === s.from && s.paragraphStart && norms.length >= 2 && !tokens[from]!.upper) return make('person', 'speaker-label');
  // apposition with a role: "Karim El Amrani, président de …"
  const roleAt = (k: number) => lx.matchPhrase('leaderTitles', ctx.norms, k) > 0 || lx.matchPhrase('workTitles', ctx.norms, k) > 0 || lx.matchPhrase('professions', ctx.norms, k) > 0;
  if (next?.text === ',' && (roleAt(to + 1) || (['le', 'la', "l'", 'un', 'une'].includes(tokens[to + 1]?.norm ?? '') && roleAt(to + 2)))) {
    if (norms.length >= 2 && !placeLed(ctx, from, to)) return make('person', 'role-apposition');
  }
  // reported speech: "», confie El Amrani", "El Amrani rétorque"
  if (isAfterSpeechVerb(ctx, from) || (next && lx.has('personOnlySpeechVerbs', next.norm))) {
    if (!lx.orgs.has(full) && !placeLed(ctx, from, to)) return make('person', 'speech');
  }
  // "le maire de Saint-Varent", "le parquet de Niort": places after institution nouns
  if (prev && (prev.norm === 'de' || prev.norm === "d'" || prev.norm === 'du' || prev.norm === 'of') && norms.length <= 3 && !tokens[from]!.upper) {
    for (const len of [1, 2, 3]) {
      const k = from - 1 - len;
      if (k >= s.from && lx.matchPhrase('placeOfNouns', ctx.norms, k) === len) return make('place', 'place-of');
    }
  }
  // "Jean Dupont, 45 ans, …": an age apposition
  if (next?.text === ',' && tokens[to + 1]?.kind === 'num' && (tokens[to + 2]?.norm === 'ans' || tokens[to + 2]?.norm === 'years') && !(norms.length === 1 && tokens[from]!.upper)) return make('person', 'age');
  // "un porte-parole de l'ONG, Cyrille Cormier": a name closing a role phrase
  if (prev?.text === ',' && norms.length >= 2 && norms.length <= 4 && !tokens[from]!.upper && (!next || next.text === '.' || next.text === ',' || next.text === ')' || lx.has('speechVerbs', next.norm))) {
    for (let k = from - 2; k >= Math.max(s.from, from - 9); k--) {
      if (ctx.tokens[k]!.text === ',' || ctx.tokens[k]!.text === '.') break;
      if (lx.matchPhrase('leaderTitles', ctx.norms, k) > 0 || lx.matchPhrase('workTitles', ctx.norms, k) > 0) return make('person', 'role-before');
    }
  }
  // … also across one word of kind: "le constructeur automobile Renault", "le groupe pharmaceutique Sanofi"
  const kindBetween = !!prev && prev.kind === 'word' && !prev.cap && !lx.has('determiners', before) && !lx.has('commonWords', before) && !!prev2 && lx.has('orgContextBefore', prev2.norm) && norms.length <= 3;
  if (lx.has('orgContextBefore', before) || kindBetween) return make('organization', 'org-context');
  // places by preposition: "à Khouribga", "in Leeds"
  if (lx.matchPhrase('placePrepositions', ctx.norms, from - 1) === 1 && !tokens[from]!.upper && norms.length <= 3) {
    const p = prev!.norm;
    if (p === 'a' || p === 'in' || p === 'near' || p === 'vers' || p === 'depuis' || p === 'en') {
      // "a confié à Paris Match": a known place followed by words that are no place is a title, not where
      const placeLed = norms.length >= 2 && lx.places.has(norms[0]!) && !lx.places.has(lastWord) && !lx.countries.has(lastWord) && !lx.has('nonEntities', lastWord);
      if (placeLed) return make('organization', 'place-led-name');
      // "a proposé à Renault une fusion": after a verb of giving or asking, "à" names who receives
      // ("accorde un prêt de soutien à X": the verb may come a few words earlier)
      let dative = false;
      if (p === 'a' && !lx.places.has(full)) {
        for (let k = from - 2; k >= Math.max(s.from, from - 7) && !dative; k--) {
          if (tokens[k]!.kind === 'punct') break;
          dative = lx.has('dativeVerbs', tokens[k]!.norm);
        }
      }
      if (!(p === 'en' && tokens[from]!.upper) && !dative) return make('place', 'place-preposition');
    }
  }
  if (prev && (prev.norm === 'de' || prev.norm === 'of') && ['ville', 'region', 'province', 'commune', 'city', 'town', 'village', 'capitale'].includes(prev2?.norm ?? '')) return make('place', 'place-of');
  if (lx.countries.has(norms[norms.length - 1]!) && norms.length === 1) return make('place', 'country');
  if (norms.length >= 2 && lx.lastNames.has(lastWord) && !tokens[from]!.upper) return make('person', 'last-name');
  return make('organization', 'default');
}

function isAfterSpeechVerb(ctx: DocContext, from: number): boolean {
  const { tokens, lexicon: lx } = ctx;
  // "…», confie X" / "…, a expliqué X"
  for (let back = 1; back <= 3; back++) {
    if (from - back < 0) return false;
    if (lx.matchPhrase('speechVerbs', ctx.norms, from - back) === back) {
      const before = tokens[from - back - 1];
      return !!before && (before.text === ',' || before.text === '»' || before.text === '"' || before.text === '”');
    }
  }
  return false;
}

const SAINT_ABBREVIATIONS = new Set(['st', 'ste', 'mt', 'ft']);

const SPELLED_NUMBERS = new Set(['un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'cents', 'mille', 'et', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand']);

/** A token that is an acronym, a common word or common-noun shaped: not the first half of a two-word name. */
function notNameLike(ctx: DocContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  const w = ctx.norms[k]!;
  return t.upper || ctx.lowerWords.has(w) || ctx.lexicon.knownWords.has(w) || isCommonNounShape(w) || ctx.lexicon.has('commonWords', w);
}

const COMMON_NOUN_SHAPE = /(?:tion|tions|ment|ments|ite|ites|isme|ance|ances|ence|ences|ure|ures|age|ages|eur|eurs|ie|ies|ique|iques|ness|ship|ity|ities)$/;

function isCommonNounShape(word: string): boolean {
  return COMMON_NOUN_SHAPE.test(word);
}

/** An amount of money in the few words after k, in the same clause: "(,) doté à la mi-mars de 750 milliards d'euros". */
function amountFollows(ctx: DocContext, k: number, end: number): boolean {
  const { tokens, norms } = ctx;
  for (let x = k; x < Math.min(end, k + 10); x++) {
    const t = tokens[x]!;
    if (t.kind === 'punct' && t.text !== ',') return false;
    if (t.kind !== 'num') continue;
    for (let y = x + 1; y < Math.min(end, x + 4); y++) {
      if (isCurrencyWord(norms[y]!)) return true;
      if (!isScaleWord(norms[y]!) && norms[y] !== 'de' && norms[y] !== "d'") break;
    }
    return false;
  }
  return false;
}

/** Words after which a rank is still a rank: "selon le général X", "avec le colonel X". */
const RANK_BEFORE = new Set(['de', "d'", 'a', 'par', 'selon', 'avec', 'pour', 'chez', 'sur', 'et', 'ou', 'que', 'qui', 'dont', 'contre', 'entre', 'sans', 'ancien', 'ex', 'feu', 'by', 'with', 'and', 'of']);

/**
 * An honorific or rank at token k ("M.", "général de Gaulle"), unless it ends a role title:
 * "directeur général de Renault", "secrétaire générale" name a role, not a general.
 */
function honorificAt(ctx: DocContext, k: number): boolean {
  const lx = ctx.lexicon;
  if (!lx.has('honorifics', ctx.norms[k] ?? '')) return false;
  // after a noun it qualifies the noun: "le délégué général de X", "l'avocat général"
  const prev = ctx.tokens[k - 1];
  if (prev?.kind === 'word' && !prev.cap && !lx.has('determiners', prev.norm) && !RANK_BEFORE.has(prev.norm) && !ctx.tokens[k]!.cap) return false;
  for (const back of [1, 2]) {
    if (Math.max(lx.matchPhrase('leaderTitles', ctx.norms, k - back), lx.matchPhrase('workTitles', ctx.norms, k - back)) > back) return false;
  }
  return true;
}

/** Length of a role title at token k ("Président", "Directeur Général", "chief executive"), or 0. */
function titleAt(ctx: DocContext, k: number): number {
  const lx = ctx.lexicon;
  return Math.max(lx.matchPhrase('leaderTitles', ctx.norms, k), lx.matchPhrase('workTitles', ctx.norms, k), lx.has('honorifics', ctx.norms[k] ?? '') && ctx.tokens[k + 1]?.text !== '.' ? 1 : 0);
}

/** Index of the token just before position i, skipping nothing: used to ask "is a title right before?". */
function titleStart(ctx: DocContext, i: number, from: number): number {
  for (let len = 3; len >= 1; len--) {
    const k = i - len;
    if (k >= from && titleAt(ctx, k) === len) return k;
  }
  return -1;
}

/** A known multi-word place or organisation starting at token i. */
function knownPhraseAt(ctx: DocContext, i: number, end: number, isTaken: (k: number) => boolean): { length: number; type: 'place' | 'organization' } | undefined {
  const { tokens, norms, lexicon: lx } = ctx;
  if (!tokens[i]!.cap || tokens[i]!.kind !== 'word' || !lx.multiwordFirst.has(norms[i]!)) return undefined;
  for (let len = Math.min(4, end - i); len >= 2; len--) {
    let ok = true;
    for (let k = i; k < i + len; k++) if (isTaken(k) || tokens[k]!.kind === 'punct' && tokens[k]!.text !== '-') ok = false;
    if (!ok || !tokens[i + len - 1]!.cap) continue;
    const phrase = norms.slice(i, i + len).join(' ').replace(/' /g, "'");
    if (lx.places.has(phrase)) return { length: len, type: 'place' };
    if (lx.orgs.has(phrase)) return { length: len, type: 'organization' };
  }
  return undefined;
}

const COORDINATORS = new Set([',', 'et', 'ou', 'and', 'or', '&']);
const WEAK_REASONS = new Set(['default', 'org-context']);

/** "Paris, Londres, Hambourg et Düsseldorf": an untyped name in a list takes the type of its known neighbours. */
function propagateCoordinatedTypes(ctx: DocContext, mentions: MentionSpan[]): void {
  const sorted = mentions.filter((m) => m.type !== 'figure' && m.type !== 'programme').sort((a, b) => a.from - b.from);
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < sorted.length; k++) {
      const m = sorted[k]!;
      if (m.reason !== 'default') continue;
      // "à Toulon (Var)", "Lorient (Morbihan)": a lone name in brackets right after a place is its region
      const before = sorted[k - 1];
      const lead = ctx.norms[(before?.from ?? 0) - 1] ?? '';
      const inPlace = ['a', 'au', 'en', 'de', "d'", 'pres', 'vers', 'depuis', 'in', 'near', 'at'].includes(lead);
      const nameOnly = ctx.tokens.slice(m.from, m.to).every((t) => t.kind === 'word' && t.cap && !t.upper);
      if (before && before.type === 'place' && inPlace && nameOnly && !ctx.lexicon.countries.has(ctx.norms[before.to - 1]!) && (before.reason === 'place-lexicon' || before.reason === 'place-preposition') && m.to - m.from <= 3 && ctx.tokens[m.from - 1]?.text === '(' && before.to === m.from - 1 && ctx.tokens[m.to]?.text === ')') {
        m.type = 'place';
        m.reason = 'bracketed-region';
        continue;
      }
      // a list, not an apposition: three members, or a conjunction between two
      const linked = (a: MentionSpan | undefined, b: MentionSpan | undefined) => {
        if (!a || !b) return '';
        const between = ctx.norms.slice(a.to, b.from);
        return between.length >= 1 && between.length <= 2 && between.every((w) => COORDINATORS.has(w)) ? between.join(' ') : '';
      };
      const acronym = m.to - m.from === 1 && ctx.tokens[m.from]!.upper;
      for (const other of [sorted[k - 1], sorted[k + 1]]) {
        if (!other || WEAK_REASONS.has(other.reason) || other.type === 'organization' || (acronym && other.type === 'person')) continue;
        const [a, b] = other.from < m.from ? [other, m] : [m, other];
        const sep = linked(a, b);
        const list = sep !== '' && (sep !== ',' || (linked(sorted[k - 2], sorted[k - 1]) !== '' && sorted[k - 1] === a) || (linked(sorted[k + 1], sorted[k + 2]) !== '' && sorted[k + 1] === b) || linked(sorted[k - 1], m) !== '' && linked(m, sorted[k + 1]) !== '');
        if (list) {
          m.type = other.type;
          m.reason = 'coordination';
          break;
        }
      }
    }
  }
}

/** Function words that an acronym may or may not take a letter from. */
const ACRONYM_OPTIONAL = new Set(['de', 'du', 'des', "d'", 'la', 'le', 'les', "l'", 'et', 'pour', 'sur', 'en', 'a', 'au', 'aux', 'of', 'the', 'and', 'for', 'on', 'in', '&', 'contre', 'dans', 'par']);

/**
 * "l'Office central de lutte contre la corruption (OCLCIFF)", "Impôt sur la fortune (ISF)":
 * the words before a bracketed acronym whose initials spell it become one entity with the
 * acronym as alias; the acronym's own mention joins it.
 */
function findAcronymDefinitions(ctx: DocContext, s: Sentence, out: MentionSpan[]): void {
  const { tokens, norms, lexicon: lx } = ctx;
  for (let p = s.from + 1; p + 2 < s.to; p++) {
    if (tokens[p]!.text !== '(' || tokens[p + 2]!.text !== ')') continue;
    const acr = tokens[p + 1]!;
    // (also with a small letter inside: "Direction générale des finances publiques (DGFiP)")
    const mixed = !acr.upper && /^\p{Lu}+\p{Ll}\p{Lu}+$/u.test(acr.text);
    if ((!acr.upper && !mixed) || acr.text.length < 2 || acr.text.length > 8 || !/^[\p{Lu}\p{Ll}]+$/u.test(acr.text) || (!mixed && !/^\p{Lu}+$/u.test(acr.text))) continue;
    const letters = acr.text.replace(/\p{Ll}/gu, '').toLowerCase();
    // align letters backwards over the words before the bracket
    let start = -1;
    const align = (w: number, l: number): boolean => {
      if (l < 0) {
        start = w + 1;
        return true;
      }
      if (w < s.from || p - w > letters.length * 3 + 2) return false;
      const t = tokens[w]!;
      if (t.kind !== 'word') return false;
      const optional = ACRONYM_OPTIONAL.has(t.norm);
      if (t.norm.charAt(0) === letters.charAt(l) && align(w - 1, l - 1)) return true;
      return optional && align(w - 1, l);
    };
    if (!align(p - 1, letters.length - 1) || start < 0) {
      // "les Instituts nationaux de santé (NIH)": an acronym in brackets right after a name is its short form
      let named = out.find((m) => m.to === p && m.type !== 'figure');
      const acrMention = out.find((m) => m.from === p + 1);
      // "la Société nationale de sauvetage en mer de St-Tropez (SNSM)": the place is where the organisation is
      if (named && (named.type === 'place' || (named.to - named.from === 1 && named.reason === 'default'))) {
        const connector = named.from - 1;
        if (['de', 'du', "d'"].includes(norms[connector] ?? '')) {
          const org = [...out].reverse().find((m) => m.type === 'organization' && m.to <= connector && connector - m.to <= 6 && tokens.slice(m.to, connector).every((t) => t.kind === 'word' && !t.cap));
          if (org) named = org;
        }
      }
      // "Damien Martin (LR)": after a person's name the acronym is a party or an employer, not a short form
      if (named?.type === 'person') {
        if (acrMention && acrMention.reason === 'default') acrMention.type = 'organization';
        continue;
      }
      if (named && !named.alias) {
        named.alias = acr.text;
        if (acrMention) {
          acrMention.type = named.type;
          acrMention.reason = 'acronym-definition';
        }
      }
      continue;
    }
    while (start < p && ACRONYM_OPTIONAL.has(norms[start]!)) start++;
    if (p - start < 2) continue;
    const programmeHeadLength = lx.matchPhrase('programmeHeads', norms, start);
    const programmeHead = programmeHeadLength > 0 || lx.has('programmeNamedHeads', norms[start]!);
    const type = programmeHeadLength > 1 || (programmeHead && !lx.matchPhrase('orgHeads', norms, start)) ? 'programme' : lx.matchPhrase('placeHeads', norms, start) > 0 ? 'place' : 'organization';
    // "une rupture conventionnelle collective (RCC)": a common noun in small letters is no organisation
    if (type === 'organization' && !tokens[start]!.cap && !lx.matchPhrase('orgHeads', norms, start) && !lx.matchPhrase('lowerOrgHeads', norms, start)) {
      const k = out.findIndex((m) => m.from === p + 1 && m.to === p + 2);
      if (k >= 0) out.splice(k, 1);
      (ctx.commonAcronyms ??= new Set()).add(acr.norm);
      continue;
    }
    // the expansion replaces the mentions inside it; the acronym gets the same type
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.from >= start && out[k]!.to <= p && out[k]!.type !== 'figure') out.splice(k, 1);
    if (out.some((m) => m.from < p && m.to > start)) continue;
    out.push(makeMention(start, p, s.index, type, spanText(ctx, start, p), 'acronym-definition', { alias: acr.text }));
    const acrMention = out.find((m) => m.from === p + 1);
    if (acrMention) {
      acrMention.type = type;
      acrMention.reason = 'acronym-definition';
    } else out.push(makeMention(p + 1, p + 2, s.index, type, acr.text, 'acronym-definition'));
  }
}
