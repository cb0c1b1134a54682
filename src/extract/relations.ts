import { kindAdjectivesEnd, type DocContext, type MentionSpan } from './entities.ts';
import { matchInIndex } from './lexicon.ts';
import { normalizeName } from './normalize-name.ts';
import type { Cluster } from './resolve.ts';
import { figureKey, type FigureOwner } from './dependency/figure-owners.ts';
import type { CompiledRule, PatternElement } from './rules.ts';
import type { Sentence } from './tokenize.ts';
import type { EntityType, RelationName } from './types.ts';

/** An entity item of a sentence: a mention, an anaphor resolved to entities, or the speaker's "nous". */
interface EntityItem {
  kind: 'ent';
  clusters: Cluster[];
  type: EntityType | 'speaker';
  from: number;
  to: number;
  /** Speaker person (for "nous"/"notre"), resolved to their organisation at the end. */
  speaker?: Cluster;
}
interface WordItem {
  kind: 'tok';
  index: number;
}
type Item = EntityItem | WordItem;
/** Item positions bound to a rule's slots: source, target, group. */
type Binding = { s: number | undefined; t: number | undefined; g: number | undefined };

const NO_CLUSTERS: Cluster[] = [];
/**
 * Items are built with every field of both kinds, in one order, so that all share one
 * object shape: with two shapes V8 kept dropping and recompiling findRelations.
 */
function entityItem(clusters: Cluster[], type: EntityItem['type'], from: number, to: number, speaker?: Cluster): EntityItem {
  return { kind: 'ent', index: -1, clusters, type, from, to, speaker } as EntityItem;
}
function wordItem(index: number): WordItem {
  return { kind: 'tok', index, clusters: NO_CLUSTERS, type: undefined, from: -1, to: -1, speaker: undefined } as WordItem;
}

/** A relation found in a sentence, between clusters (or a speaker to resolve). */
export interface FoundRelation {
  source: Cluster | { speaker: Cluster };
  target: Cluster | { speaker: Cluster };
  relation: RelationName;
  sentence: number;
  pattern: string;
}

const ENT = '\u0000';
const SEPARATORS = [[','], ['et'], ['ou'], ['and'], ['or'], ['&'], ['ainsi', 'que'], ['as', 'well', 'as'], ['et', 'avec'], ['et', 'en', 'parallele', 'avec'], ['et', 'aussi'], ['et', 'a'], ['et', 'au'], ['et', 'aux']];

export interface RelationContext {
  ctx: DocContext;
  clusters: Cluster[];
  rules: CompiledRule[];
  /** Owners of figures found by syntax ("sentence:from" → owner, null for none): they replace the surface guesses. */
  figureOwners?: Map<string, FigureOwner>;
}

/** An acronym right after an office, without "de": "maire LR", "député PS", "the Republican senator". */
function isPartyLabel(items: Item[], words: string[], t: number, ctx: DocContext): boolean {
  const it = items[t];
  if (!it || it.kind !== 'ent' || it.from < 0 || it.to - it.from !== 1 || !ctx.tokens[it.from]!.upper) return false;
  const before = items[t - 1];
  return before?.kind === 'tok' && !ctx.tokens[before.index]!.cap && ctx.lexicon.has('electedTitles', words[t - 1]!);
}

/** The organisations of a text by each of their names, for titles that name them ("ministre du Travail"). */
function institutionsByName(clusterOf: Map<MentionSpan, Cluster>, heads: Iterable<string>): Map<string, Cluster> {
  const out = new Map<string, Cluster>();
  const prefixes = [...new Set([...heads].map((h) => `${normalizeName(h)} `))];
  for (const c of clusterOf.values()) {
    if (c.type !== 'organization') continue;
    for (const name of [c.label, ...c.aliases]) {
      const key = normalizeName(name);
      if (prefixes.some((p) => key.startsWith(p))) out.set(key, c);
    }
  }
  return out;
}

const OF_WORDS = new Set(['de', 'du', 'des', "d'", 'of']);
const ARTICLES = new Set(['la', 'le', 'les', "l'", 'the']);

/** The position after "de", "du", "of" and an optional article ("de la", "of the") at `at`, or -1. */
function afterOf(words: string[], at: number): number {
  if (!OF_WORDS.has(words[at] ?? '')) return -1;
  return ARTICLES.has(words[at + 1] ?? '') ? at + 2 : at + 1;
}
const INNER_WORDS = new Set(['de', 'du', 'des', "d'", 'la', "l'", 'le', 'les', 'et', 'of', 'the', 'and']);

/**
 * A title that names an institution of the same text ("la ministre du Travail" ↔ "ministère du
 * Travail") and the person it is given to: the name right after it ("le ministre de l'Économie,
 * Paul Martin"), right before it ("Paul Martin, le ministre de …"), or, after a speech verb in a
 * sentence that names no one ("…, poursuit la ministre du Travail."), the person named just before.
 */
function institutionLinks(ctx: DocContext, s: Sentence, mentions: MentionSpan[], clusterOf: Map<MentionSpan, Cluster>, institutions: Map<string, Cluster>, recentPerson: Cluster | undefined): { person: Cluster; institution: Cluster }[] {
  const { tokens, norms, lexicon: lx } = ctx;
  const out: { person: Cluster; institution: Cluster }[] = [];
  if (lx.titleInstitutions.size === 0 || institutions.size === 0) return out;
  const personAt = (from: number, to?: number): Cluster | undefined => {
    const m = mentions.find((x) => (to === undefined ? x.from === from : x.to === to) && x.type === 'person');
    const c = m && clusterOf.get(m);
    return c?.type === 'person' ? c : undefined;
  };
  for (let i = s.from; i < s.to; i++) {
    const match = lx.titleInstitutionAt(norms, i);
    if (!match || i + match.length > s.to) continue;
    const head = match.institution;
    const j = i + match.length;
    if (!OF_WORDS.has(norms[j] ?? '')) continue;
    // the complement: "du Travail", "de l'Économie et des Finances", "des Solidarités et de la Santé"
    let end = -1;
    for (let k = j + 1; k < s.to; k++) {
      const t = tokens[k]!;
      if (t.kind === 'word' && t.cap) end = k + 1;
      else if (!(t.kind === 'word' && INNER_WORDS.has(t.norm))) break;
    }
    if (end < 0) continue;
    let institution: Cluster | undefined;
    // "le ministre des Comptes publics": the adjectives after the complement belong to it
    const withAdjectives = kindAdjectivesEnd(ctx, end, s.to, () => false);
    if (withAdjectives > end) {
      institution = institutions.get(normalizeName(`${head} ${ctx.text.slice(tokens[j]!.start, tokens[withAdjectives - 1]!.end)}`));
      if (institution) end = withAdjectives;
    }
    for (let e = end; e > j && !institution; e--) {
      if (!tokens[e - 1]!.cap) continue;
      institution = institutions.get(normalizeName(`${head} ${ctx.text.slice(tokens[j]!.start, tokens[e - 1]!.end)}`));
      if (institution) end = e;
    }
    if (!institution) continue;
    // the person: after ("…, Paul Martin" / "… Paul Martin") or before ("Paul Martin, (le) ministre …")
    let person = personAt(tokens[end]?.text === ',' ? end + 1 : end);
    if (!person) {
      let b = i - 1;
      if (['le', 'la', "l'", 'the'].includes(norms[b] ?? '')) b--;
      if (tokens[b]?.text === ',') person = personAt(0, b);
      // "…, poursuit la ministre du Travail.": the one speaking, named just before
      else if (b >= s.from && lx.matchPhrase('speechVerbs', norms, b) === 1 && !mentions.some((m) => m.type === 'person')) person = recentPerson;
    }
    if (person) out.push({ person, institution });
    i = end - 1;
  }
  return out;
}

/** Finds typed relations, has_figure and part_of links, and co-occurrences of one document. */
export function findRelations(rc: RelationContext, mentionsBySentence: Map<number, MentionSpan[]>, clusterOf: Map<MentionSpan, Cluster>, speakersFound?: (Cluster | undefined)[]): FoundRelation[] {
  const { ctx } = rc;
  const { tokens, lexicon: lx, norms } = ctx;
  const found: FoundRelation[] = [];
  const speakers = speakersFound ?? findSpeakers(ctx, mentionsBySentence, clusterOf);
  let recentOrgs: { cluster: Cluster; sentence: number }[] = [];
  let recentGroup: { clusters: Cluster[]; sentence: number } | undefined;
  let lastProgramme: { cluster: Cluster; sentence: number } | undefined;
  const anaphorHeads = new Map<string, { cluster: Cluster; sentence: number }>();
  const anaphorStarts = anaphorStartWords(lx);
  /** The person named last: what "le ministre" points back to. */
  let lastPerson: { cluster: Cluster; sentence: number } | undefined;
  /** The organisation a sentence opens with: what "la société" in the next one most likely means. */
  let lastSubject: { cluster: Cluster; sentence: number } | undefined;
  const institutions = institutionsByName(clusterOf, lx.titleInstitutions.values());

  for (const s of ctx.sentences) {
    const mentions = mentionsBySentence.get(s.index) ?? [];
    // a sentence without a name and outside any interview turn or quotation yields nothing
    const recentPerson = lastPerson && s.index - lastPerson.sentence <= 3 ? lastPerson.cluster : undefined;
    const links = institutionLinks(ctx, s, mentions, clusterOf, institutions, recentPerson);
    const pushLinks = (typed?: Set<string>) => {
      for (const link of links) {
        const key = `${link.person.id}|${link.institution.id}`;
        if (typed?.has(key)) continue;
        found.push({ source: link.person, target: link.institution, relation: 'works_for', sentence: s.index, pattern: 'works_for.title-institution' });
        typed?.add(key);
      }
    };
    if (mentions.length === 0 && !speakers[s.from] && !speakers[s.to - 1]) {
      pushLinks();
      continue;
    }
    // build items
    const items: Item[] = [];
    const words: string[] = [];
    let m = 0;
    for (let i = s.from; i < s.to; ) {
      const mention = mentions[m];
      if (mention && mention.from === i) {
        const c = clusterOf.get(mention)!;
        items.push(entityItem([c], c.type, mention.from, mention.to));
        words.push(ENT);
        i = mention.to;
        m++;
        continue;
      }
      // adverbs and days are transparent to the patterns: "s'est alors entendue avec", "a annoncé mardi"
      if (lx.has('transparentWords', norms[i]!) && !ctx.tokens[i]!.cap) {
        i++;
        continue;
      }
      // anaphors: "la société", "les deux entités", possessive before a title, "nous"
      if (!anaphorStarts.has(norms[i]!)) {
        items.push(wordItem(i));
        words.push(norms[i]!);
        i++;
        continue;
      }
      // a name that starts inside the phrase ("de la Confédération nationale du logement") is no anaphor
      const nameInside = (length: number) => !!mention && mention.from < i + length;
      const orgAnaLength = lx.matchPhrase('orgAnaphors', norms, i);
      const groupAnaLength = lx.matchPhrase('groupAnaphors', norms, i);
      const orgAna = nameInside(orgAnaLength) ? 0 : orgAnaLength;
      const groupAna = nameInside(groupAnaLength) ? 0 : groupAnaLength;
      const lastOrg = recentOrgs.length ? recentOrgs[recentOrgs.length - 1] : undefined;
      // "ce dispositif", "cette mesure": the programme named last
      const programmeAna = lx.matchPhrase('programmeAnaphors', norms, i);
      if (programmeAna > 0 && !nameInside(programmeAna) && lastProgramme && s.index - lastProgramme.sentence <= 3 && !introducesName(ctx, i + programmeAna, s.to, mention)) {
        items.push(entityItem([lastProgramme.cluster], 'programme', i, i + programmeAna));
        words.push(ENT);
        i += programmeAna;
        continue;
      }
      if (groupAna > 0 && recentGroup && s.index - recentGroup.sentence <= 3) {
        items.push(entityItem(recentGroup.clusters, 'organization', i, i + groupAna));
        words.push(ENT);
        i += groupAna;
        continue;
      }
      // "le ministre a annoncé …", "a plaisanté le PDG": a role without a name is the person last named
      const article = norms[i] === 'le' || norms[i] === 'la' || norms[i] === "l'" || norms[i] === 'the';
      const roleLength = article ? Math.max(lx.matchPhrase('leaderTitles', norms, i + 1), lx.matchPhrase('workTitles', norms, i + 1)) : 0;
      if (roleLength > 0 && lastPerson && s.index - lastPerson.sentence <= 3 && !(mention && mention.from <= i + 1 + roleLength + 1)) {
        const after = norms[i + 1 + roleLength];
        const followedByOf = after === 'de' || after === 'du' || after === 'des' || after === "d'" || after === 'of';
        if (!followedByOf && !introducesName(ctx, i + 1 + roleLength, s.to, mention)) {
          items.push(entityItem([lastPerson.cluster], 'person', i, i + 1 + roleLength));
          words.push(ENT);
          i += 1 + roleLength;
          continue;
        }
      }
      if (orgAna > 0 && lastOrg && s.index - lastOrg.sentence <= 3 && !introducesName(ctx, i + orgAna, s.to, mention)) {
        // the same noun keeps its referent ("la nouvelle structure" … "la structure"); "ce dernier" is the last one named
        const head = norms[i + orgAna - 1]!;
        const remembered = anaphorHeads.get(head);
        const latter = head === 'dernier' || head === 'derniere' || head === 'latter';
        const subject = lastSubject && s.index - lastSubject.sentence <= 2 ? lastSubject.cluster : undefined;
        const referent = !latter && remembered && s.index - remembered.sentence <= 6 ? remembered.cluster : !latter && subject ? subject : lastOrg.cluster;
        anaphorHeads.set(head, { cluster: referent, sentence: s.index });
        // "au constructeur", "à la société": the preposition stays a word the patterns can read
        if (orgAna > 1 && (norms[i] === 'au' || norms[i] === 'aux' || norms[i] === 'a')) {
          items.push(wordItem(i));
          words.push(norms[i]!);
          items.push(entityItem([referent], 'organization', i + 1, i + orgAna));
          words.push(ENT);
          i += orgAna;
          continue;
        }
        items.push(entityItem([referent], 'organization', i, i + orgAna));
        words.push(ENT);
        i += orgAna;
        continue;
      }
      const speaker = speakers[i];
      if (lx.has('firstPerson', norms[i]!) && speaker && (norms[i] === 'nous' || norms[i] === 'we' || norms[i] === 'us' || followedByRole(ctx, i, s.to))) {
        items.push(entityItem([], 'speaker', i, i + 1, speaker));
        words.push(ENT);
        i++;
        continue;
      }
      if (lx.has('possessives', norms[i]!) && lastOrg && s.index - lastOrg.sentence <= 2 && followedByRole(ctx, i, s.to)) {
        items.push(entityItem([lastOrg.cluster], 'organization', i, i + 1));
        words.push(ENT);
        i++;
        continue;
      }
      items.push(wordItem(i));
      words.push(norms[i]!);
      i++;
    }
    const groups = coordinationGroups(items, words);

    // pattern rules
    const typedPairs = new Set<string>();
    const entityCount = items.filter((it) => it.kind === 'ent').length;
    if (entityCount > 0) {
      const present = new Set(words);
      // a rule that opens with a slot can only start on an entity: try those positions alone
      const entityStarts: number[] = [];
      for (let k = 0; k < items.length; k++) if (items[k]!.kind === 'ent') entityStarts.push(k);
      for (const rule of rc.rules) {
        // a rule relates two entities, unless it takes the speaker as source or a group
        if (entityCount < 2 && !rule.source && !rule.elements.some((e) => e.t === 'slot' && e.role === 'g')) continue;
        if (rule.anchors && !hasAny(present, rule.anchors)) continue;
        // after a match, the next one starts where it ended
        let next = 0;
        const count = rule.startsWithSlot ? entityStarts.length : items.length;
        for (let n = 0; n < count; n++) {
          const start = rule.startsWithSlot ? entityStarts[n]! : n;
          if (start < next) continue;
          if (!rule.startsWithSlot && rule.startWords && !rule.startWords.has(words[start]!)) continue;
          const binding: Binding = { s: undefined, t: undefined, g: undefined };
          const end = matchAt(rule.elements, 0, items, words, start, binding, rc);
          if (end < 0) continue;
          // "Paul Durand, la directrice de cabinet du chef de l'État Claire Martin": a role phrase
          // that runs into another person's name is that person's, not an apposition to the first
          if (rule.appositionToTarget && isPersonItem(items[end])) continue;
          // "le président du groupe X au Sénat et Paul Martin": a source after "et" that a gap reached is another subject
          if (rule.gapBeforeSource && binding.s !== undefined && ['et', 'ou', 'and', 'or'].includes(words[binding.s - 1] ?? '')) continue;
          // "directrice adjointe chez Danone": a deputy works for the organisation, does not lead it
          // "le maire LR Jean Martin", "Paul Durand, maire LR de Nice": an acronym right after the role is the holder's party
          const partyLabel = rule.relation === 'leads' && binding.t !== undefined && isPartyLabel(items, words, binding.t, ctx);
          const deputy = rule.relation === 'leads' && (partyLabel || words.slice(start, end).some((w) => lx.has('deputyWords', w)) || headsDepartment(words, start, end, lx));
          emit(deputy ? { ...rule, relation: 'works_for' } : rule, binding, items, groups, s.index, speakers[items[start]!.kind === 'tok' ? (items[start] as WordItem).index : (items[start] as EntityItem).from], found, typedPairs);
          if (end > start + 1) next = end;
        }
      }
    }

    // "la ministre du Travail, X" with a "ministère du Travail" elsewhere in the text: X works for it
    pushLinks(typedPairs);

    // has_figure
    const entItems = items.map((it, k) => [it, k] as const).filter(([it]) => it.kind === 'ent') as [EntityItem, number][];
    const figureItems = entItems.filter(([it]) => it.type === 'figure');
    const programmeHere = entItems.find(([it]) => it.type === 'programme');
    const attachedAfterFigure = new Set<Cluster>();
    // "selon Dataxo", "« … », a dit Paul sur France Inter": who says it does not own the figure
    const reportsIt = (b: number): boolean => {
      const it = items[b] as EntityItem;
      const before = words[b - 1] ?? '';
      // "témoigne auprès d'Europe 1", "a déclaré à l'AFP"
      const toWhom = (before === "d'" || before === 'de') && words[b - 2] === 'aupres';
      const toAgency = (before === 'a' || (before === "l'" && words[b - 2] === 'a')) && [b - 2, b - 3, b - 4].some((x) => x >= 0 && items[x]!.kind === 'tok' && lx.matchPhrase('speechVerbs', norms, (items[x] as WordItem).index) > 0);
      return toWhom || toAgency || before === 'selon' || before === 'according' || (before === 'apres' && words[b - 2] === "d'") || (it.from >= 0 && isMediaCitation(ctx, it.from, s)) || (before === 'par' && ['"', '»', '”'].includes(words[b + 1] ?? ''));
    };
    for (const [fig, k] of figureItems) {
      const figCluster = fig.clusters[0]!;
      let owner: Cluster | undefined;
      const isMoney = !!figCluster.unit && /^[A-Z]{3}$/.test(figCluster.unit);
      const canOwn = (it: Item | undefined): it is EntityItem =>
        !!it && it.kind === 'ent' && it.type !== 'figure' && it.type !== 'person' && it.type !== 'product' && it.type !== 'speaker' && it.clusters.length === 1;
      // "le milliard d'euros pour la SNCF": the organisation the amount is for
      let forOwner: Cluster | undefined;
      // "5.000 suppressions de postes » chez Renault", "un prêt de cinq milliards d'euros au constructeur"
      let after = k + 1;
      const nounAfter = items[after + 1];
      if (['de', "d'"].includes(words[after] ?? '') && nounAfter?.kind === 'tok' && ctx.tokens[nounAfter.index]!.kind === 'word' && !ctx.tokens[nounAfter.index]!.cap) after += 2;
      if (['"', '»', '”'].includes(words[after] ?? '')) after++;
      if (['pour', 'chez', 'au', 'aux'].includes(words[after] ?? '')) {
        const a = ['la', 'le', 'les', "l'"].includes(words[after + 1] ?? '') ? after + 2 : after + 1;
        if (canOwn(items[a]) && items[a]!.type === 'organization') forOwner = (items[a] as EntityItem).clusters[0];
      }
      let pattern = 'has_figure.nearest';
      const bySyntax = rc.figureOwners?.get(figureKey(s.index, fig.from));
      // money in a sentence about a programme is the programme's, whoever the syntax names as the amount's complement
      const programmeMoney = isMoney && (programmeHere || (lastProgramme && s.index - lastProgramme.sentence === 1)) && (bySyntax?.why === 'complement' || bySyntax?.why === 'subject-complement');
      if (bySyntax !== undefined && !programmeMoney) {
        if (bySyntax.cluster && bySyntax.cluster !== figCluster) {
          found.push({ source: bySyntax.cluster, target: figCluster, relation: 'has_figure', sentence: s.index, pattern: `has_figure.syntax-${bySyntax.why}` });
          typedPairs.add(`${bySyntax.cluster.id}|${figCluster.id}`);
        }
        if (bySyntax.cluster || bySyntax.why === 'source') continue;
      }
      if (isMoney && programmeHere && !(forOwner && programmeHere[1] > k)) owner = programmeHere[0].clusters[0];
      else if (forOwner) {
        owner = forOwner;
        pattern = 'has_figure.for';
      } else if (isMoney && lastProgramme && s.index - lastProgramme.sentence === 1) owner = lastProgramme.cluster;
      // "Peugeot (+3%)", "Dataxo (220 salariés)": a figure opening a bracket right after a name is that name's
      if (!owner) {
        const open = words[k - 1] === '+' ? k - 2 : k - 1;
        if (words[open] === '(' && canOwn(items[open - 1])) {
          owner = (items[open - 1] as EntityItem).clusters[0];
          pattern = 'has_figure.bracket';
        }
      }
      // "les 150 membres de la Convention citoyenne": the entity the figure is a part of
      if (!owner) {
        const a = afterOf(words, k + 1);
        if (a >= 0) {
          if (canOwn(items[a])) {
            owner = (items[a] as EntityItem).clusters[0];
            pattern = 'has_figure.of';
          } else {
            // "70% de l'activité de Boiron", "15% des effectifs du groupe": a share of one of the entity's things
            let b = a;
            while (b < a + 2 && items[b]?.kind === 'tok' && ctx.tokens[(items[b] as WordItem).index]!.kind === 'word' && !ctx.tokens[(items[b] as WordItem).index]!.cap && !lx.has('determiners', words[b]!) && !lx.has('commonWords', words[b]!)) b++;
            const owned = b > a ? afterOf(words, b) : -1;
            if (owned >= 0) {
              // a place there is often where the organisation of the sentence does it ("le départ de 177
              // personnes du site de Mulhouse"): it owns the figure only when no organisation is named
              const it = items[owned];
              if (canOwn(it) && (it.type !== 'place' || !items.some((o) => canOwn(o) && o.type !== 'place'))) {
                owner = it.clusters[0];
                pattern = 'has_figure.share-of';
              }
            }
          }
        }
      }
      // "Dataxo, dont la production (220 tonnes) représente 90% …", "Dataxo, qui emploie 300 salariés":
      // a figure in a relative clause belongs to the entity the clause hangs on
      if (!owner) {
        for (let b = k - 1; b >= Math.max(1, k - 30); b--) {
          if (words[b] === ')') {
            while (b > 0 && words[b] !== '(') b--;
            continue;
          }
          if (canOwn(items[b]) || ['.', ';', ':', '«', '»', '"'].includes(words[b]!)) break;
          // the name the clause hangs on: ", qui", or right before "qui" ("la société Dataxo qui emploie"),
          // or before a bracket ("Economie d'Energie (EDE) qui emploie 250 salariés")
          let hang = -1;
          if (words[b] === 'qui' || words[b] === 'dont') {
            if (words[b - 1] === ',' && canOwn(items[b - 2])) hang = b - 2;
            else if (words[b] === 'qui' && canOwn(items[b - 1])) hang = b - 1;
            else if (words[b] === 'qui' && words[b - 1] === ')') {
              let open = b - 1;
              while (open > 0 && words[open] !== '(') open--;
              if (canOwn(items[open - 1])) hang = open - 1;
            }
          }
          if (hang >= 0) {
            // not "620 millions d'euros en France, dont 340 millions" (a part of a figure), nor
            // "la Cour d'appel de Nancy, qui …" (the clause hangs on the noun the place complements)
            const partOfFigure = words[b] === 'dont' && b + 1 === k;
            const complement = (items[hang] as EntityItem).type === 'place' && ['de', 'du', 'des', "d'"].includes(words[hang - 1] ?? '');
            if (!partOfFigure && !complement) {
              owner = (items[hang] as EntityItem).clusters[0];
              pattern = 'has_figure.relative';
            }
            break;
          }
          if (words[b] === ',') break;
        }
      }
      // the subject: an entity opening the sentence ("La nouvelle structure dotée de 2.000 m2 …"),
      // a relative clause after it aside ("L'entreprise, qui emploie 30 personnes, a réalisé …")
      if (!owner) {
        const first = items.findIndex((it) => it.kind === 'ent');
        const firstCluster = first >= 0 && items[first]!.kind === 'ent' ? (items[first] as EntityItem).clusters[0] : undefined;
        // another owner in between, not the same one named again ("- Le Brésil 3e - Le Brésil est devenu …")
        const between = items.slice(first + 1, k).some((it) => canOwn(it) && it.clusters[0] !== firstCluster);
        let aside = 0;
        if (first >= 0 && words[first + 1] === ',' && (words[first + 2] === 'qui' || words[first + 2] === 'dont')) {
          const close = words.indexOf(',', first + 3);
          if (close > 0 && close < k) aside = close - first;
        }
        // ("En grande difficulté financière, le quotidien … a supprimé 27 emplois": after a fronted phrase too)
        // ("Il ajoute que l'État table sur un budget de 600 millions d'euros": or the subject of a clause after "que")
        const before = ARTICLES.has(words[first - 1] ?? '') ? words[first - 2] : words[first - 1];
        const opens = first <= 3 || (first <= 9 && words[first - 1] === ',') || (first <= 12 && (before === 'que' || before === "qu'"));
        if (first >= 0 && first < k && opens && k - first - aside <= 25 && canOwn(items[first]) && !between && !reportsIt(first)) {
          owner = (items[first] as EntityItem).clusters[0];
          pattern = 'has_figure.subject';
        }
      }
      // else the nearest entity before it in the same clause
      if (!owner) {
        for (let b = k - 1; b >= Math.max(0, k - 14); b--) {
          const it = items[b]!;
          if (it.kind === 'tok' && [',', ';', ':', '(', ')'].includes(words[b]!)) break;
          if (!canOwn(it)) continue;
          // "réalisées à 60% en France avec 358 millions d'euros": a place after "en" is where, not whose
          if (it.type === 'place' && ['en', 'au', 'aux', 'a', 'dans', 'in'].includes(words[b - 1] ?? '')) continue;
          if (reportsIt(b)) continue;
          const c = it.clusters[0]!;
          if (attachedAfterFigure.has(c)) break;
          owner = c;
          break;
        }
      }
      if (!owner) {
        const first = items.findIndex((it) => it.kind === 'ent');
        if (first >= 0 && first < k && first <= 3 && k - first <= 25 && canOwn(items[first]) && !reportsIt(first)) {
          owner = (items[first] as EntityItem).clusters[0];
          pattern = 'has_figure.subject';
        }
      }
      if (!owner) {
        // "12 000 emplois sur les 63 000 que le groupe compte": an elliptic figure of the same unit shares the owner after it
        let limit = k + 4;
        for (let a = k + 1; a < Math.min(items.length, limit); a++) {
          const it = items[a]!;
          if (it.kind !== 'ent') continue;
          if (it.type === 'figure' && it.clusters[0]!.unit === figCluster.unit && figCluster.unit && a - k <= 4) {
            limit = a + 4;
            continue;
          }
          if (it.type === 'figure' || it.type === 'person' || it.type === 'product' || it.type === 'speaker') break;
          // "… les Européens 300 millions et la Grande-Bretagne 60 millions": a name followed by its own figure
          const next = items[a + 1];
          if (next?.kind === 'ent' && next.type === 'figure') break;
          owner = it.clusters[0];
          if (owner) attachedAfterFigure.add(owner);
          break;
        }
      }
      if (owner && owner !== figCluster) {
        found.push({ source: owner, target: figCluster, relation: 'has_figure', sentence: s.index, pattern });
        typedPairs.add(`${owner.id}|${figCluster.id}`);
      }
    }

    // co-occurrence of the named entities of the sentence
    const named = [...new Set(entItems.filter(([it]) => it.type !== 'figure' && it.type !== 'speaker' && it.clusters.length === 1 && it.from >= 0).map(([it]) => it.clusters[0]!))];
    for (let a = 0; a < named.length; a++) {
      for (let b = a + 1; b < named.length; b++) {
        const x = named[a]!;
        const y = named[b]!;
        if (x === y || typedPairs.has(`${x.id}|${y.id}`) || typedPairs.has(`${y.id}|${x.id}`)) continue;
        found.push({ source: x, target: y, relation: 'co_occurs', sentence: s.index, pattern: 'co_occurs.sentence' });
      }
    }

    // update discourse memory
    const opening = items.findIndex((it) => it.kind === 'ent');
    if (opening >= 0 && opening <= 3) {
      const it = items[opening] as EntityItem;
      if (it.type === 'organization' && it.clusters.length === 1) lastSubject = { cluster: it.clusters[0]!, sentence: s.index };
    }
    for (const [it] of entItems) {
      if (it.type === 'organization' && it.clusters.length === 1 && mentions.some((mm) => mm.from === it.from) && !isMediaCitation(ctx, it.from, s)) recentOrgs.push({ cluster: it.clusters[0]!, sentence: s.index });
      if (it.type === 'person' && it.clusters.length === 1) lastPerson = { cluster: it.clusters[0]!, sentence: s.index };
      if (it.type === 'programme') lastProgramme = { cluster: it.clusters[0]!, sentence: s.index };
    }
    recentOrgs = recentOrgs.slice(-8);
    for (const g of groups.values()) {
      const orgs = [...new Set(g.flatMap((k) => (items[k] as EntityItem).clusters).filter((c) => c.type === 'organization'))];
      if (orgs.length >= 2 && g.every((k) => mentions.some((mm) => mm.from === (items[k] as EntityItem).from))) recentGroup = { clusters: orgs, sentence: s.index };
    }
  }

  // part_of by name: "Microsoft Financing" → "Microsoft"
  const orgs = rc.clusters.filter((c) => c.type === 'organization');
  for (const c of orgs) {
    const words = c.label.split(/\s+/);
    for (let cut = words.length - 1; cut >= 1; cut--) {
      // only a unit of the parent: "Microsoft Financing", "Renault Trucks Services" — not "Aston Martin DB5"
      // … or a unit named after an acronym: "SNCF Réseau" → "SNCF"
      const acronymUnit = cut === 1 && words.length === 2 && /^\p{Lu}{2,6}$/u.test(words[0]!) && /^\p{Lu}[\p{Ll}-]{2,}$/u.test(words[1]!) && !ctx.lexicon.has('nonEntities', normKey(words[0]!)) && !ctx.lexicon.isFirstName(normKey(words[1]!), words[1]!);
      if (!acronymUnit && !words.slice(cut).every((w) => ctx.lexicon.has('orgSuffixes', normKey(w)))) continue;
      const prefix = words.slice(0, cut).join(' ').toLowerCase();
      const parent = orgs.find((o) => o !== c && o.label.toLowerCase() === prefix);
      if (parent) {
        found.push({ source: c, target: parent, relation: 'part_of', sentence: c.mentions[0]!.sentence, pattern: 'part_of.name-prefix' });
        break;
      }
    }
  }
  return found;
}

/**
 * "le directeur marketing de Danone", "la directrice de la communication de Renault": the title names
 * a department, whose head works for the organisation. Only the words of the title count, not those
 * that describe the organisation after it ("le président de l'institut de recherche WRI").
 */
function headsDepartment(words: string[], start: number, end: number, lx: DocContext['lexicon']): boolean {
  let seenWord = false;
  for (let k = start; k < end; k++) {
    const w = words[k]!;
    if (w === ENT) {
      if (seenWord) return false;
      continue;
    }
    seenWord = true;
    if (lx.matchPhrase('orgHeads', words, k) > 0) return false;
    if (lx.has('departmentWords', w)) return true;
  }
  return false;
}

function isPersonItem(item: Item | undefined): boolean {
  return !!item && item.kind === 'ent' && item.type === 'person';
}

/**
 * "a expliqué la ministre sur RTL", "au micro de France Bleu": the medium a statement was made on
 * is a source, not what "le groupe" in the next sentences points back to.
 */
function isMediaCitation(ctx: DocContext, at: number, s: Sentence): boolean {
  const { norms, lexicon: lx } = ctx;
  const prev = norms[at - 1];
  const onAir = prev === 'sur' || ((prev === 'de' || prev === "d'") && (norms[at - 2] === 'micro' || norms[at - 2] === 'antenne'));
  if (!onAir) return false;
  for (let k = s.from; k < s.to; k++) if (lx.matchPhrase('speechVerbs', norms, k) > 0) return true;
  return false;
}

/**
 * "la compagnie aérienne australienne Qantas", "l'association « 40 millions d'automobilistes »":
 * the noun phrase introduces a name instead of pointing back.
 */
function introducesName(ctx: DocContext, at: number, end: number, nextMention: MentionSpan | undefined): boolean {
  for (let k = at; k < Math.min(end, at + 4); k++) {
    if (nextMention && nextMention.from === k) return true;
    const t = ctx.tokens[k]!;
    if (t.kind === 'punct') return t.text === '«' || t.text === '"' || t.text === '“';
    if (t.cap || ctx.lexicon.has('determiners', t.norm) || ctx.lexicon.has('commonWords', t.norm)) return false;
  }
  return false;
}

const anaphorStartCache = new WeakMap<object, Set<string>>();

/** Words that can open an anaphor or stand for the speaker: only these need the phrase look-ups. */
function anaphorStartWords(lx: DocContext['lexicon']): Set<string> {
  let set = anaphorStartCache.get(lx);
  if (!set) {
    set = new Set([...lx.firstWords('orgAnaphors'), ...lx.firstWords('groupAnaphors'), ...lx.firstWords('programmeAnaphors'), ...lx.firstWords('firstPerson'), ...lx.firstWords('possessives')]);
    anaphorStartCache.set(lx, set);
  }
  return set;
}

/** A role noun follows within three words: "son responsable", "nos deux autres grossistes". */
function followedByRole(ctx: DocContext, i: number, end: number): boolean {
  const { lexicon: lx, norms } = ctx;
  for (let k = i + 1; k < Math.min(end, i + 4); k++) {
    if (lx.matchPhrase('workTitles', norms, k) || lx.matchPhrase('leaderTitles', norms, k) || lx.has('distributorNouns', norms[k]!)) return true;
  }
  return false;
}

function normKey(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function hasAny(present: Set<string>, anchors: Set<string>): boolean {
  if (present.size < anchors.size) {
    for (const w of present) if (anchors.has(w)) return true;
    return false;
  }
  for (const w of anchors) if (present.has(w)) return true;
  return false;
}

function coordinationGroups(items: Item[], words: string[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  let current: number[] = [];
  let k = 0;
  const flush = () => {
    for (const i of current) groups.set(i, current);
    current = [];
  };
  while (k < items.length) {
    const it = items[k]!;
    if (it.kind === 'ent' && it.type !== 'figure') {
      const last = current[current.length - 1];
      if (last === undefined || (items[last] as EntityItem).type === it.type || (items[last] as EntityItem).type === 'speaker' || it.type === 'speaker') current.push(k);
      else {
        flush();
        current.push(k);
      }
      k++;
      // separator then optional determiner then entity? (a closing quote or a bracketed aside may come first)
      let j = k;
      while (j < items.length && (words[j] === '»' || words[j] === '"' || words[j] === '”')) j++;
      if (words[j] === '(') {
        let close = j;
        while (close < items.length && words[close] !== ')' && close - j < 60) close++;
        if (words[close] === ')') j = close + 1;
      }
      let sep = 0;
      for (const phrase of SEPARATORS) {
        if (phrase.every((w, x) => words[j + x] === w) && phrase.length > sep) sep = phrase.length;
      }
      if (sep > 0) {
        j += sep;
        while (j < items.length && ['la', 'le', 'les', "l'", 'the', 'a', 'au', 'aux', 'avec', 'de', "d'", 'du', 'des', '«', '"', '“', 'cheques', 'cheque', 'programme', 'plan'].includes(words[j]!) && j - k < sep + 80) j++;
        if (j < items.length && items[j]!.kind === 'ent' && (items[j] as EntityItem).type !== 'figure') {
          k = j;
          continue;
        }
      }
      flush();
      continue;
    }
    k++;
  }
  flush();
  return groups;
}

/** Backtracking match of pattern elements from element e at item position p; returns the end position or -1. */
function matchAt(elements: PatternElement[], e: number, items: Item[], words: string[], p: number, binding: Binding, rc: RelationContext): number {
  if (e === elements.length) return p;
  const el = elements[e]!;
  switch (el.t) {
    case 'slot': {
      const it = items[p];
      if (!it || it.kind !== 'ent') return -1;
      const ok = el.types.has('any') || (it.type === 'speaker' ? el.types.has('organization') : el.types.has(it.type));
      if (!ok) return -1;
      binding[el.role] = p;
      const r = matchAt(elements, e + 1, items, words, p + 1, binding, rc);
      if (r < 0) binding[el.role] = undefined;
      return r;
    }
    case 'gap': {
      for (let n = 0; n <= el.max; n++) {
        if (n > 0) {
          const it = items[p + n - 1];
          if (!it) return -1;
          if (!el.any) {
            if (it.kind !== 'tok') return -1;
            const tok = rc.ctx.tokens[it.index]!;
            if (tok.kind === 'punct' && tok.text !== "'" && tok.text !== '-') return -1;
          }
        }
        const r = matchAt(elements, e + 1, items, words, p + n, binding, rc);
        if (r >= 0) return r;
      }
      return -1;
    }
    case 'words': {
      for (const phrase of el.phrases) {
        if (phrase.every((w, k) => words[p + k] === w)) {
          const r = matchAt(elements, e + 1, items, words, p + phrase.length, binding, rc);
          if (r >= 0) return r;
        }
      }
      return el.optional ? matchAt(elements, e + 1, items, words, p, binding, rc) : -1;
    }
    case 'prefix': {
      const w = words[p];
      if (w && w !== ENT && w.startsWith(el.prefix)) {
        const r = matchAt(elements, e + 1, items, words, p + 1, binding, rc);
        if (r >= 0) return r;
      }
      return el.optional ? matchAt(elements, e + 1, items, words, p, binding, rc) : -1;
    }
    case 'list': {
      const n = matchInIndex(el.index, words, p);
      if (n > 0) {
        const r = matchAt(elements, e + 1, items, words, p + n, binding, rc);
        if (r >= 0) return r;
      }
      return el.optional ? matchAt(elements, e + 1, items, words, p, binding, rc) : -1;
    }
  }
}

type End = Cluster | { speaker: Cluster };

function endsOf(items: Item[], groups: Map<number, number[]>, k: number, types: Set<string>): End[] {
  const out: End[] = [];
  for (const g of groups.get(k) ?? [k]) {
    const it = items[g] as EntityItem;
    if (it.type === 'speaker') {
      if (types.has('organization') || types.has('any')) out.push({ speaker: it.speaker! });
      continue;
    }
    for (const c of it.clusters) if (types.has('any') || types.has(c.type)) out.push(c);
  }
  return out;
}

function emit(rule: CompiledRule, binding: Binding, items: Item[], groups: Map<number, number[]>, sentence: number, speaker: Cluster | undefined, found: FoundRelation[], typedPairs: Set<string>): void {
  const slotTypes = (role: string) => (rule.elements.find((e) => e.t === 'slot' && e.role === role) as { types: Set<string> } | undefined)?.types ?? new Set(['any']);
  const idOf = (x: End) => ('speaker' in x ? `speaker:${x.speaker.id}` : x.id);
  const push = (source: End, target: End) => {
    if (idOf(source) === idOf(target)) return;
    found.push({ source, target, relation: rule.relation, sentence, pattern: rule.id });
    typedPairs.add(`${idOf(source).replace('speaker:', '')}|${idOf(target).replace('speaker:', '')}`);
  };
  if (binding.g !== undefined) {
    const members = endsOf(items, groups, binding.g, slotTypes('g'));
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) push(members[a]!, members[b]!);
    return;
  }
  const targets = endsOf(items, groups, binding.t!, slotTypes('t'));
  // "Serge Weinberg et Olivier Bogillot, président de Sanofi": an apposition after a list
  // describes its last member only; so does a bracket: "Valence (Espagne) et Turin (Italie)"
  const sIndex = rule.elements.findIndex((e) => e.t === 'slot' && e.role === 's');
  const next = rule.elements[sIndex + 1];
  const apposition = next?.t === 'words' && next.phrases.length === 1 && (next.phrases[0]!.join(' ') === ',' || next.phrases[0]!.join(' ') === '(');
  const sources: End[] =
    rule.source === 'speaker'
      ? speaker
        ? [{ speaker }]
        : []
      : apposition
        ? endsOf(items, new Map(), binding.s!, slotTypes('s'))
        : endsOf(items, groups, binding.s!, slotTypes('s'));
  for (const s of sources) for (const t of targets) push(s, t);
}

/**
 * Who speaks at each token: the person of a speaker label ("Paul Renard : …")
 * for the paragraphs that follow, and the person a quotation is attributed to
 * («…», confie El Amrani) inside the quotation.
 */
export function findSpeakers(ctx: DocContext, mentionsBySentence: Map<number, MentionSpan[]>, clusterOf: Map<MentionSpan, Cluster>): (Cluster | undefined)[] {
  const { tokens, sentences } = ctx;
  const speakerAt: (Cluster | undefined)[] = new Array(tokens.length);
  let current: Cluster | undefined;
  let paragraphSpeaker: Cluster | undefined;
  let questionParagraph = false;
  for (const s of sentences) {
    if (s.paragraphStart) {
      const first = (mentionsBySentence.get(s.index) ?? [])[0];
      questionParagraph = false;
      if (first && first.from === s.from && tokens[first.to]?.text === ':') {
        const c = clusterOf.get(first)!;
        current = c.type === 'person' ? c : undefined;
      } else {
        // a paragraph that ends with a question mark is the interviewer's
        let k = s.index;
        while (k + 1 < sentences.length && !sentences[k + 1]!.paragraphStart) k++;
        const lastTok = tokens[sentences[k]!.to - 1];
        questionParagraph = lastTok?.text === '?';
      }
      paragraphSpeaker = questionParagraph ? undefined : current;
    }
    for (let i = s.from; i < s.to; i++) speakerAt[i] = paragraphSpeaker;
  }
  // quotations
  const all = [...mentionsBySentence.values()].flat().sort((a, b) => a.from - b.from);
  let lastQuoteSpeaker: Cluster | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== '«' && tokens[i]!.text !== '“') continue;
    const closer = tokens[i]!.text === '«' ? '»' : '”';
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.text !== closer && j - i < 400) j++;
    if (j >= tokens.length) break;
    const after = all.find((m) => m.from > j && m.from <= j + 6 && clusterOf.get(m)?.type === 'person');
    const before = all.filter((m) => m.to <= i && m.to >= i - 8 && clusterOf.get(m)?.type === 'person').pop();
    const who = (after && clusterOf.get(after)) ?? (before && clusterOf.get(before)) ?? lastQuoteSpeaker;
    if (who) {
      for (let k = i; k <= j; k++) speakerAt[k] = who;
      lastQuoteSpeaker = who;
    }
    i = j;
  }
  return speakerAt;
}
