/**
 * Extraction entry points: text in, plain data out (entities, relations, evidence
 * spans into the original text). Runs in Node and in a browser worker alike.
 */
export type {
  DocumentExtraction,
  DocumentInfo,
  EntityType,
  ExtractedEntity,
  ExtractedRelation,
  Lang,
  Mention,
  RelationName,
  SourceDocument,
} from './types.ts';
export { extractDocument, extractDocuments } from './pipeline.ts';
export type { ExtractOptions } from './pipeline.ts';
export { extractChunked, CHUNK_CHARS } from './chunk.ts';
export { decodeBytes } from './decode.ts';
export type { DecodeResult } from './decode.ts';
