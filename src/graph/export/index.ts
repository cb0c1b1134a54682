/**
 * Export formats, one writer each, all pure (no Node APIs) so the page can use them:
 * GEXF 1.3 for Gephi, GraphML, graphology's JSON, Neo4j import CSV and a Cypher script.
 */
import { serializeGraph } from '../serialize.ts';
import type { KgGraph } from '../types.ts';

export { writeGexf, writeGexfTo, gexfDefaults, formatGexfList, type GexfOptions } from './gexf.ts';
export { writeGraphml } from './graphml.ts';
export { writeNeo4jCsv, writeCypher, neo4jImportCommand, neo4jLabel, neo4jRelationshipType, cypherString, type Neo4jCsv } from './neo4j.ts';
export { TYPE_COLORS, RELATION_COLORS, FALLBACK_COLOR, hexToRgb, isHexColor } from './palette.ts';
export { NODE_COLUMNS, EDGE_COLUMNS, exportWeight, type Column, type ColumnType } from './columns.ts';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv' | 'cypher';

export interface ExportFormatInfo {
  /** File extension, or '' for a folder of files. */
  extension: string;
  description: string;
  /** Whether the format carries node positions, so a missing layout is computed first. */
  positions: boolean;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  gexf: { extension: '.gexf', description: 'GEXF 1.3, for Gephi', positions: true },
  graphml: { extension: '.graphml', description: 'GraphML, for yEd, Cytoscape, NetworkX', positions: true },
  json: { extension: '.json', description: "graphology's serialisation (what kg build writes)", positions: false },
  csv: { extension: '', description: 'nodes.csv and relationships.csv for neo4j-admin import', positions: false },
  cypher: { extension: '.cypher', description: 'a Cypher script of MERGE statements, for cypher-shell', positions: false },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}

/** graphology's serialisation, as `kg build` writes it. */
export function writeJson(graph: KgGraph): string {
  return serializeGraph(graph);
}
