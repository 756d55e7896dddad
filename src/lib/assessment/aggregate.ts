import { minAnswered } from './answers.ts';
import { itemGroups } from './item-groups.ts';
import { band, climb, meanOfShown, roundedMean, type Band, type StairsEvidence, type StepInput } from './scoring.ts';
import { sumTallies, type ChoiceCount, type Sum, type Tally } from './tally.ts';
import { EVIDENCE_STEPS, SIDES, TRAIT_IDS, type EvidenceStep, type QuestionnaireVersion, type Side, type TraitId } from './types.ts';

/**
 * One number of a group, as shown (one decimal), with n: how many people it is made of.
 * `withheld` marks a number that exists but is not shown, because fewer people than the
 * round's smallest group size stand behind it.
 */
export interface Measure {
	mean: number | null;
	n: number;
	withheld?: true;
}

export interface GroupTrait extends Measure {
	band: Band | null;
}

export interface GroupChoice extends ChoiceCount {
	withheld?: true;
}

/** The scores of a group of respondents (one side), or of the pair (the two sides weighed equally). */
export interface GroupScore {
	/** Respondents whose submitted answers make the group. */
	respondents: number;
	traits: Record<TraitId, GroupTrait>;
	stepMeans: Record<EvidenceStep, Measure>;
	/** Each practice statement's mean, for "what is missing for the next step". */
	practice: Record<string, Measure>;
	/** n: the people who answered any practice statement. */
	evidence: StairsEvidence & { n: number };
	selfPlaced: Measure;
	target: Measure;
	/** Choice questions (what we do together, what we bring): per side only. */
	choices: Record<string, GroupChoice>;
}

const measureOf = (s: Sum | undefined, n = s?.count ?? 0): Measure => ({
	mean: s && s.count > 0 ? roundedMean(s.sum, s.count) : null,
	n
});

/**
 * A statement group's pooled mean: every 1–5 answer given to the group's statements counts
 * once. Pooling keeps the mean monotone: a higher answer, or an answer in place of "I can't
 * say" that is at least the current mean, never lowers it. Shown only when at least half of
 * the group's statements have answers.
 */
function pooled(tally: Tally, ids: readonly string[], n: number): Measure {
	const sum = { sum: 0, count: 0 };
	let answered = 0;
	for (const id of ids) {
		const item = tally.items[id];
		if (!item || item.count <= 0) continue;
		answered++;
		sum.sum += item.sum;
		sum.count += item.count;
	}
	if (answered < minAnswered(ids.length)) return { mean: null, n };
	return measureOf(sum, n);
}

const withBand = (m: Measure): GroupTrait => ({ ...m, band: m.mean === null ? null : band(m.mean) });

const stepInput = (m: Measure): StepInput => (m.withheld ? 'withheld' : m.mean);

export function climbOn(stepMeans: Record<EvidenceStep, Measure>, n: number): GroupScore['evidence'] {
	return { ...climb(Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, stepInput(stepMeans[s])])) as Record<EvidenceStep, StepInput>), n };
}

/** A group's scores from its tally: one person's, or a side's. */
export function scoreGroup(version: QuestionnaireVersion, tally: Tally): GroupScore {
	const groups = itemGroups(version);
	const traits = Object.fromEntries(TRAIT_IDS.map((t) => [t, withBand(pooled(tally, groups.trait[t], tally.traitPeople[t] ?? 0))])) as Record<
		TraitId,
		GroupTrait
	>;
	const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, pooled(tally, groups.step[s], tally.stepPeople[s] ?? 0)])) as Record<
		EvidenceStep,
		Measure
	>;
	return {
		respondents: tally.respondents,
		traits,
		stepMeans,
		practice: Object.fromEntries(version.practiceItems.map((i) => [i.id, measureOf(tally.items[i.id])])),
		evidence: climbOn(stepMeans, tally.practicePeople),
		selfPlaced: measureOf(tally.selfPlaced),
		target: measureOf(tally.target),
		choices: Object.fromEntries(version.descriptive.map((d) => [d.id, tally.choices[d.id] ?? { n: 0, counts: {} }]))
	};
}

/**
 * The pair's number from the two side numbers as shown: their mean, shown. Null when either
 * side has no number; withheld when either side's is withheld. n counts the people of both.
 */
function both(m: Measure, a: Measure): Measure {
	const n = m.n + a.n;
	if (m.withheld || a.withheld) return { mean: null, n, withheld: true };
	if (m.mean === null || a.mean === null) return { mean: null, n };
	return { mean: meanOfShown(m.mean, a.mean), n };
}

/** The pair: each number the mean of the two side numbers, however many people answered on each side. */
export function pairOf(m: GroupScore, a: GroupScore): GroupScore {
	const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, both(m.stepMeans[s], a.stepMeans[s])])) as Record<EvidenceStep, Measure>;
	return {
		respondents: m.respondents + a.respondents,
		traits: Object.fromEntries(TRAIT_IDS.map((t) => [t, withBand(both(m.traits[t], a.traits[t]))])) as Record<TraitId, GroupTrait>,
		stepMeans,
		practice: Object.fromEntries(Object.keys(m.practice).map((id) => [id, both(m.practice[id], a.practice[id] ?? { mean: null, n: 0 })])),
		evidence: climbOn(stepMeans, m.evidence.n + a.evidence.n),
		selfPlaced: both(m.selfPlaced, a.selfPlaced),
		target: both(m.target, a.target),
		choices: {}
	};
}

/** Each side's tally from its responses' tallies. */
export function sideTallies(responses: readonly { side: Side; tally: Tally }[]): Record<Side, Tally> {
	return Object.fromEntries(SIDES.map((side) => [side, sumTallies(responses.filter((r) => r.side === side).map((r) => r.tally))])) as Record<
		Side,
		Tally
	>;
}
