import { MAP_RELATIONS, MAP_SECTORS, type MapRelation, type MapSector } from './kinds.ts';
import { layoutMap, type MapLayout } from './layout.ts';

export interface MapActor {
	id: number;
	name: string;
	sector: MapSector;
	relation: MapRelation;
	pairId: number | null;
}

/**
 * The map's layout from its actors: sectors in their fixed order (only those with actors),
 * one ring per relation, and a stair mark for each actor in a pair whose step may be shown.
 */
export function drawMap(
	centre: string,
	actors: readonly MapActor[],
	steps: Readonly<Record<number, number | null>>,
	sectorName: (sector: MapSector) => string
): MapLayout {
	const sectors = MAP_SECTORS.filter((s) => actors.some((a) => a.sector === s));
	return layoutMap({
		centre,
		sectors: sectors.map(sectorName),
		rings: MAP_RELATIONS.length,
		actors: actors.map((a) => ({
			id: a.id,
			name: a.name,
			sector: sectors.indexOf(a.sector),
			ring: MAP_RELATIONS.indexOf(a.relation),
			step: a.relation === 'pair' && a.pairId !== null ? (steps[a.pairId] ?? null) : null
		}))
	});
}
