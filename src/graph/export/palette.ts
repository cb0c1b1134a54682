/**
 * Colours shared by the page and every export, so that a graph looks the same in
 * the browser and in Gephi. Always 6-digit hex (`#rrggbb`): Gephi reads `#00f`
 * as 0x00000f and ignores CSS names, so nothing else is written anywhere.
 */
import type { EntityType, RelationName } from '../../extract/types.ts';

/** One colour per entity type, distinct for colour-blind readers too. */
export const TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#d1495b',
  organization: '#00798c',
  programme: '#e09f3e',
  place: '#66a182',
  figure: '#8d96a3',
  product: '#7b5ea7',
};

/** One colour per relation; co_occurs is a light grey so that typed links stand out. */
export const RELATION_COLORS: Readonly<Record<RelationName, string>> = {
  leads: '#c0392b',
  works_for: '#e67e22',
  owns: '#8e44ad',
  founded: '#6c3483',
  acquires: '#1f618d',
  funds: '#16a085',
  partners_with: '#2e86c1',
  distributes: '#2874a6',
  launches: '#b9770e',
  offers: '#ca6f1e',
  benefits_from: '#239b56',
  located_in: '#7d8c3a',
  certified_by: '#5d6d7e',
  part_of: '#a04000',
  has_figure: '#95a5a6',
  interviews: '#884ea0',
  co_occurs: '#c8ccd2',
};

/** For a type or relation the palette does not know (a graph from elsewhere). */
export const FALLBACK_COLOR = '#999999';

const HEX6 = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX6.test(value);
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** `#rrggbb` to integer channels 0–255. Throws on anything else: callers pass palette colours. */
export function hexToRgb(hex: string): Rgb {
  if (!isHexColor(hex)) throw new RangeError(`hexToRgb: "${hex}" is not a 6-digit hex colour like #1f618d.`);
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}
