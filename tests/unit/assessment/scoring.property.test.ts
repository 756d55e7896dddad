import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupScore } from '../../../src/lib/assessment/aggregate';
import { answersSchema, type Answers } from '../../../src/lib/assessment/answers';
import { findings } from '../../../src/lib/assessment/findings';
import { scorePair, type PairScore } from '../../../src/lib/assessment/privacy';
import { scoreResponse, STEP_THRESHOLD } from '../../../src/lib/assessment/scoring';
import { EVIDENCE_STEPS, TRAIT_IDS, type Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswersArb } from '../../helpers/arbitraries';

const runs = { numRuns: 200 };
type Respondent = { side: Side; answers: Answers };

const respondentsArb = fc.array(
	fc.record({ side: fc.constantFrom<Side>('municipality', 'association'), answers: countedAnswersArb(v) }),
	{ minLength: 1, maxLength: 7 }
);
const score = (people: readonly Respondent[]) => scorePair(v, people.map((p) => ({ side: p.side, tally: scoreResponse(v, p.answers).tally })));
const groups = (s: PairScore): [string, GroupScore][] =>
	[['municipality', s.sides.municipality], ['association', s.sides.association], ['pair', s.pair]].filter((x): x is [string, GroupScore] => x[1] !== null);

/** What a reader sees: the number as the Finnish page prints it, read back. */
const printed = (x: number) => Number(new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x).replace(',', '.'));

/** Nothing of `after` is lower than `before`: traits, step means and the evidence step, in every group. */
function neverLower(before: PairScore, after: PairScore) {
	for (const [name, g] of groups(before)) {
		const h = name === 'pair' ? after.pair : after.sides[name as Side];
		expect(h, name).not.toBeNull();
		for (const t of TRAIT_IDS) if (g.traits[t].mean !== null) expect(h!.traits[t].mean!, `${name} ${t}`).toBeGreaterThanOrEqual(g.traits[t].mean!);
		for (const s of EVIDENCE_STEPS) if (g.stepMeans[s].mean !== null) expect(h!.stepMeans[s].mean!, `${name} step ${s}`).toBeGreaterThanOrEqual(g.stepMeans[s].mean!);
		if (g.evidence.step !== null) expect(h!.evidence.step!, `${name} evidence`).toBeGreaterThanOrEqual(g.evidence.step);
	}
}

describe('one number, one meaning (property)', () => {
	it('shows every mean with one decimal and its band agrees with the written thresholds', () => {
		fc.assert(
			fc.property(respondentsArb, (people) => {
				for (const [, g] of groups(score(people))) {
					for (const t of TRAIT_IDS) {
						const { mean, band } = g.traits[t];
						if (mean === null) continue;
						const shown = printed(mean);
						expect(shown).toBe(mean);
						expect(band).toBe(shown >= 4.0 ? 'strength' : shown >= 3.0 ? 'discuss' : 'attention');
					}
					// A step is reached exactly when its shown mean is at least 3,5, and every lower one is.
					for (const s of EVIDENCE_STEPS) {
						const m = g.stepMeans[s].mean;
						if (g.evidence.step !== null && s <= g.evidence.step) expect(printed(m!)).toBeGreaterThanOrEqual(STEP_THRESHOLD);
					}
					if (g.evidence.stoppedBy === 'threshold') expect(printed(g.evidence.next!.mean!)).toBeLessThan(STEP_THRESHOLD);
				}
			}),
			runs
		);
	});

	it('flags a gap between the sides exactly when their shown values are 1,0 or more apart', () => {
		fc.assert(
			fc.property(respondentsArb, (people) => {
				const s = score(people);
				const { municipality: m, association: a } = s.sides;
				fc.pre(m !== null && a !== null);
				const found = findings(s);
				for (const t of TRAIT_IDS) {
					const x = m!.traits[t].mean;
					const y = a!.traits[t].mean;
					const flagged = found.some((f) => f.kind === 'sides_differ_trait' && f.trait === t);
					expect(flagged).toBe(x !== null && y !== null && Math.round(Math.abs(printed(x) - printed(y)) * 10) >= 10);
				}
			}),
			runs
		);
	});

	it('gives the pair the mean of the two sides as shown, whatever the headcount', () => {
		fc.assert(
			fc.property(respondentsArb, (people) => {
				const s = score(people);
				fc.pre(s.pair !== null);
				for (const t of TRAIT_IDS) {
					const [x, y, p] = [s.sides.municipality!.traits[t].mean, s.sides.association!.traits[t].mean, s.pair!.traits[t].mean];
					if (x === null || y === null) expect(p).toBeNull();
					else expect(p).toBe(Math.floor(Math.round((x + y) * 10) / 2 + 0.5) / 10);
				}
			}),
			runs
		);
	});
});

describe('monotone, order-free aggregation (property)', () => {
	const agreementIds = [...v.traitItems, ...v.practiceItems].map((i) => i.id);

	it('never lowers a side or the pair when one answer rises', () => {
		fc.assert(
			fc.property(respondentsArb, fc.nat(), fc.constantFrom(...agreementIds), (people, who, id) => {
				const i = who % people.length;
				const before = people[i].answers[id];
				fc.pre(typeof before === 'number' && before < 5);
				const raised = people.map((p, k) => (k === i ? { ...p, answers: { ...p.answers, [id]: (before as number) + 1 } } : p));
				neverLower(score(people), score(raised));
			}),
			runs
		);
	});

	it('never lowers anything when a "can\'t say" becomes an answer at least the current mean of its group', () => {
		fc.assert(
			fc.property(respondentsArb, fc.nat(), fc.constantFrom(...agreementIds), fc.integer({ min: 1, max: 5 }), (people, who, id, value) => {
				const i = who % people.length;
				fc.pre(people[i].answers[id] === 'na');
				const s = score(people);
				const side = s.sides[people[i].side]!;
				const trait = v.traitItems.find((x) => x.id === id)?.trait;
				const step = v.practiceItems.find((x) => x.id === id)?.step;
				const current = trait ? side.traits[trait].mean : side.stepMeans[step!].mean;
				fc.pre(current === null || value >= current);
				neverLower(s, score(people.map((p, k) => (k === i ? { ...p, answers: { ...p.answers, [id]: value } } : p))));
			}),
			runs
		);
	});

	it('gives the same result whatever the order of respondents and of their answers', () => {
		fc.assert(
			fc.property(respondentsArb, fc.infiniteStream(fc.nat()), (people, seeds) => {
				const shuffle = <T>(list: readonly T[]) =>
					list
						.map((x) => [seeds.next().value, x] as const)
						.sort((a, b) => a[0] - b[0])
						.map(([, x]) => x);
				const permuted = shuffle(people).map((p) => ({ ...p, answers: Object.fromEntries(shuffle(Object.entries(p.answers))) }));
				expect(score(permuted)).toEqual(score(people));
				expect(JSON.stringify(score(permuted))).toBe(JSON.stringify(score(people)));
			}),
			{ numRuns: 100 }
		);
	});

	it('keeps every number on its scale', () => {
		fc.assert(
			fc.property(respondentsArb, (people) => {
				for (const [, g] of groups(score(people))) {
					for (const t of TRAIT_IDS) {
						const { mean } = g.traits[t];
						if (mean !== null) expect(mean >= 1 && mean <= 5).toBe(true);
					}
					expect(g.evidence.step === null || (g.evidence.step >= 1 && g.evidence.step <= 6)).toBe(true);
				}
			}),
			runs
		);
	});

	it('accepts every answer a respondent can give', () => {
		const schema = answersSchema(v);
		fc.assert(
			fc.property(countedAnswersArb(v), (answers) => {
				expect(schema.safeParse(answers).success).toBe(true);
			}),
			runs
		);
	});
});
