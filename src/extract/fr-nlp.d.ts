/** The part of fr-compromise's interface kg uses: its lexicon. */
declare const nlp: {
  (text: string): unknown;
  world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
};
export default nlp;
