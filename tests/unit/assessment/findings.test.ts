import { describe, expect, it } from 'vitest';
import { discussionPoints } from '../../../src/lib/assessment/discussion';
import { compared, findings } from '../../../src/lib/assessment/findings';
import { scorePair, type DisclosureRule } from '../../../src/lib/assessment/privacy';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswers } from '../../helpers/answers';

type Agreement = 1 | 2 | 3 | 4 | 5 | 'na';
const all = (x: Agreement): Agreement[] => [x, x, x];
const steady = { 2: all(5), 3: all(4), 4: all(4), 5: all(2), 6: all(1) }; // evidence step 4
const traitsAt = (value: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(v.traits.map((t) => [t.id, all(value)])) as Record<string, Agreement[]>;

function respondent(side: Side, spec: Parameters<typeof countedAnswers>[1]) {
	return { side, tally: scoreResponse(v, countedAnswers(v, spec)).tally };
}
const pair = (people: ReturnType<typeof respondent>[], rule?: DisclosureRule) => scorePair(v, people, rule);

describe('pair aggregation', () => {
	it('weighs the two sides equally, not by headcount', () => {
		const score = pair([
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('association', { traits: { trust: all(2) } })
		]);
		expect(score.sides.municipality!.traits.trust).toMatchObject({ mean: 5, n: 3 });
		expect(score.sides.association!.traits.trust).toMatchObject({ mean: 2, n: 1 });
		expect(score.pair!.traits.trust).toMatchObject({ mean: 3.5, n: 4, band: 'discuss' });
		expect(score.pair!.respondents).toBe(4);
	});

	it('has no pair numbers while one side has not answered', () => {
		const score = pair([respondent('municipality', { traits: { trust: all(5) } })]);
		expect(score.sides.association).toBeNull();
		expect(score.pair).toBeNull();
		expect(findings(score)).toContainEqual({ kind: 'one_side_only', missing: 'association' });
		expect(compared(score)).toBe(false);
	});

	it('pools a side\'s answers: one answer in place of "can\'t say" never lowers the side (was 5,0 → 4,5)', () => {
		const before = pair([respondent('municipality', { traits: { trust: all(5) } }), respondent('municipality', { traits: { trust: [3, 'na', 'na'] } })]);
		const after = pair([respondent('municipality', { traits: { trust: all(5) } }), respondent('municipality', { traits: { trust: [3, 5, 'na'] } })]);
		expect(before.sides.municipality!.traits.trust.mean).toBe(4.5); // (15 + 3) / 4
		expect(after.sides.municipality!.traits.trust.mean).toBe(4.6); // (15 + 3 + 5) / 5
	});

	it('climbs the side stairs on the pooled answers of each step', () => {
		const score = pair([
			respondent('municipality', { steps: { 2: all(5), 3: all(4) } }),
			respondent('municipality', { steps: { 2: all(4), 3: all(2) } })
		]);
		// step 3: (12 + 6) / 6 = 3.0 < 3.5
		expect(score.sides.municipality!.evidence.step).toBe(2);
		expect(score.sides.municipality!.stepMeans[3]).toEqual({ mean: 3, n: 2 });
	});
});

describe('findings', () => {
	it('reports sides a step or more apart, and traits 1,0 or more apart', () => {
		const score = pair([
			respondent('municipality', { steps: steady, traits: { ...traitsAt(4), trust: all(5) }, now: 4 }),
			respondent('association', { steps: { ...steady, 4: all(3) }, traits: { ...traitsAt(4), trust: all(4) }, now: 4 })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'sides_differ_step', municipality: 4, association: 3 });
		expect(list).toContainEqual({ kind: 'sides_differ_trait', trait: 'trust', municipality: 5, association: 4 });
		expect(list.filter((f) => f.kind === 'sides_differ_trait')).toHaveLength(1);
	});

	it('flags a gap between sides shown 4,0 and 3,0 (means 3.958 and 2.958)', () => {
		// Eight people a side, three trust statements each: 23 fours and a three (95/24), 23 threes and a two (71/24).
		const side = (s: Side, high: 1 | 2 | 3 | 4 | 5, low: 1 | 2 | 3 | 4 | 5) =>
			Array.from({ length: 8 }, (_, i) => respondent(s, { traits: { trust: i === 0 ? [high, high, low] : all(high) } }));
		const score = pair([...side('municipality', 4, 3), ...side('association', 3, 2)]);
		expect(score.sides.municipality!.traits.trust).toMatchObject({ mean: 4, band: 'strength' });
		expect(score.sides.association!.traits.trust).toMatchObject({ mean: 3, band: 'discuss' });
		expect(findings(score)).toContainEqual({ kind: 'sides_differ_trait', trait: 'trust', municipality: 4, association: 3 });
	});

	it('reports when the self-placed step and the evidence disagree', () => {
		const score = pair([
			respondent('municipality', { steps: steady, traits: traitsAt(4), now: 6 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'evidence_vs_self', scope: 'municipality', evidence: 4, selfPlaced: 6 });
		expect(list).toContainEqual({ kind: 'evidence_vs_self', scope: 'pair', evidence: 4, selfPlaced: 5 });
		expect(list).not.toContainEqual(expect.objectContaining({ kind: 'evidence_vs_self', scope: 'association' }));
	});

	it('reports a high step standing on weak trust', () => {
		const score = pair([
			respondent('municipality', { steps: steady, traits: { ...traitsAt(4), trust: all(2) }, now: 4 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		expect(findings(score)).toContainEqual({ kind: 'weak_foundation', scope: 'municipality', step: 4, trait: 'trust', mean: 2 });
	});

	it('does not treat a self-placement of 3,5 as step 4', () => {
		const low = { 2: all(5), 3: all(2), 4: all(1), 5: all(1), 6: all(1) }; // evidence step 2
		const score = pair([
			respondent('municipality', { steps: low, traits: { ...traitsAt(4), trust: all(2) }, now: 3 }),
			respondent('municipality', { steps: low, traits: { ...traitsAt(4), trust: all(2) }, now: 4 })
		]);
		expect(score.sides.municipality!.selfPlaced.mean).toBe(3.5);
		expect(findings(score).filter((f) => f.kind === 'weak_foundation')).toEqual([]);
	});

	it('reports what could not be scored instead of inventing a number', () => {
		const score = pair([
			respondent('municipality', { steps: { 2: ['na', 'na', 'na'], 3: all(4), 4: all(4), 5: all(4) }, traits: traitsAt(3) }),
			respondent('association', { steps: steady, traits: { ...traitsAt(3), trust: ['na', 'na', 4] } })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'not_enough_answers', scope: 'municipality', what: ['stairs'] });
		expect(list).toContainEqual({ kind: 'not_enough_answers', scope: 'association', what: ['trust'] });
		expect(score.pair!.traits.trust).toMatchObject({ mean: null, n: 2 });
	});

	it('finds nothing to report when both sides agree on a solid partnership', () => {
		const score = pair([
			respondent('municipality', { steps: steady, traits: traitsAt(4), now: 4 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		expect(findings(score)).toEqual([]);
		expect(compared(score)).toBe(true);
	});

	it('with a side withheld, compares nothing and says why instead of "the sides see it alike"', () => {
		const score = pair(
			[
				respondent('municipality', { steps: steady, traits: traitsAt(4), now: 4 }),
				respondent('municipality', { steps: steady, traits: traitsAt(4), now: 4 }),
				respondent('municipality', { steps: steady, traits: traitsAt(4), now: 4 }),
				respondent('association', { steps: steady, traits: traitsAt(1), now: 6 })
			],
			{ minGroupSize: 3, openResults: false }
		);
		expect(score.hidden).toEqual({ municipality: false, association: true, pair: true });
		const list = findings(score);
		expect(list).toEqual([{ kind: 'not_compared', side: 'association', minGroupSize: 3 }]);
		expect(compared(score)).toBe(false);
		expect(discussionPoints(score, list)).toEqual([]);
	});
});

describe('discussion points', () => {
	it('lists the tied weakest traits in one point, then the trait gaps in one point, largest first', () => {
		const score = pair([
			respondent('municipality', {
				steps: steady,
				traits: { ...traitsAt(4), trust: all(5), respect: all(5), concrete: all(2), reciprocity: all(2) },
				now: 4
			}),
			respondent('association', {
				steps: steady,
				traits: { ...traitsAt(4), trust: all(3), respect: all(3), concrete: all(2), reciprocity: all(2), shared_goal: all(1) },
				now: 4
			})
		]);
		const points = discussionPoints(score, findings(score));
		expect(points[0]).toEqual({ kind: 'weakest', traits: ['concrete', 'reciprocity'], mean: 2 });
		// The traits the sides see differently: one point, the largest gap first.
		expect(points[1]).toEqual({ kind: 'trait_gap', traits: ['shared_goal', 'trust', 'respect'], gaps: [3, 2, 2], gap: 3 });
		expect(points.filter((p) => p.kind === 'weakest')).toHaveLength(1);
	});
});
