import { MAP_RELATIONS, type MapRelation } from './kinds.ts';

/** What changed on a map between two days. Pure: the caller gives both states and the pairs' steps. */

export interface DatedActor {
	id: number;
	name: string;
	relation: MapRelation;
	pairId: number | null;
}

export interface Growth {
	/** On the map at the end, not at the start. */
	added: { id: number; name: string; relation: MapRelation }[];
	/** Moved to an inner ring: from "should be invited" into a pair, say. */
	closer: { id: number; name: string; from: MapRelation; to: MapRelation }[];
	/** Moved to an outer ring. */
	further: { id: number; name: string; from: MapRelation; to: MapRelation }[];
	/** In a pair at the end whose step is higher than the same pair's step at the start. */
	climbed: { id: number; name: string; from: number; to: number }[];
}

const depth = (r: MapRelation) => MAP_RELATIONS.indexOf(r);

export function growth(
	start: readonly DatedActor[],
	end: readonly DatedActor[],
	stepAt: (pairId: number, when: 'start' | 'end') => number | null
): Growth {
	const before = new Map(start.map((a) => [a.id, a]));
	const out: Growth = { added: [], closer: [], further: [], climbed: [] };
	for (const a of [...end].sort((x, y) => x.name.localeCompare(y.name, 'fi') || x.id - y.id)) {
		const was = before.get(a.id);
		if (!was) out.added.push({ id: a.id, name: a.name, relation: a.relation });
		else if (depth(a.relation) < depth(was.relation)) out.closer.push({ id: a.id, name: a.name, from: was.relation, to: a.relation });
		else if (depth(a.relation) > depth(was.relation)) out.further.push({ id: a.id, name: a.name, from: was.relation, to: a.relation });
		if (a.relation === 'pair' && a.pairId !== null) {
			const from = stepAt(a.pairId, 'start');
			const to = stepAt(a.pairId, 'end');
			if (from !== null && to !== null && to > from) out.climbed.push({ id: a.id, name: a.name, from, to });
		}
	}
	return out;
}
