import { InputError } from '../errors.ts';
import type { BenchType, GoldChunk, GoldDocument, GoldToken } from './types.ts';

/** Gold tag types (case-insensitive) scored as each benchmark type; every other type is ignored. */
const TYPE_OF_LABEL: Readonly<Record<string, BenchType>> = {
  per: 'person',
  pers: 'person',
  org: 'organization',
  loc: 'place',
};

/** The scored type of a gold tag type, or null when the benchmark ignores it (MISC, prod, time, pers.coll…). */
export function benchTypeOfLabel(label: string): BenchType | null {
  return TYPE_OF_LABEL[label.toLowerCase()] ?? null;
}

const TAG = /^(?:O|([BI])-(\S+))$/;

/** The gap written after a token: none, a space, or a sentence break. Stronger gaps win. */
export type Gap = 'none' | 'space' | 'sentence';

const GAP_RANK: Readonly<Record<Gap, number>> = { space: 0, none: 1, sentence: 2 };

/**
 * Rebuilds the text of one gold document token by token, keeping each token's
 * [start, end) offsets, and reads IOB/IOB2 chunks with conlleval's rules: B-X
 * opens a chunk, I-X continues a chunk of type X or else opens one (IOB1 files
 * read the same), O and chunk breaks close it.
 */
export class DocumentBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private gap: Gap = 'space';
  private readonly tokens: GoldToken[] = [];
  private readonly chunks: GoldChunk[] = [];
  private open: { tokenStart: number; tagType: string; label: string } | null = null;
  private sentences = 0;
  private sentenceOpen = false;

  constructor(
    readonly id: string,
    readonly line: number,
    private readonly fileName: string,
    private readonly sentenceSeparator: string,
  ) {}

  get tokenCount(): number {
    return this.tokens.length;
  }

  /**
   * Adds a token with its tag. `labelOverride` replaces the tag's type for a chunk
   * that this token opens (HIPE: a `pers` chunk whose fine type is `pers.coll`).
   */
  addToken(text: string, tag: string, line: number, labelOverride?: string): void {
    const match = TAG.exec(tag);
    if (!match) {
      throw new InputError(
        `${this.fileName}:${line}: unknown tag "${tag}" for token "${text}". Expected O, B-TYPE or I-TYPE (IOB2, or IOB1).`,
      );
    }
    if (text.length === 0) throw new InputError(`${this.fileName}:${line}: empty token. Each token line needs a token then its tag.`);
    const [, prefix, tagType] = match;
    const continues = prefix === 'I' && this.open !== null && this.open.tagType === tagType;
    if (!continues) this.closeChunk();

    if (this.tokens.length > 0 && this.gap !== 'none') {
      const sep = this.gap === 'sentence' ? this.sentenceSeparator : ' ';
      this.parts.push(sep);
      this.length += sep.length;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    this.tokens.push({ text, start, end: this.length, line });
    this.gap = 'space';
    this.sentenceOpen = true;

    if (!continues && tagType !== undefined) {
      this.open = { tokenStart: this.tokens.length - 1, tagType, label: labelOverride ?? tagType };
    }
  }

  /** Sets the gap after the last token; a stronger gap is never weakened. */
  setGap(gap: Gap): void {
    if (GAP_RANK[gap] > GAP_RANK[this.gap]) this.gap = gap;
  }

  /** Ends a sentence: the next token comes after the sentence separator. With `breakChunk`, an open chunk ends too. */
  endSentence(breakChunk: boolean): void {
    if (breakChunk) this.closeChunk();
    if (this.sentenceOpen) {
      this.sentences += 1;
      this.sentenceOpen = false;
      this.setGap('sentence');
    }
  }

  /** Counts a sentence end without breaking the text there. */
  countSentence(): void {
    if (this.sentenceOpen) {
      this.sentences += 1;
      this.sentenceOpen = false;
    }
  }

  /** Closes the open chunk at the last token added. */
  private closeChunk(): void {
    if (!this.open) return;
    const first = this.tokens[this.open.tokenStart];
    const last = this.tokens[this.tokens.length - 1];
    if (first && last) {
      this.chunks.push({
        start: first.start,
        end: last.end,
        tokenStart: this.open.tokenStart,
        tokenEnd: this.tokens.length,
        label: this.open.label,
        type: benchTypeOfLabel(this.open.label),
      });
    }
    this.open = null;
  }

  finish(): GoldDocument {
    this.closeChunk();
    if (this.sentenceOpen) {
      this.sentences += 1;
      this.sentenceOpen = false;
    }
    return {
      id: this.id,
      text: this.parts.join(''),
      tokens: this.tokens,
      chunks: this.chunks,
      sentences: this.sentences,
      line: this.line,
    };
  }
}
