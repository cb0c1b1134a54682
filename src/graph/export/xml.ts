/**
 * XML escaping for the GEXF and GraphML writers. Text from documents is data:
 * markup characters become entities, tab/newline/return in attributes become
 * character references (so they survive attribute normalisation), and characters
 * XML 1.0 cannot hold at all (C0 controls, U+FFFE/U+FFFF, unpaired surrogates) become
 * U+FFFD, since one of them makes the whole file unreadable (Gephi's StAX parser aborts).
 */

// With the u flag, [\uD800-\uDFFF] matches only unpaired surrogates: pairs are one code point.
const ILLEGAL_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF';
const ILLEGAL = new RegExp(`[${ILLEGAL_CLASS}]`, 'u');
const ILLEGAL_G = new RegExp(`[${ILLEGAL_CLASS}]`, 'gu');
const ATTR_SPECIAL = new RegExp(`[&<>"\\t\\n\\r${ILLEGAL_CLASS}]`, 'u');
const ATTR_SPECIAL_G = new RegExp(`[&<>"\\t\\n\\r${ILLEGAL_CLASS}]`, 'gu');
const TEXT_SPECIAL = new RegExp(`[&<>\\r${ILLEGAL_CLASS}]`, 'u');
const TEXT_SPECIAL_G = new RegExp(`[&<>\\r${ILLEGAL_CLASS}]`, 'gu');

export const REPLACEMENT_CHARACTER = '\uFFFD';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const entity = (c: string): string => ENTITIES[c] ?? REPLACEMENT_CHARACTER;

/** True when the string holds a character XML 1.0 cannot represent. */
export function hasIllegalXmlChars(s: string): boolean {
  return ILLEGAL.test(s);
}

/** Replaces every character XML 1.0 cannot represent by U+FFFD. */
export function replaceIllegalXmlChars(s: string): string {
  return ILLEGAL.test(s) ? s.replace(ILLEGAL_G, REPLACEMENT_CHARACTER) : s;
}

/** Escapes a string for a double-quoted attribute value. */
export function escapeAttribute(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL_G, entity) : s;
}

/** Escapes a string for element content. */
export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_G, entity) : s;
}

/**
 * Maps graph keys to XML ids: keys that XML can hold are kept as they are; a key
 * with illegal characters gets them replaced, plus a `~n` suffix if that would
 * collide with another id. Call `id(key)` for every key, in any order.
 */
export class XmlIdMap {
  private readonly renamed = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly exists: (id: string) => boolean;

  /** `exists(id)` says whether some key of the graph is that id. */
  constructor(exists: (id: string) => boolean) {
    this.exists = exists;
  }

  id(key: string): string {
    if (!ILLEGAL.test(key)) return key;
    const known = this.renamed.get(key);
    if (known !== undefined) return known;
    const base = key.replace(ILLEGAL_G, REPLACEMENT_CHARACTER);
    let id = base;
    for (let n = 2; this.exists(id) || this.used.has(id); n++) id = `${base}~${n}`;
    this.renamed.set(key, id);
    this.used.add(id);
    return id;
  }
}
