import { TRAIT_IDS, type TraitId } from '../assessment/types.ts';
import { prepared } from './db.ts';
import { isOpen } from './rounds.ts';

export interface PairRow {
	pairId: number;
	municipality: string;
	association: string;
	theme: string;
	area: string;
	/** Step per round number, null where the round has no results or they are withheld. */
	steps: Record<number, number | null>;
	latest: { roundId: number; number: number; open: boolean; submitted: { municipality: number; association: number } } | null;
	/** Latest step minus the previous round's; null unless both are known. */
	movement: number | null;
}

export interface ProjectOverview {
	rounds: number[];
	pairs: PairRow[];
	/** For each round number: how many pairs stand on each step (pairs whose step may be shown). */
	stepCounts: { round: number; counts: Record<number, number> }[];
	/** For each round number: the mean of the pairs' trait means, over pairs that may be shown. */
	traitMeans: { round: number; pairs: number; means: Record<TraitId, number | null> }[];
}

/**
 * The project view from stored aggregates: one query over the small columns of every round,
 * and one grouped query for the trait means that SQLite computes from the stored JSON.
 * A pair's numbers count only where both sides reach the project's smallest group size.
 */
export function projectOverview(projectId: number, minGroupSize: number): ProjectOverview {
	const rows = prepared(
			`SELECT p.id AS pairId, m.name AS municipality, a.name AS association, p.theme, p.area,
			        r.id AS roundId, r.number, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt,
			        rr.pair_step AS pairStep, coalesce(rr.municipality_n, 0) AS mN, coalesce(rr.association_n, 0) AS aN
			 FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
			 LEFT JOIN rounds r ON r.pair_id = p.id LEFT JOIN round_results rr ON rr.round_id = r.id
			 WHERE p.project_id = ? ORDER BY p.id, r.number`
		)
		.all(projectId) as {
		pairId: number;
		municipality: string;
		association: string;
		theme: string;
		area: string;
		roundId: number | null;
		number: number | null;
		opensAt: string;
		closesAt: string | null;
		closedAt: string | null;
		pairStep: number | null;
		mN: number;
		aN: number;
	}[];

	const pairs = new Map<number, PairRow>();
	const rounds = new Set<number>();
	const stepCounts = new Map<number, Record<number, number>>();
	for (const r of rows) {
		let pair = pairs.get(r.pairId);
		if (!pair) {
			pair = { pairId: r.pairId, municipality: r.municipality, association: r.association, theme: r.theme, area: r.area, steps: {}, latest: null, movement: null };
			pairs.set(r.pairId, pair);
		}
		if (r.roundId === null || r.number === null) continue;
		rounds.add(r.number);
		const shown = r.mN >= minGroupSize && r.aN >= minGroupSize ? r.pairStep : null;
		pair.steps[r.number] = shown;
		pair.latest = { roundId: r.roundId, number: r.number, open: isOpen(r), submitted: { municipality: r.mN, association: r.aN } };
		if (shown !== null) {
			const counts = stepCounts.get(r.number) ?? {};
			counts[shown] = (counts[shown] ?? 0) + 1;
			stepCounts.set(r.number, counts);
		}
	}
	for (const pair of pairs.values()) {
		const n = pair.latest?.number;
		const now = n ? pair.steps[n] : null;
		const before = n ? pair.steps[n - 1] : null;
		pair.movement = now != null && before != null ? now - before : null;
	}

	const traitColumns = TRAIT_IDS.map((t) => `avg(json_extract(rr.result, '$.pair.traits.${t}.mean')) AS "${t}"`).join(', ');
	const traitRows = prepared(
			`SELECT r.number AS round, count(*) AS pairs, ${traitColumns}
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id
			 WHERE p.project_id = ? AND rr.municipality_n >= ? AND rr.association_n >= ?
			 GROUP BY r.number ORDER BY r.number`
		)
		.all(projectId, minGroupSize, minGroupSize) as ({ round: number; pairs: number } & Record<TraitId, number | null>)[];

	const roundList = [...rounds].sort((a, b) => a - b);
	return {
		rounds: roundList,
		pairs: [...pairs.values()],
		stepCounts: roundList.map((round) => ({ round, counts: stepCounts.get(round) ?? {} })),
		traitMeans: traitRows.map(({ round, pairs, ...means }) => ({ round, pairs, means: means as Record<TraitId, number | null> }))
	};
}

export const PAGE_SIZE = 50;

export interface PairQuery {
	q: string;
	status: 'all' | 'open' | 'closed' | 'none';
	movement: 'all' | 'up' | 'same' | 'down';
	sort: 'name' | 'step' | 'movement' | 'answers';
	page: number;
}

/** Reads the table's filters from the URL; anything unknown falls back to the default. */
export function pairQuery(params: URLSearchParams): PairQuery {
	const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
		allowed.includes(value as T) ? (value as T) : fallback;
	const page = Number(params.get('page'));
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		status: pick(params.get('status'), ['all', 'open', 'closed', 'none'], 'all'),
		movement: pick(params.get('movement'), ['all', 'up', 'same', 'down'], 'all'),
		sort: pick(params.get('sort'), ['name', 'step', 'movement', 'answers'], 'name'),
		page: Number.isSafeInteger(page) && page > 0 ? page : 1
	};
}

/** Filters, sorts and pages the pair rows as the query says. */
export function selectPairs(pairs: readonly PairRow[], query: PairQuery): { rows: PairRow[]; total: number; pages: number } {
	const q = query.q.toLocaleLowerCase('fi');
	const latestStep = (p: PairRow) => (p.latest ? (p.steps[p.latest.number] ?? null) : null);
	const answers = (p: PairRow) => (p.latest ? p.latest.submitted.municipality + p.latest.submitted.association : 0);
	const filtered = pairs.filter((p) => {
		if (q && ![p.municipality, p.association, p.theme, p.area].some((t) => t.toLocaleLowerCase('fi').includes(q))) return false;
		if (query.status === 'none' && p.latest) return false;
		if (query.status === 'open' && !p.latest?.open) return false;
		if (query.status === 'closed' && (!p.latest || p.latest.open)) return false;
		if (query.movement === 'up' && !(p.movement !== null && p.movement > 0)) return false;
		if (query.movement === 'down' && !(p.movement !== null && p.movement < 0)) return false;
		if (query.movement === 'same' && p.movement !== 0) return false;
		return true;
	});
	const byName = (a: PairRow, b: PairRow) => `${a.municipality} ${a.association}`.localeCompare(`${b.municipality} ${b.association}`, 'fi');
	// Unknown values sort last whatever the direction.
	const desc = (x: number | null, y: number | null) => (y ?? -Infinity) - (x ?? -Infinity);
	const sorters: Record<PairQuery['sort'], (a: PairRow, b: PairRow) => number> = {
		name: byName,
		step: (a, b) => desc(latestStep(a), latestStep(b)) || byName(a, b),
		movement: (a, b) => desc(a.movement, b.movement) || byName(a, b),
		answers: (a, b) => answers(b) - answers(a) || byName(a, b)
	};
	const sorted = [...filtered].sort(sorters[query.sort]);
	const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
	const page = Math.min(query.page, pages);
	return { rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: sorted.length, pages };
}
