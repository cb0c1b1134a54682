import { findElliptic, findFigures } from './figures.ts';
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
  /** An alias the mention also answers to ("Mezzanine" for "programme Mezzanine"). */
  alias?: string;
  value?: number;
  value_max?: number;
  unit?: string;
  /** Preceded by an honorific ("M. Dupuy"). */
  honorific?: boolean;
}

export interface DocContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lexicon: Lexicon;
  /** Lower-case words seen in the document (to tell "Accompagnement" from a name). */
  lowerWords: Set<string>;
  /** Normalised token texts, parallel to tokens. */
  norms: string[];
}

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

/** Whether a capitalised token can be part of a name. */
function isNameToken(ctx: DocContext, i: number, sentenceFrom: number, allUpperRun: boolean): boolean {
  const t = ctx.tokens[i]!;
  const lx = ctx.lexicon;
  if (t.kind !== 'word' || !t.cap) return false;
  const w = t.norm;
  if (w.length === 1 && !t.upper) return false;
  if (/['’]$/.test(t.text)) return false;
  if (/^\p{Lu}$/u.test(t.text) && ctx.tokens[i + 1]?.text === '.') return false; // "M." initial or title
  if (lx.has('nonEntities', w) || lx.has('determiners', w)) return false;
  if (t.upper && lx.has('commonAcronyms', w)) return false;
  if (lx.has('honorifics', w) && (ctx.tokens[i + 1]?.text === '.' || ctx.tokens[i + 1]?.cap)) return false;
  const known = lx.places.has(w) || lx.orgs.has(w) || lx.isFirstName(w);
  if (allUpperRun) return known;
  if (lx.has('commonWords', w) && !known) return false;
  if (isInitialPosition(ctx, i, sentenceFrom) && !known) {
    if (lx.knownWords.has(w) || ctx.lowerWords.has(w)) return false;
    if (!t.upper && /(?:tion|tions|ment|ments|ite|ites|isme|ance|ences?|ure|ures|age|ages|eur|eurs|ique|iques|ier|iers|ee|ees|able|ible|ant|ante|ants|ent|ente|ons|ez|ait|aient|ais)$/.test(w)) return false;
  }
  return true;
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
    const m: MentionSpan = { from: f.from, to: f.to, sentence: s.index, type: 'figure', text: spanText(ctx, f.from, f.to), reason: 'figure', value: f.value };
    if (f.value_max !== undefined) m.value_max = f.value_max;
    if (f.unit !== undefined) m.unit = f.unit;
    out.push(m);
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
      out.push({ from: i + 1, to: j, sentence: s.index, type: 'programme', text: spanText(ctx, i + 1, j), reason: 'quoted-programme' });
      i = j;
      continue;
    }
    const before = i - 1;
    if (before >= s.from && lx.has('programmeHeads', norms[before]!) && !tokens[before]!.cap && free(i + 1, j) && inner.length <= 4) {
      take(before, j + 1);
      out.push({
        from: before,
        to: j + 1,
        sentence: s.index,
        type: 'programme',
        text: `${tokens[before]!.text} ${spanText(ctx, i + 1, j)}`,
        reason: 'head-quoted-programme',
      });
      i = j;
    }
  }

  // 3. capitalised names
  const upperRun = (i: number) => {
    // inside a run of three or more all-caps words (a header line)
    let a = i;
    let b = i;
    while (a - 1 >= s.from && (tokens[a - 1]!.upper || tokens[a - 1]!.kind !== 'word')) a--;
    while (b + 1 < s.to && (tokens[b + 1]!.upper || tokens[b + 1]!.kind !== 'word')) b++;
    let n = 0;
    for (let k = a; k <= b; k++) if (tokens[k]!.upper) n++;
    return n >= 3;
  };
  for (let i = s.from; i < s.to; i++) {
    if (isTaken(i)) continue;
    const allUpper = tokens[i]!.upper && upperRun(i);
    if (!isNameToken(ctx, i, s.from, allUpper)) continue;
    let j = i + 1;
    for (;;) {
      if (j >= s.to || isTaken(j)) break;
      const t = tokens[j]!;
      if (isNameToken(ctx, j, s.from, allUpper) || (t.kind === 'word' && t.cap && !t.upper && !lx.has('nonEntities', t.norm) && !lx.has('determiners', t.norm) && !lx.has('commonWords', t.norm))) {
        j++;
        continue;
      }
      // "Mohammed 6 Polytechnique": a short number inside a name
      if (t.kind === 'num' && t.text.length <= 2 && tokens[j + 1] && isNameToken(ctx, j + 1, s.from, allUpper) && !tokens[j + 1]!.upper) {
        j += 2;
        continue;
      }
      // connectors: "Caisse Centrale de Garantie", "Région de Bruxelles-Capitale"
      let c = 0;
      while (c < 2 && j + c < s.to && lx.has('nameConnectors', tokens[j + c]!.norm) && !tokens[j + c]!.cap && tokens[j + c]!.norm !== 'et') c++;
      if (c > 0 && j + c < s.to && !isTaken(j + c) && isNameToken(ctx, j + c, s.from, allUpper) && !lx.has('commonWords', tokens[j + c]!.norm)) {
        j += c + 1;
        continue;
      }
      break;
    }
    // a particle between an honorific and a name belongs to the name: "M. d'Halluin"
    if (i - 1 > s.from && lx.has('personParticles', norms[i - 1]!) && !tokens[i - 1]!.cap) {
      const h = tokens[i - 2]!;
      const h2 = tokens[i - 3];
      if ((h.text === '.' && h2 && lx.has('honorifics', h2.norm)) || (h.kind === 'word' && lx.has('honorifics', h.norm))) i--;
    }
    // lower-case adjectives after an organisation head: "Banque mondiale", "Confédération marocaine de TPE-PME"
    const headLen = lx.matchPhrase('orgHeads', norms, i);
    if (headLen > 0 && j === i + headLen) {
      let k = j;
      while (k < s.to && !tokens[k]!.cap && lx.has('placeAdjectives', norms[k]!)) k++;
      if (k > j) {
        j = k;
        if (j + 1 < s.to && (norms[j] === 'de' || norms[j] === "d'" || norms[j] === 'des' || norms[j] === 'du') && isNameToken(ctx, j + 1, s.from, false)) {
          j += 2;
          while (j < s.to && isNameToken(ctx, j, s.from, false)) j++;
        }
      }
    }
    // a lone capitalised word that only is an org head or place head ("Groupe", "Région") is not a name
    if (j === i + 1 && (lx.has('orgHeads', norms[i]!) || lx.has('placeHeads', norms[i]!) || lx.has('programmeNamedHeads', norms[i]!))) continue;
    // facility: "Benguerir data center"
    const facility = lx.matchPhrase('facilityNouns', norms, j);
    let facilityEnd = 0;
    if (facility > 0 && tokens.slice(j, j + facility).every((t) => !t.cap)) facilityEnd = j + facility;
    const end = facilityEnd || j;
    // drop trailing connectors
    let last = end;
    while (last > i + 1 && lx.has('nameConnectors', norms[last - 1]!)) last--;
    out.push(typeName(ctx, s, i, last, facilityEnd > 0));
    take(i, last);
    i = last - 1;
  }

  // 4. programmes written in lower case: "programme Mezzanine", "prêts garantis", "fonds de solidarité", launched platforms
  for (const p of findProgrammes(ctx, s, isTaken, out)) {
    take(p.from, p.to);
    out.push(p);
  }
  return out.sort((a, b) => a.from - b.from);
}

const PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|el|elle|els|elles|al|ale|aux|ales|aire|aires|if|ive|ifs|ives|ier|iere|iers|ieres|ique|iques|ant|ante|ants|antes)$/;

function findProgrammes(ctx: DocContext, s: Sentence, isTaken: (i: number) => boolean, mentions: MentionSpan[]): MentionSpan[] {
  const { tokens, lexicon: lx } = ctx;
  const norms = ctx.norms;
  const out: MentionSpan[] = [];
  const indefinite = new Set(['un', 'une', 'des', 'a', 'an', 'some']);
  for (let i = s.from; i < s.to; i++) {
    if (isTaken(i) || tokens[i]!.cap) continue;
    // head + named entity: "programme Mezzanine", "prime Web" (the name may have been typed otherwise)
    if (lx.has('programmeNamedHeads', norms[i]!)) {
      const next = mentions.find((m) => m.from === i + 1 && m.type !== 'figure' && m.type !== 'person');
      const nextTok = tokens[i + 1];
      if (next || (nextTok && nextTok.cap && nextTok.kind === 'word' && !isTaken(i + 1))) {
        const to = next ? next.to : i + 2;
        if (next) mentions.splice(mentions.indexOf(next), 1);
        const name = spanText(ctx, i + 1, to);
        const m: MentionSpan = { from: i, to, sentence: s.index, type: 'programme', text: spanText(ctx, i, to), reason: 'head-name-programme' };
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
      const lower = t.text.toLowerCase();
      return PARTICIPLE.test(t.norm) && (/(?:é|ée|és|ées|i|is|ie|ies|u|ue|us|ues)$/.test(lower) || (lx.knownWords.has(t.norm) && /(?:el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives|ique|iques)$/.test(lower)));
    };
    if (adjOk(h) && !indefinite.has(before)) {
      // head + adjective/participle: "prêts garantis", "chômage partiel"
      let to = h + 1;
      if (adjOk(to)) to++;
      out.push({ from: i, to, sentence: s.index, type: 'programme', text: spanText(ctx, i, to), reason: 'head-adjective-programme' });
      i = to - 1;
      continue;
    }
    const de = norms[h];
    if ((de === 'de' || de === "d'" || de === 'a' || de === 'for') && !indefinite.has(before) && lx.has('programmeNamedHeads', norms[i]!)) {
      const c = tokens[h + 1];
      if (c && h + 1 < s.to && c.kind === 'word' && !c.cap && !isTaken(h + 1) && !lx.has('determiners', c.norm) && !lx.has('commonWords', c.norm) && !lx.has('programmeGenericComplements', c.norm) && !lx.knownWords.has(c.norm)) {
        out.push({ from: i, to: h + 2, sentence: s.index, type: 'programme', text: spanText(ctx, i, h + 2), reason: 'head-complement-programme' });
        i = h + 1;
        continue;
      }
    }
    if (headLen > 1) {
      out.push({ from: i, to: h, sentence: s.index, type: 'programme', text: spanText(ctx, i, h), reason: 'multiword-head-programme' });
      i = h - 1;
    }
  }
  // launched things: "la mise sur pied d'une plateforme virtuelle", "a lancé un fonds d'amorçage"
  for (let i = s.from; i < s.to; i++) {
    if (!/^(?:lanc(?:e|er|ent|era|ement)|initi(?:e|er|ent|era)|instaur(?:e|er)|deploi|deploie|deployer|launch(?:es|ed)?|cre(?:e|er|ation|ent))$/.test(norms[i]!) && !(norms[i] === 'pied' && norms[i - 1] === 'sur') && !(norms[i] === 'place' && norms[i - 1] === 'en')) continue;
    for (let k = i + 1; k < Math.min(s.to, i + 5); k++) {
      if (isTaken(k)) break;
      if (!lx.has('launchableNouns', norms[k]!) || tokens[k]!.cap) continue;
      const adj = tokens[k + 1];
      if (adj && k + 1 < s.to && adj.kind === 'word' && !adj.cap && !isTaken(k + 1) && PARTICIPLE.test(adj.norm) && /(?:elle|el|ale|al|ique|if|ive|aire|ée|é|e)$/.test(adj.text.toLowerCase()) && !lx.knownWords.has(adj.norm + 'r') && !lx.has('commonWords', adj.norm) && !out.some((o) => o.from <= k && o.to > k)) {
        out.push({ from: k, to: k + 2, sentence: s.index, type: 'programme', text: spanText(ctx, k, k + 2), reason: 'launched-programme' });
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
    const m: MentionSpan = { from, to, sentence: s.index, type, text: spanText(ctx, from, to), reason };
    if (honorific && type === 'person') {
      m.honorific = true;
      const at = prev!.text === '.' ? from - 2 : from - 1;
      m.alias = spanText(ctx, at, to);
    }
    return m;
  };
  const prev = tokens[from - 1];
  const prev2 = tokens[from - 2];
  const honorific = !!prev && ((prev.text === '.' && prev2 !== undefined && lx.has('honorifics', prev2.norm)) || (lx.has('honorifics', prev.norm) && prev.kind === 'word'));
  if (facility) return make('organization', 'facility');
  const normsAll = ctx.norms;
  for (const back of [1, 2]) {
    if (from - back >= s.from && lx.matchPhrase('productContextBefore', normsAll, from - back) === back) return make('product', 'product-context');
  }
  if (lx.orgs.has(full)) return make('organization', 'org-lexicon');
  if (lx.places.has(full)) return make('place', 'place-lexicon');
  if (lx.matchPhrase('placeHeads', norms, 0) > 0 && norms.length > 1 && (norms[1] === 'de' || norms[1] === "d'" || norms[1] === 'du' || norms[1] === 'of')) return make('place', 'place-head');
  if (lx.matchPhrase('orgHeads', norms, 0) > 0 && norms.length > 1) return make('organization', 'org-head');
  const lastWord = norms[norms.length - 1]!;
  if (norms.length > 1 && lx.has('orgSuffixes', lastWord) && !lx.isFirstName(norms[0]!)) return make('organization', 'org-suffix');
  if (honorific) return make('person', 'honorific');
  // context before: "président X" → person, "la société X" → organization
  const before = prev?.norm ?? '';
  if (lx.has('personContextBefore', before) && !lx.places.has(full) && !lx.places.has(lastWord) && !lx.has('orgSuffixes', lastWord)) {
    if (norms.length > 1 || lx.isFirstName(norms[0]!)) return make('person', 'person-context');
  }
  const firstIsName = lx.isFirstName(norms[0]!) && !lx.places.has(norms[0]!);
  if (norms.length >= 2 && firstIsName && !tokens[from]!.upper) return make('person', 'first-name');
  // speaker label at a paragraph start: "Patrice Foliard : …"
  const next = tokens[to];
  if (next?.text === ':' && from === s.from && s.paragraphStart && norms.length >= 2 && !tokens[from]!.upper) return make('person', 'speaker-label');
  // apposition with a role: "Abdellah El Fergui, président de …"
  if (next?.text === ',' && (lx.matchPhrase('leaderTitles', ctx.norms, to + 1) > 0 || lx.matchPhrase('workTitles', ctx.norms, to + 1) > 0 || (['le', 'la', "l'"].includes(tokens[to + 1]?.norm ?? '') && (lx.matchPhrase('leaderTitles', ctx.norms, to + 2) > 0 || lx.matchPhrase('workTitles', ctx.norms, to + 2) > 0)))) {
    if (norms.length >= 2) return make('person', 'role-apposition');
  }
  // reported speech: "», confie El Fergui", "El Fergui rétorque"
  if (isAfterSpeechVerb(ctx, from) || (next && lx.has('personOnlySpeechVerbs', next.norm))) {
    if (!lx.orgs.has(full)) return make('person', 'speech');
  }
  if (lx.has('orgContextBefore', before)) return make('organization', 'org-context');
  // places by preposition: "à Benguerir", "in Leeds"
  if (lx.matchPhrase('placePrepositions', ctx.norms, from - 1) === 1 && !tokens[from]!.upper && norms.length <= 3) {
    const p = prev!.norm;
    if (p === 'a' || p === 'in' || p === 'near' || p === 'vers' || p === 'depuis' || p === 'au' || p === 'aux' || p === 'en') {
      if (!(p === 'en' && tokens[from]!.upper)) return make('place', 'place-preposition');
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
    const t = tokens[from - back];
    if (!t) return false;
    const phrase = tokens
      .slice(from - back, from)
      .map((x) => x.norm)
      .join(' ');
    if (lx.has('speechVerbs', phrase)) {
      const before = tokens[from - back - 1];
      return !!before && (before.text === ',' || before.text === '»' || before.text === '"' || before.text === '”');
    }
  }
  return false;
}
