import { QuerySyntaxError } from './errors.ts';

/**
 * - word: a run of characters without spaces, quotes at its start, commas or arrows
 * - string: "…" or '…' (backslash escapes the quote and itself); `text` is the content
 * - arrow: -> <- --
 * - comma: ,
 */
export type TokenKind = 'word' | 'string' | 'arrow' | 'comma';

export interface Token {
  kind: TokenKind;
  /** The word, the string content (unescaped) or the arrow. */
  text: string;
  /** 1-based column of the first character (the opening quote of a string). */
  column: number;
  /** Characters taken in the query, quotes included. */
  length: number;
  /** True when no white space separates it from the previous token. */
  glued: boolean;
}

const ARROWS = ['->', '<-', '--'];
const QUOTES = new Set(['"', "'"]);

function arrowAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  return ARROWS.includes(two) ? two : undefined;
}

/** Splits a query into tokens. Throws QuerySyntaxError on an unbalanced quote. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let glued = false;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      glued = false;
      continue;
    }
    const start = i;
    if (QUOTES.has(c)) {
      let value = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length && (text[i + 1] === c || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
        } else if (d === c) {
          closed = true;
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      if (!closed)
        throw new QuerySyntaxError(
          `unbalanced quote: the name opened with ${c} at column ${start + 1} is never closed. Close it with ${c} (write \\${c} for a ${c} inside it).`,
          text,
          start + 1,
          text.length - start,
        );
      tokens.push({ kind: 'string', text: value, column: start + 1, length: i - start, glued });
    } else if (c === ',') {
      i++;
      tokens.push({ kind: 'comma', text: ',', column: start + 1, length: 1, glued });
    } else if (arrowAt(text, i)) {
      const arrow = arrowAt(text, i)!;
      i += 2;
      tokens.push({ kind: 'arrow', text: arrow, column: start + 1, length: 2, glued });
    } else {
      while (i < text.length && !/\s/.test(text[i]!) && text[i] !== ',' && !arrowAt(text, i)) {
        // A quote glued to the end of a word (name~"Groupe I") starts a string token.
        if (QUOTES.has(text[i]!) && /[~:=]$/.test(text.slice(start, i))) break;
        i++;
      }
      tokens.push({ kind: 'word', text: text.slice(start, i), column: start + 1, length: i - start, glued });
    }
    glued = true;
  }
  return tokens;
}
