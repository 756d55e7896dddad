import { TRAIT_IDS, type TraitId } from '../assessment/types.ts';
import { growth, type Growth } from '../map/growth.ts';
import { MAP_RESOURCES, type MapResource } from '../map/kinds.ts';
import { mapOn, type Actor, type Group } from './partnership-map.ts';
import { prepared } from './db.ts';
import { nowIso } from './tokens.ts';
import { closedRoundStats, latestRoundFactsIn, pairScope, type ChoiceCounts, type PairScope } from './project-view.ts';
import { isOpen, NOT_ENDED_ROUND_IDS } from './rounds.ts';

/**
 * A theme's or an area's numbers, read from the stored round aggregates only, and only what the
 * disclosure rule lets out: closed rounds, and their stored results, which hold only what each
 * round's promise lets be shown.
 */

export interface ClosedRound {
	number: number;
	/** The day the round closed (YYYY-MM-DD). */
	closedOn: string;
	/** The pair's evidence step, or null where it is withheld. */
	step: number | null;
	traits: Record<TraitId, number | null> | null;
}

// From the compact per-round summaries (round_summaries, kept by triggers from the stored,
// disclosed results), never the results' JSON: a theme can hold every pair of a big project.
const roundsSql = () =>
	prepared(`SELECT r.pair_id AS pairId, r.number, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt,
		s.pair_step AS step, ${TRAIT_IDS.map((t) => `s.${t}`).join(', ')}
	FROM rounds r JOIN round_summaries s ON s.round_id = r.id
	WHERE r.pair_id IN (SELECT value FROM json_each(?)) ORDER BY r.pair_id, r.number`);

/** Each pair's closed rounds with what may be shown of them, oldest first. */
export function closedRounds(pairIds: readonly number[], now = Date.now()): Map<number, ClosedRound[]> {
	const out = new Map<number, ClosedRound[]>(pairIds.map((id) => [id, []]));
	const rows = roundsSql().all(JSON.stringify(pairIds)) as ({
		pairId: number;
		number: number;
		opensAt: string;
		closesAt: string | null;
		closedAt: string | null;
		step: number | null;
	} & Record<TraitId, number | null>)[];
	const today = new Date(now).toISOString();
	for (const r of rows) {
		if (r.opensAt > today || isOpen(r, now)) continue;
		const traits = Object.fromEntries(TRAIT_IDS.map((t) => [t, r[t]])) as Record<TraitId, number | null>;
		out.get(r.pairId)!.push({
			number: r.number,
			closedOn: (r.closedAt ?? r.closesAt!).slice(0, 10),
			step: r.step,
			// A withheld pair has no numbers at all.
			traits: TRAIT_IDS.some((t) => traits[t] !== null) ? traits : null
		});
	}
	return out;
}

/** The step of the latest closed round whose step may be shown. */
const latestShown = (rounds: readonly ClosedRound[]) => rounds.findLast((r) => r.step !== null)?.step ?? null;

/** The pair's step as shown at the end of a day: that of its latest round closed by then whose step may be shown. */
export function stepOn(rounds: readonly ClosedRound[], day: string): number | null {
	return latestShown(rounds.filter((r) => r.closedOn <= day));
}

const actionResourcesSql = () =>
	prepared(`SELECT a.resources FROM table_actions a
		WHERE a.id IN (SELECT action_id FROM pair_actions WHERE pair_id IN (SELECT value FROM json_each(?))) AND a.status <> 'dropped'`);

// A group's numbers come from the round summaries' pair index (migration side_choices), never from
// rounds or results: a theme may hold every pair of a big project. A round counts when it is not
// open now (closedRounds' rule; a round with a summary has opened, as it has answers).
const NOT_OPEN = `s.round_id NOT IN (${NOT_ENDED_ROUND_IDS})`;
// Pairs per step (NULL: withheld) in each round number: every closed round of some pairs.
const distributionSql = () =>
	prepared(`SELECT s.number, s.pair_step AS step, count(*) AS pairs FROM round_summaries s
	WHERE s.pair_id IN (SELECT value FROM json_each(@ids)) AND ${NOT_OPEN}
	GROUP BY s.number, s.pair_step`);

type StepCount = { number: number; step: number | null; pairs: number };

/**
 * Pairs per step in each closed round number of a group. A theme can hold most of a big project:
 * then it is the project's closed rounds (closedRoundStats, from its maintained totals) less the other pairs'
 * closed rounds, so the work follows the smaller of the group and the rest, never the whole group.
 */
function groupDistribution({ projectId, ids, others }: PairScope, now: number): StepCount[] {
	if (others === null) return distributionSql().all({ ids: JSON.stringify(ids), now: nowIso(now) }) as StepCount[];
	const counts = new Map<string, StepCount>();
	const add = (rows: StepCount[], sign: 1 | -1) => {
		for (const row of rows) {
			const key = `${row.number}:${row.step}`;
			const count = counts.get(key) ?? { number: row.number, step: row.step, pairs: 0 };
			count.pairs += sign * row.pairs;
			counts.set(key, count);
		}
	};
	add(closedRoundStats(projectId, now).map((s) => ({ number: s.number, step: s.step || null, pairs: s.pairs })), 1);
	if (others.length > 0) add(distributionSql().all({ ids: JSON.stringify(others), now: nowIso(now) }) as StepCount[], -1);
	return [...counts.values()].filter((c) => c.pairs > 0);
}

export interface GroupSummary {
	/** Round numbers with a closed round of some pair of the group. */
	rounds: number[];
	/** Pairs per step in each round number, over pairs whose step may be shown. */
	distribution: { round: number; counts: Record<number, number>; shown: number }[];
	/** The traits with the lowest mean over the pairs' latest shown closed rounds, lowest first. */
	weakest: { trait: TraitId; mean: number; pairs: number }[];
	/** How many pairs have not moved for two rounds (their last three closed rounds show one step; unmovedPairs names them). */
	still: number;
	/** What the pairs report doing together and bringing (each pair's latest closed round), each question with its n. */
	choices: ChoiceCounts;
	/** How many actors on the map bring each resource, and how many agreed actions use it. */
	resources: { resource: MapResource; actors: number; actions: number }[];
}

/** The numbers of a group (its pairs' ids given), counted in SQL over the stored round summaries. */
export function groupSummary(projectId: number, pairIds: readonly number[], actors: readonly Actor[], now = Date.now()): GroupSummary {
	const scope = pairScope(projectId, pairIds);
	const distribution: GroupSummary['distribution'] = [];
	const counts = groupDistribution(scope, now).sort((a, b) => a.number - b.number || (a.step ?? 0) - (b.step ?? 0));
	for (const row of counts) {
		if (distribution.at(-1)?.round !== row.number) distribution.push({ round: row.number, counts: {}, shown: 0 });
		const d = distribution.at(-1)!;
		if (row.step === null) continue;
		d.counts[row.step] = row.pairs;
		d.shown += row.pairs;
	}
	// Trait means, choices and the pairs that stood still: each pair's latest closed round, in one pass.
	const latest = latestRoundFactsIn(scope, now);
	const weakest = TRAIT_IDS.flatMap((trait) => {
		const { sum, n } = latest.traits[trait];
		return n ? [{ trait, mean: sum / n, pairs: n }] : [];
	})
		.sort((a, b) => a.mean - b.mean || TRAIT_IDS.indexOf(a.trait) - TRAIT_IDS.indexOf(b.trait))
		.slice(0, 3);
	const actionResources = (actionResourcesSql().pluck().all(JSON.stringify(pairIds)) as string[]).flatMap((r) => JSON.parse(r) as string[]);
	const involved = actors.filter((a) => a.relation !== 'none');
	const resources = MAP_RESOURCES.map((resource) => ({
		resource,
		actors: involved.filter((a) => a.resources.includes(resource)).length,
		actions: actionResources.filter((r) => r === resource).length
	}));
	return {
		rounds: distribution.map((d) => d.round),
		distribution,
		weakest,
		still: latest.unmoved,
		choices: latest.choices,
		resources
	};
}

/** How the map grew between two days, with the pairs' shown steps at each. */
export function mapGrowth(group: Group, from: string, to: string, now = Date.now()): Growth {
	const start = mapOn(group.id, from);
	const end = mapOn(group.id, to);
	const pairIds = [...new Set([...start, ...end].flatMap((a) => (a.pairId === null ? [] : [a.pairId])))];
	const rounds = closedRounds(pairIds, now);
	return growth(start, end, (pairId, when) => stepOn(rounds.get(pairId) ?? [], when === 'start' ? from : to));
}


/** Each pair's step in its latest closed round, where it may be shown. */
export function latestSteps(pairIds: readonly number[], now = Date.now()): Record<number, number | null> {
	const rounds = closedRounds([...new Set(pairIds)], now);
	return Object.fromEntries([...rounds.entries()].map(([id, rs]) => [id, latestShown(rs)]));
}
