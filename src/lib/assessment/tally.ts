import { scorable, type Answers } from './answers.ts';
import { itemGroups } from './item-groups.ts';
import { EVIDENCE_STEPS, TRAIT_IDS, type EvidenceStep, type QuestionnaireVersion, type TraitId } from './types.ts';

/** A sum of integer answers and how many there are. */
export interface Sum {
	sum: number;
	count: number;
}

/** How many people answered a choice question, and how many ticked each option. */
export interface ChoiceCount {
	n: number;
	counts: Record<string, number>;
}

/**
 * What a group of responses (one person, a side) adds up to: integer sums per statement and
 * counts of people, nothing else. Every score is computed from a tally, so adding responses in
 * any order gives the same tally and the same score, and a round's tally grows by one
 * response's tally at each submit.
 */
export interface Tally {
	/** Responses that answered enough to count. */
	respondents: number;
	/** Agreement statements (trait and practice) answered on the 1–5 scale; "I can't say" is not counted. */
	items: Record<string, Sum>;
	/** People who answered at least one statement of the trait on the 1–5 scale. */
	traitPeople: Record<TraitId, number>;
	/** People who answered at least one statement of the step on the 1–5 scale. */
	stepPeople: Record<EvidenceStep, number>;
	/** People who answered at least one practice statement on the 1–5 scale. */
	practicePeople: number;
	selfPlaced: Sum;
	target: Sum;
	choices: Record<string, ChoiceCount>;
}

export function emptyTally(): Tally {
	return {
		respondents: 0,
		items: {},
		traitPeople: Object.fromEntries(TRAIT_IDS.map((t) => [t, 0])) as Record<TraitId, number>,
		stepPeople: Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, 0])) as Record<EvidenceStep, number>,
		practicePeople: 0,
		selfPlaced: { sum: 0, count: 0 },
		target: { sum: 0, count: 0 },
		choices: {}
	};
}

const isScale = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 6;

/** One response's tally; a response that does not answer enough to be scored counts for nothing. */
export function tallyResponse(version: QuestionnaireVersion, answers: Answers): Tally {
	const tally = emptyTally();
	if (!scorable(version, answers).ok) return tally;
	tally.respondents = 1;
	const groups = itemGroups(version);
	for (const id of groups.agreement) {
		const value = answers[id];
		if (isScale(value)) tally.items[id] = { sum: value, count: 1 };
	}
	const answered = (ids: readonly string[]) => (ids.some((id) => id in tally.items) ? 1 : 0);
	for (const t of TRAIT_IDS) tally.traitPeople[t] = answered(groups.trait[t]);
	for (const s of EVIDENCE_STEPS) tally.stepPeople[s] = answered(groups.step[s]);
	tally.practicePeople = answered(groups.practice);
	const now = answers[version.selfPlacement.now.id];
	const target = answers[version.selfPlacement.target.id];
	if (isStep(now)) tally.selfPlaced = { sum: now, count: 1 };
	if (isStep(target)) tally.target = { sum: target, count: 1 };
	for (const item of version.descriptive) {
		const value = answers[item.id];
		if (!Array.isArray(value)) continue;
		const known = new Set(item.options.map((o) => o.id));
		tally.choices[item.id] = {
			n: 1,
			counts: Object.fromEntries(item.options.filter((o) => value.includes(o.id) && known.has(o.id)).map((o) => [o.id, 1]))
		};
	}
	return tally;
}

const addSum = (a: Sum | undefined, b: Sum | undefined): Sum => ({ sum: (a?.sum ?? 0) + (b?.sum ?? 0), count: (a?.count ?? 0) + (b?.count ?? 0) });

/** Keys of both records in one fixed order, so that a tally never depends on the order it was added up in. */
const keysOf = (a: object, b: object) => {
	const keys = Object.keys(a);
	for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) keys.push(k);
	return keys.sort();
};

/** The tally of two groups together. Integer sums: exact, commutative and associative. */
export function addTallies(a: Tally, b: Tally): Tally {
	return {
		respondents: a.respondents + b.respondents,
		items: Object.fromEntries(keysOf(a.items, b.items).map((k) => [k, addSum(a.items[k], b.items[k])])),
		traitPeople: Object.fromEntries(TRAIT_IDS.map((t) => [t, (a.traitPeople[t] ?? 0) + (b.traitPeople[t] ?? 0)])) as Record<TraitId, number>,
		stepPeople: Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, (a.stepPeople[s] ?? 0) + (b.stepPeople[s] ?? 0)])) as Record<
			EvidenceStep,
			number
		>,
		practicePeople: a.practicePeople + b.practicePeople,
		selfPlaced: addSum(a.selfPlaced, b.selfPlaced),
		target: addSum(a.target, b.target),
		choices: Object.fromEntries(
			keysOf(a.choices, b.choices).map((k) => {
				const x = a.choices[k] ?? { n: 0, counts: {} };
				const y = b.choices[k] ?? { n: 0, counts: {} };
				return [k, { n: x.n + y.n, counts: Object.fromEntries(keysOf(x.counts, y.counts).map((o) => [o, (x.counts[o] ?? 0) + (y.counts[o] ?? 0)])) }];
			})
		)
	};
}

export function sumTallies(tallies: readonly Tally[]): Tally {
	return tallies.reduce(addTallies, emptyTally());
}
