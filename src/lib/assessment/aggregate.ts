import { band, climb, to100, type Band, type ResponseScore, type StairsEvidence } from './scoring.ts';
import { EVIDENCE_STEPS, SIDES, TRAIT_IDS, type EvidenceStep, type Side, type TraitId } from './types.ts';

/** A mean over a group, with n: how many values it is made of. */
export interface GroupMean {
	mean: number | null;
	n: number;
}

export interface GroupTrait extends GroupMean {
	band: Band | null;
	score100: number | null;
}

/** The scores of a group of respondents (one side), or of the pair (the two sides weighed equally). */
export interface GroupScore {
	/** Respondents whose submitted answers make the group. */
	respondents: number;
	traits: Record<TraitId, GroupTrait>;
	stepMeans: Record<EvidenceStep, GroupMean>;
	evidence: StairsEvidence;
	selfPlaced: GroupMean;
	target: GroupMean;
}

export interface PairScore {
	sides: Record<Side, GroupScore | null>;
	/** Null unless both sides have submitted answers: the pair weighs two parties, not headcount. */
	pair: GroupScore | null;
}

function meanOf(values: readonly (number | null)[]): GroupMean {
	const present = values.filter((v): v is number => v !== null);
	return {
		mean: present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length,
		n: present.length
	};
}

function withBand(g: GroupMean): GroupTrait {
	return { ...g, band: g.mean === null ? null : band(g.mean), score100: g.mean === null ? null : to100(g.mean) };
}

function group(
	respondents: number,
	trait: (t: TraitId) => GroupMean,
	step: (s: EvidenceStep) => GroupMean,
	selfPlaced: GroupMean,
	target: GroupMean
): GroupScore {
	const traits = Object.fromEntries(TRAIT_IDS.map((t) => [t, withBand(trait(t))])) as Record<TraitId, GroupTrait>;
	const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, step(s)])) as Record<EvidenceStep, GroupMean>;
	const evidence = climb(
		Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, stepMeans[s].mean])) as Record<EvidenceStep, number | null>
	);
	return { respondents, traits, stepMeans, evidence, selfPlaced, target };
}

/**
 * One side's score: every respondent weighs the same. The side's stairs are climbed on the
 * means of its respondents' step means, so a side is placed by what it sees on average.
 */
export function aggregateSide(responses: readonly ResponseScore[]): GroupScore | null {
	if (responses.length === 0) return null;
	return group(
		responses.length,
		(t) => meanOf(responses.map((r) => r.traits[t].mean)),
		(s) => meanOf(responses.map((r) => r.stepItems[s].mean)),
		meanOf(responses.map((r) => r.selfPlaced)),
		meanOf(responses.map((r) => r.target))
	);
}

/** The pair: the mean of the two side means, whatever the headcount on each side. */
export function aggregatePair(sides: Record<Side, GroupScore | null>): PairScore {
	const { municipality: m, association: a } = sides;
	if (!m || !a) return { sides, pair: null };
	const both = (pick: (g: GroupScore) => GroupMean): GroupMean => {
		const values = [pick(m).mean, pick(a).mean];
		// A pair value needs both sides' values; n counts the sides that gave one.
		return values.includes(null)
			? { mean: null, n: values.filter((v) => v !== null).length }
			: { mean: (values[0]! + values[1]!) / 2, n: 2 };
	};
	return {
		sides,
		pair: group(
			m.respondents + a.respondents,
			(t) => both((g) => g.traits[t]),
			(s) => both((g) => g.stepMeans[s]),
			both((g) => g.selfPlaced),
			both((g) => g.target)
		)
	};
}

export function scorePair(responses: readonly { side: Side; score: ResponseScore }[]): PairScore {
	const sides = Object.fromEntries(
		SIDES.map((side) => [side, aggregateSide(responses.filter((r) => r.side === side).map((r) => r.score))])
	) as Record<Side, GroupScore | null>;
	return aggregatePair(sides);
}
