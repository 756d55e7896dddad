import { climbOn, pairOf, scoreGroup, sideTallies, type GroupScore, type Measure } from './aggregate.ts';
import type { Tally } from './tally.ts';
import { EVIDENCE_STEPS, SIDES, TRAIT_IDS, type EvidenceStep, type QuestionnaireVersion, type Side } from './types.ts';

/**
 * The promise made to a round's respondents, fixed when the round opens: the smallest group
 * size, and whether the sides' respondents agreed beforehand that results are shown however
 * few they are ("small side, open results").
 */
export interface DisclosureRule {
	minGroupSize: number;
	openResults: boolean;
}

/** What may be shown of a round: every withheld group or number is already null in it. */
export interface PairScore {
	sides: Record<Side, GroupScore | null>;
	/** Null unless both sides may be shown: the pair weighs two parties, not headcount. */
	pair: GroupScore | null;
	/** Groups withheld whole (they had answers, but too few people to show). */
	hidden: Record<Side | 'pair', boolean>;
	/** How many counted respondents each side has, shown even when the side is withheld. */
	respondents: Record<Side, number>;
	rule: DisclosureRule;
}

function withhold<T extends Measure>(m: T, min: number): T {
	return m.n > 0 && m.n < min ? { ...m, mean: null, withheld: true, ...('band' in m ? { band: null } : {}) } : m;
}

/**
 * One side as it may be shown: each number with fewer people behind it than the smallest group
 * size is withheld (a side of five where two answered the trust statements shows no trust), and
 * the stairs are climbed again on what is left, so a withheld step mean stops the climb.
 */
function discloseSide(g: GroupScore, min: number): GroupScore {
	const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, withhold(g.stepMeans[s], min)])) as Record<EvidenceStep, Measure>;
	return {
		...g,
		traits: Object.fromEntries(TRAIT_IDS.map((t) => [t, withhold(g.traits[t], min)])) as GroupScore['traits'],
		stepMeans,
		practice: Object.fromEntries(Object.entries(g.practice).map(([id, m]) => [id, withhold(m, min)])),
		evidence: climbOn(stepMeans, g.evidence.n),
		selfPlaced: withhold(g.selfPlaced, min),
		target: withhold(g.target, min),
		choices: Object.fromEntries(
			Object.entries(g.choices).map(([id, c]) => [id, c.n > 0 && c.n < min ? { n: c.n, counts: {}, withheld: true as const } : c])
		)
	};
}

/**
 * A round's result as it may be shown. A side with fewer respondents than the smallest group
 * size is withheld whole, and so is the pair then, since the pair beside the other side would
 * give the small side away; within a side that is shown, each number with too few people behind
 * it is withheld, and so is the pair's number made from it. With open results nothing is
 * withheld for being small. This is the one rule every page and export uses.
 */
export function discloseGroups(full: Record<Side, GroupScore | null>, rule: DisclosureRule): PairScore {
	const min = rule.openResults ? 1 : rule.minGroupSize;
	const hiddenSide = Object.fromEntries(SIDES.map((s) => [s, full[s] !== null && full[s]!.respondents < min])) as Record<Side, boolean>;
	const sides = Object.fromEntries(SIDES.map((s) => [s, full[s] && !hiddenSide[s] ? discloseSide(full[s]!, min) : null])) as Record<
		Side,
		GroupScore | null
	>;
	const pairHidden = full.municipality !== null && full.association !== null && (hiddenSide.municipality || hiddenSide.association);
	return {
		sides,
		pair: sides.municipality && sides.association ? pairOf(sides.municipality, sides.association) : null,
		hidden: { ...hiddenSide, pair: pairHidden },
		respondents: { municipality: full.municipality?.respondents ?? 0, association: full.association?.respondents ?? 0 },
		rule
	};
}

/** A round's result as it may be shown, from its sides' tallies. */
export function scoreRound(version: QuestionnaireVersion, tallies: Record<Side, Tally>, rule: DisclosureRule): PairScore {
	const full = Object.fromEntries(SIDES.map((s) => [s, tallies[s].respondents > 0 ? scoreGroup(version, tallies[s]) : null])) as Record<
		Side,
		GroupScore | null
	>;
	return discloseGroups(full, rule);
}

/** A round's result from its responses' tallies. */
export function scorePair(
	version: QuestionnaireVersion,
	responses: readonly { side: Side; tally: Tally }[],
	rule: DisclosureRule = { minGroupSize: 1, openResults: true }
): PairScore {
	return scoreRound(version, sideTallies(responses), rule);
}
