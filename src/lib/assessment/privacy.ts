import type { GroupScore, PairScore } from './aggregate.ts';
import { SIDES, type Side } from './types.ts';

export interface Disclosure {
	/** The score with every hidden group replaced by null. */
	score: PairScore;
	/** Which groups were withheld (they had answers, but too few to show). */
	hidden: Record<Side | 'pair', boolean>;
}

/**
 * What may be shown of a round's score. A side with fewer respondents than the project's
 * smallest group size is withheld, so that no one's answers can be singled out; the pair is
 * then withheld too, since the pair (the mean of the sides) beside the other side would give
 * the small side away. Every report and export goes through this one rule.
 */
export function disclose(score: PairScore, minGroupSize: number): Disclosure {
	const small = (g: GroupScore | null) => g !== null && g.respondents < minGroupSize;
	const hiddenSide = Object.fromEntries(SIDES.map((s) => [s, small(score.sides[s])])) as Record<Side, boolean>;
	const pairHidden = score.pair !== null && (hiddenSide.municipality || hiddenSide.association);
	return {
		score: {
			sides: Object.fromEntries(SIDES.map((s) => [s, hiddenSide[s] ? null : score.sides[s]])) as Record<Side, GroupScore | null>,
			pair: pairHidden ? null : score.pair
		},
		hidden: { ...hiddenSide, pair: pairHidden }
	};
}
