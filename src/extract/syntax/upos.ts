/** The universal parts of speech, in the order the tagger's classes use. */
export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];

export const UPOS_INDEX = new Map(UPOS_TAGS.map((t, i) => [t, i]));
