/**
 * The partnership map's vocabulary, shared by the forms (browser), the repository and the
 * drawing. Pure data: no SvelteKit, no database.
 */

/** Sectors the actors are grouped by around the centre; the same kinds a pair's sides can be. */
export const MAP_SECTORS = ['municipality', 'association', 'parish', 'school', 'company', 'other'] as const;
export type MapSector = (typeof MAP_SECTORS)[number];

/**
 * An actor's relation to the theme or area, innermost ring first: the closer to the centre,
 * the more the actor already takes part.
 */
export const MAP_RELATIONS = ['table', 'pair', 'earlier', 'invite', 'none'] as const;
export type MapRelation = (typeof MAP_RELATIONS)[number];

/** What an actor can bring: the kinds of resource a partnership combines. */
export const MAP_RESOURCES = [
	'public_money',
	'private_money',
	'volunteer_work',
	'expertise',
	'local_knowledge',
	'premises',
	'contacts',
	'reach'
] as const;
export type MapResource = (typeof MAP_RESOURCES)[number];

/** A pair's two sides. */
export const PAIR_SIDES = ['municipality', 'association'] as const;
export type PairSide = (typeof PAIR_SIDES)[number];

/** The side of a pair an actor's sector puts it on; null where the sector does not say (a parish, a school …). */
export const sectorSide = (sector: MapSector): PairSide | null => (sector === 'municipality' || sector === 'association' ? sector : null);
