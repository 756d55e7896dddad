import { SIDES, TRAIT_IDS, type Side, type TraitId } from '../assessment/types.ts';
import { db, prepared } from './db.ts';
import { openSql, summaryEndedSql } from './rounds.ts';
import { nowIso } from './tokens.ts';

// The project page reads stored summaries only, kept by triggers (round_summaries, and the
// project's sums: project_round_stats, project_unclosed_stats, project_latest_stats), never a
// round's JSON, and only one page of pairs in detail: its time must not grow with the project.
// Steps of a round that is still open are never shown or counted.

export interface PairRow {
	pairId: number;
	municipality: string;
	association: string;
	theme: string;
	area: string;
	/** Step per round number, null where the round is open, has no results or they are withheld. */
	steps: Record<number, number | null>;
	/** The questionnaire version of each round, by round number (to mark where it changed). */
	versions: Record<number, string>;
	latest: { roundId: number; number: number; open: boolean; submitted: { municipality: number; association: number } } | null;
	/** The latest closed round's step minus the latest earlier shown step; null unless both are shown. */
	movement: number | null;
}

export interface ProjectAggregates {
	/** For each round number: how many pairs stand on each step (closed rounds whose step may be shown). */
	stepCounts: { round: number; counts: Record<number, number> }[];
	/** For each round number: the mean of the pairs' trait means, over closed rounds that may be shown. */
	traitMeans: { round: number; pairs: number; means: Record<TraitId, number | null> }[];
}

/** SQL: whether round `r` takes answers at @now (isOpen). */
const OPEN = openSql('r');
/** SQL: summary `s`'s step: stored only where the round's promise lets it be shown, so taken as it is. */
const shownStep = (s: string) => `${s}.pair_step`;

const statColumns = TRAIT_IDS.map((t) => `sum(${t}_sum) AS ${t}_sum, sum(${t}_n) AS ${t}_n`).join(', ');
export type Stat = { number: number; step: number; pairs: number } & Record<string, number>;

/**
 * The project's closed rounds per round number and step (0: withheld), with their trait sums: the
 * maintained totals of every round, less the rounds open now (a round closes by the clock,
 * unwritten), which are the maintained sums of rounds not closed by hand whose closing time is
 * still ahead (migration 012). A withheld pair has no step and no means in its stored result.
 */
export function closedRoundStats(projectId: number, now = Date.now()): Stat[] {
	const totals = prepared(
		`SELECT number, step, sum(pairs) AS pairs, ${statColumns} FROM project_round_stats WHERE project_id = ? AND pairs > 0 GROUP BY number, step`
	).all(projectId) as Stat[];
	const open = prepared(
		`SELECT number, step, sum(pairs) AS pairs, ${statColumns} FROM project_unclosed_stats
		 WHERE project_id = @project AND (open_until = '' OR open_until > @now) AND pairs > 0 GROUP BY number, step`
	).all({ project: projectId, now: nowIso(now) }) as Stat[];

	const key = (number: number, step: number) => `${number}:${step}`;
	const stats = new Map(totals.map((t) => [key(t.number, t.step), { ...t }]));
	for (const o of open) {
		const stat = stats.get(key(o.number, o.step));
		if (!stat) continue;
		stat.pairs -= o.pairs;
		for (const t of TRAIT_IDS) {
			stat[`${t}_sum`] -= o[`${t}_sum`];
			stat[`${t}_n`] -= o[`${t}_n`];
		}
	}
	return [...stats.values()].filter((stat) => stat.pairs > 0);
}

/** Pairs per step and trait means by round, over the closed rounds (closedRoundStats); a withheld pair counts in neither. */
export function projectAggregates(projectId: number, now = Date.now()): ProjectAggregates {
	const byRound = new Map<number, Stat[]>();
	for (const stat of closedRoundStats(projectId, now)) byRound.set(stat.number, [...(byRound.get(stat.number) ?? []), stat]);
	const rounds = [...byRound.keys()].sort((a, b) => a - b);
	return {
		stepCounts: rounds
			.map((round) => ({ round, counts: Object.fromEntries(byRound.get(round)!.filter((s) => s.step > 0).map((s) => [s.step, s.pairs])) }))
			.filter((r) => Object.keys(r.counts).length > 0),
		traitMeans: rounds.map((round) => {
			const list = byRound.get(round)!;
			const means = Object.fromEntries(
				TRAIT_IDS.map((t) => {
					const n = list.reduce((x, s) => x + s[`${t}_n`], 0);
					return [t, n > 0 ? list.reduce((x, s) => x + s[`${t}_sum`], 0) / n : null];
				})
			) as Record<TraitId, number | null>;
			return { round, pairs: list.reduce((x, s) => x + s.pairs, 0), means };
		})
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

const folded = new WeakSet<object>();
/** SQLite's lower() folds ASCII only; searching "äänekoski" must find "Äänekoski". */
function registerFold(): void {
	const conn = db();
	if (folded.has(conn)) return;
	conn.function('portaat_fold', { deterministic: true }, (text: unknown) => String(text ?? '').toLocaleLowerCase('fi'));
	folded.add(conn);
}

// Per pair: its latest round, and its latest closed round with the step of the latest earlier
// round that shows one (a withheld round in between hides nothing: 2 → withheld → 4 is +2).
const factsSql = (only: 'page' | 'all') => `
	WITH base AS (
		SELECT p.id AS pairId, m.name AS municipality, a.name AS association, p.theme, p.area,
		       (SELECT r.id FROM rounds r WHERE r.pair_id = p.id ORDER BY r.number DESC LIMIT 1) AS latestId,
		       (SELECT r.id FROM rounds r WHERE r.pair_id = p.id AND NOT ${OPEN} ORDER BY r.number DESC LIMIT 1) AS refId
		FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
		WHERE p.project_id = @project AND ${WITHIN}
		  AND ${only === 'page' ? 'p.id IN (SELECT value FROM json_each(@ids))' : `(@q = '' OR instr(portaat_fold(m.name || ' ' || a.name || ' ' || p.theme || ' ' || p.area), @q) > 0)`}
	), facts AS (
		SELECT base.*, r.number AS latestNumber, ${OPEN} AS open,
		       coalesce(ls.municipality_n, 0) AS mN, coalesce(ls.association_n, 0) AS aN,
		       ${shownStep('rs')} - (SELECT ${shownStep('ps')} FROM rounds pr JOIN round_summaries ps ON ps.round_id = pr.id
		                            WHERE pr.pair_id = base.pairId AND pr.number < ref.number AND ps.pair_step IS NOT NULL
		                            ORDER BY pr.number DESC LIMIT 1) AS movement,
		       ${shownStep('rs')} AS refStep
		FROM base LEFT JOIN rounds r ON r.id = base.latestId LEFT JOIN round_summaries ls ON ls.round_id = base.latestId
		LEFT JOIN rounds ref ON ref.id = base.refId LEFT JOIN round_summaries rs ON rs.round_id = base.refId
	)
	SELECT *${only === 'all' ? ', count(*) OVER () AS total' : ''} FROM facts
	WHERE (@status = 'all' OR (@status = 'none' AND latestId IS NULL) OR (@status = 'open' AND open = 1) OR (@status = 'closed' AND open = 0))
	  AND (@movement = 'all' OR (@movement = 'up' AND movement > 0) OR (@movement = 'same' AND movement = 0) OR (@movement = 'down' AND movement < 0))`;

/** SQL: pair `p` is among @within (a JSON array of ids), or @within is NULL. */
const WITHIN = `(@within IS NULL OR p.id IN (SELECT value FROM json_each(@within)))`;

const NAME_ORDER = 'municipality COLLATE NOCASE, association COLLATE NOCASE, pairId';
// Unknown values sort last whatever the direction.
const ORDER: Record<PairQuery['sort'], string> = {
	name: NAME_ORDER,
	step: `refStep IS NULL, refStep DESC, ${NAME_ORDER}`,
	movement: `movement IS NULL, movement DESC, ${NAME_ORDER}`,
	answers: `mN + aN DESC, ${NAME_ORDER}`
};

interface Fact {
	pairId: number;
	municipality: string;
	association: string;
	theme: string;
	area: string;
	latestId: number | null;
	latestNumber: number | null;
	open: number | null;
	mN: number;
	aN: number;
	movement: number | null;
	total: number;
}

/**
 * One page of the project's pairs (or of some of them: `within`, a theme's or an area's),
 * filtered, sorted and paged in SQL. Sorted by name without filters on rounds (the page as it
 * opens), only the page's pairs are looked at; otherwise every pair's latest rounds are, through indexes.
 */
export function pairPage(
	projectId: number,
	query: PairQuery,
	now = Date.now(),
	within: readonly number[] | null = null
): { rows: PairRow[]; total: number; pages: number; page: number; rounds: number[] } {
	registerFold();
	const q = query.q.toLocaleLowerCase('fi');
	// `within` holds pairs of this project: holding as many as the project has, it is all of them,
	// and the page is the project's (no list of ids to read into every query).
	if (within !== null && new Set(within).size >= pairCount(projectId)) within = null;
	const scope = within === null ? null : JSON.stringify(within);
	const params = { project: projectId, now: nowIso(now), q, status: query.status, movement: query.movement, within: scope };
	const plain = query.sort === 'name' && query.status === 'all' && query.movement === 'all';
	const pageOf = (total: number) => Math.min(query.page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
	let facts: Fact[];
	let total: number;
	if (plain) {
		// Without a search the names are not needed to count (a pair always has both organisations).
		total =
			q === ''
				? (prepared(`SELECT count(*) FROM pairs p WHERE p.project_id = @project AND ${WITHIN}`).pluck().get({ project: projectId, within: scope }) as number)
				: (prepared(
						`SELECT count(*) FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
						 WHERE p.project_id = @project AND ${WITHIN} AND instr(portaat_fold(m.name || ' ' || a.name || ' ' || p.theme || ' ' || p.area), @q) > 0`
					)
						.pluck()
						.get({ project: projectId, q, within: scope }) as number);
		const page = pageOf(total);
		const ids = prepared(
			`SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
			 WHERE p.project_id = @project AND ${WITHIN} AND (@q = '' OR instr(portaat_fold(m.name || ' ' || a.name || ' ' || p.theme || ' ' || p.area), @q) > 0)
			 ORDER BY m.name COLLATE NOCASE, a.name COLLATE NOCASE, p.id LIMIT @limit OFFSET @offset`
		)
			.pluck()
			.all({ project: projectId, q, within: scope, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) as number[];
		facts = prepared(`${factsSql('page')} ORDER BY ${NAME_ORDER}`).all({
			...params,
			ids: JSON.stringify(ids)
		}) as Fact[];
	} else {
		const page = Math.max(1, query.page);
		facts = prepared(`${factsSql('all')} ORDER BY ${ORDER[query.sort]} LIMIT @limit OFFSET @offset`).all({
			...params,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		}) as Fact[];
		total = facts[0]?.total ?? 0;
		if (facts.length === 0 && page > 1) {
			// Past the last page (an old link): show the last one.
			total = (prepared(`SELECT count(*) FROM (${factsSql('all')})`).pluck().get(params) as number) ?? 0;
			if (total > 0) return pairPage(projectId, { ...query, page: pageOf(total) }, now, within);
		}
	}

	const steps = prepared(
		`SELECT r.pair_id AS pairId, r.number, r.questionnaire_version AS version, ${OPEN} AS open, ${shownStep('s')} AS step
		 FROM rounds r LEFT JOIN round_summaries s ON s.round_id = r.id
		 WHERE r.pair_id IN (SELECT value FROM json_each(@ids))`
	).all({ ids: JSON.stringify(facts.map((f) => f.pairId)), now: nowIso(now) }) as {
		pairId: number;
		number: number;
		version: string;
		open: number;
		step: number | null;
	}[];
	const byPair = new Map<number, Record<number, number | null>>();
	const versionsOf = new Map<number, Record<number, string>>();
	const rounds = new Set<number>();
	for (const s of steps) {
		rounds.add(s.number);
		const row = byPair.get(s.pairId) ?? {};
		row[s.number] = s.open ? null : s.step;
		byPair.set(s.pairId, row);
		versionsOf.set(s.pairId, { ...versionsOf.get(s.pairId), [s.number]: s.version });
	}
	const rows = facts.map(
		(f): PairRow => ({
			pairId: f.pairId,
			municipality: f.municipality,
			association: f.association,
			theme: f.theme,
			area: f.area,
			steps: byPair.get(f.pairId) ?? {},
			versions: versionsOf.get(f.pairId) ?? {},
			latest:
				f.latestId === null
					? null
					: { roundId: f.latestId, number: f.latestNumber!, open: f.open === 1, submitted: { municipality: f.mN, association: f.aN } },
			movement: f.movement
		})
	);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	return { rows, total, pages, page: pageOf(total), rounds: [...rounds].sort((a, b) => a - b) };
}

/** How many pairs the project has, whatever the filters. */
export function pairCount(projectId: number): number {
	return prepared('SELECT count(*) FROM pairs WHERE project_id = ?').pluck().get(projectId) as number;
}

/**
 * What the pairs do together and bring, across the project: per choice question and option, how
 * many pairs report it in their latest closed round (a side reports an option when at least half
 * of its respondents ticked it), from the project's kept sums (migration 013), never the rounds' results.
 */
export function choiceCountsAcrossPairs(projectId: number, now = Date.now()): { item: string; option: string; pairs: number }[] {
	const rows = projectFactsSql().all({ project: projectId, now: nowIso(now) }) as FactRow[];
	return countFacts(rows).choices.counts.map(({ item, option, pairs }) => ({ item, option, pairs }));
}

/** Per choice question and option, how many of some pairs report it: either side (as choiceCountsAcrossPairs counts), and each side. */
export interface ChoiceCount {
	item: string;
	option: string;
	pairs: number;
	sides: Record<Side, number>;
}

/**
 * The same for some of the project's pairs (a theme's or an area's, up to all of them), per side
 * too, with each question's n: how many pairs, and how many pairs' sides, have a disclosed answer
 * to it that counts. Read from each latest closed round's per-side summary (round_summaries.*_choices),
 * or for a group holding most of the project from the project's kept sums (latestRoundFacts), never
 * from the rounds' whole results.
 */
export function choiceCountsOfPairs(projectId: number, pairIds: readonly number[], now = Date.now()): ChoiceCounts {
	return latestRoundFacts(projectId, pairIds, now).choices;
}

export type ChoiceCounts = { counts: ChoiceCount[]; answered: Record<string, { pairs: number; sides: Record<Side, number> }> };

/** What a group's pairs' latest closed rounds say, counted over the pairs (latestRoundFacts). */
export interface LatestRoundFacts {
	choices: ChoiceCounts;
	/** Per trait, the sum and the count of the pairs' means, each from its latest closed round that shows any. */
	traits: Record<TraitId, { sum: number; n: number }>;
	/** How many of the pairs have not moved for two rounds (round_summaries.unmoved, migration 011). */
	unmoved: number;
}

const anyTrait = (s: string) => `coalesce(${TRAIT_IDS.map((t) => `${s}.${t}`).join(', ')})`;

// Each pair's latest round that is not open and has stored results (a round with results has
// opened), found in the summaries' index of pair, number and closing (migration 012): one seek
// per pair into the index alone, done once (MATERIALIZED)
// for the choice counts, the trait means and the pairs that stood still together. A pair whose
// latest closed round shows no trait (withheld) takes its means from the latest earlier one that does.
// Pairs whose sides report the same are counted together, so only the distinct reports are parsed.
const latestFactsSql = (only: 'counts' | 'unmoved') =>
	prepared(
		`WITH latest AS MATERIALIZED (
		   SELECT g.value AS pairId, (SELECT l.round_id FROM round_summaries l WHERE l.pair_id = g.value
		     AND ${summaryEndedSql('l')} ORDER BY l.number DESC LIMIT 1) AS roundId
		   FROM json_each(@pairs) g)
		 ${
				only === 'unmoved'
					? `SELECT x.pairId FROM latest x JOIN round_summaries s ON s.round_id = x.roundId WHERE s.project_id = @project AND s.unmoved`
					: `SELECT s.municipality_choices AS municipality, s.association_choices AS association, count(*) AS pairs, sum(s.unmoved) AS unmoved,
		   ${TRAIT_IDS.map((t) => `coalesce(sum(t.${t}), 0) AS ${t}_sum, count(t.${t}) AS ${t}_n`).join(', ')}
		 FROM latest x JOIN round_summaries s ON s.round_id = x.roundId
		 LEFT JOIN round_summaries t ON t.round_id = CASE WHEN ${anyTrait('s')} IS NOT NULL THEN s.round_id ELSE (
		   SELECT b.round_id FROM round_summaries b WHERE b.pair_id = s.pair_id AND b.number < s.number
		     AND ${summaryEndedSql('b')} AND ${anyTrait('b')} IS NOT NULL ORDER BY b.number DESC LIMIT 1) END
		 WHERE s.project_id = @project
		 GROUP BY s.municipality_choices, s.association_choices`
		 }`
	);

// Each pair once: the statement joins its list, so a pair given twice would count twice.
const latestFactsParams = (projectId: number, pairIds: readonly number[], now: number) => ({
	project: projectId,
	pairs: JSON.stringify([...new Set(pairIds)]),
	now: nowIso(now)
});

/** One group of pairs that report alike: their two sides' reports, with how many pairs (negative: taken away) and their sums. */
type FactRow = { municipality: string | null; association: string | null; pairs: number; unmoved: number } & Record<string, number>;

/**
 * The project's sums over every pair's latest closed round (migration 013): what the pairs report
 * as if no planned closing had passed ('*'), plus what each planned closing that has passed changes.
 */
const projectFactsSql = () =>
	prepared(
		`SELECT m AS municipality, a AS association, sum(pairs) AS pairs, sum(unmoved) AS unmoved,
		   ${TRAIT_IDS.map((t) => `sum(${t}_sum) AS ${t}_sum, sum(${t}_n) AS ${t}_n`).join(', ')}
		 FROM project_latest_stats WHERE project_id = @project AND (bucket = '*' OR bucket <= @now) GROUP BY m, a`
	);

const projectPairIdsSql = () => prepared('SELECT id FROM pairs WHERE project_id = ?');

/**
 * Some of a project's pairs, each once, and which way to count them. A group holding more than half
 * of the project is counted as the project's kept sums less its other pairs (`others`), a smaller
 * one over its own pairs (`others` null): the work follows the smaller of the group and the rest.
 * Worked out once per view; every count of the view then goes the same way.
 */
export interface PairScope {
	projectId: number;
	ids: number[];
	others: number[] | null;
}

export function pairScope(projectId: number, pairIds: readonly number[]): PairScope {
	const ids = [...new Set(pairIds)];
	if (2 * ids.length <= pairCount(projectId)) return { projectId, ids, others: null };
	// The others from the project's index of pairs: cheaper than asking SQL to leave out a long list.
	const own = new Set(ids);
	return { projectId, ids, others: (projectPairIdsSql().pluck().all(projectId) as number[]).filter((id) => !own.has(id)) };
}

/** The pairs' latest closed rounds grouped by what they report, counted the way the scope says. */
function latestFactRows(scope: PairScope, now: number): FactRow[] {
	const { projectId, ids, others } = scope;
	if (others === null) return latestFactsSql('counts').all(latestFactsParams(projectId, ids, now)) as FactRow[];
	const kept = projectFactsSql().all({ project: projectId, now: nowIso(now) }) as FactRow[];
	if (others.length === 0) return kept;
	const less = (latestFactsSql('counts').all(latestFactsParams(projectId, others, now)) as FactRow[]).map((row) =>
		Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? -v : v]))
	) as FactRow[];
	return [...kept, ...less];
}

/** A side's report as stored: {question: options reported} (round_summaries.*_choices, migration 013). */
const reportedBy = (text: string | null) => JSON.parse(text ?? '{}') as Record<string, string[]>;

/** Counted over the pairs' latest closed rounds with stored results (pairs without one count in nothing). */
export function latestRoundFacts(projectId: number, pairIds: readonly number[], now = Date.now()): LatestRoundFacts {
	return latestRoundFactsIn(pairScope(projectId, pairIds), now);
}

export function latestRoundFactsIn(scope: PairScope, now = Date.now()): LatestRoundFacts {
	return countFacts(latestFactRows(scope, now));
}

function countFacts(rows: FactRow[]): LatestRoundFacts {
	const counts = new Map<string, ChoiceCount>();
	const answered: Record<string, { pairs: number; sides: Record<Side, number> }> = {};
	const traits = Object.fromEntries(TRAIT_IDS.map((t) => [t, { sum: 0, n: 0 }])) as LatestRoundFacts['traits'];
	let unmoved = 0;
	for (const row of rows) {
		unmoved += row.unmoved;
		for (const t of TRAIT_IDS) {
			traits[t].sum += row[`${t}_sum`];
			traits[t].n += row[`${t}_n`];
		}
		// Rows that add up to no pair still carry their trait sums (above), but report nothing.
		if (row.pairs === 0) continue;
		const sides = { municipality: reportedBy(row.municipality), association: reportedBy(row.association) };
		const items = new Set(SIDES.flatMap((side) => Object.keys(sides[side])));
		for (const item of items) {
			const n = (answered[item] ??= { pairs: 0, sides: { municipality: 0, association: 0 } });
			n.pairs += row.pairs;
			const options = new Set<string>();
			for (const side of SIDES) {
				const reported = sides[side][item];
				if (!reported) continue;
				n.sides[side] += row.pairs;
				for (const option of reported) {
					options.add(option);
					const key = `${item}\u0000${option}`;
					const count = counts.get(key) ?? { item, option, pairs: 0, sides: { municipality: 0, association: 0 } };
					count.sides[side] += row.pairs;
					counts.set(key, count);
				}
			}
			for (const option of options) counts.get(`${item}\u0000${option}`)!.pairs += row.pairs;
		}
	}
	// What the other pairs took away to nothing is not there.
	for (const [key, count] of counts) if (count.pairs === 0 && count.sides.municipality === 0 && count.sides.association === 0) counts.delete(key);
	for (const [item, n] of Object.entries(answered)) if (n.pairs === 0 && n.sides.municipality === 0 && n.sides.association === 0) delete answered[item];
	return { choices: { counts: [...counts.values()], answered }, traits, unmoved };
}

/** Those of the pairs that have not moved for two rounds: their latest closed round and the two before it show one step. */
export function unmovedPairs(projectId: number, pairIds: readonly number[], now = Date.now()): number[] {
	return latestFactsSql('unmoved').pluck().all(latestFactsParams(projectId, pairIds, now)) as number[];
}
