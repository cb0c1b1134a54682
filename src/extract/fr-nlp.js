// fr-compromise, re-exported through this file so that type checking reads fr-nlp.d.ts
// instead of fr-compromise's own .ts type sources, which do not compile under `strict`.
export { default } from 'fr-compromise';
