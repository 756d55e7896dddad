import { describe, expect, it } from 'vitest';
import { scorePair } from '../../../src/lib/assessment/aggregate';
import { findings } from '../../../src/lib/assessment/findings';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { buildAnswers } from '../../helpers/answers';

type Agreement = 1 | 2 | 3 | 4 | 5 | 'na';
const all = (x: Agreement): Agreement[] => [x, x, x];
const steady = { 2: all(5), 3: all(4), 4: all(4), 5: all(2), 6: all(1) }; // evidence step 4
const traitsAt = (value: 1 | 2 | 3 | 4 | 5) =>
	Object.fromEntries(v.traits.map((t) => [t.id, all(value)])) as Record<string, Agreement[]>;

function respondent(side: Side, spec: Parameters<typeof buildAnswers>[1]) {
	return { side, score: scoreResponse(v, buildAnswers(v, spec)) };
}

describe('pair aggregation', () => {
	it('weighs the two sides equally, not by headcount', () => {
		const score = scorePair([
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('municipality', { traits: { trust: all(5) } }),
			respondent('association', { traits: { trust: all(2) } })
		]);
		expect(score.sides.municipality!.traits.trust).toMatchObject({ mean: 5, n: 3 });
		expect(score.sides.association!.traits.trust).toMatchObject({ mean: 2, n: 1 });
		expect(score.pair!.traits.trust).toMatchObject({ mean: 3.5, n: 2, band: 'discuss' });
		expect(score.pair!.respondents).toBe(4);
	});

	it('has no pair numbers while one side has not answered', () => {
		const score = scorePair([respondent('municipality', { traits: { trust: all(5) } })]);
		expect(score.sides.association).toBeNull();
		expect(score.pair).toBeNull();
		expect(findings(score)).toContainEqual({ kind: 'one_side_only', missing: 'association' });
	});

	it('climbs the side stairs on the mean of its respondents\' step means', () => {
		const score = scorePair([
			respondent('municipality', { steps: { 2: all(5), 3: all(4) } }),
			respondent('municipality', { steps: { 2: all(4), 3: all(2) } })
		]);
		// step 3: (4 + 2) / 2 = 3.0 < 3.5
		expect(score.sides.municipality!.evidence.step).toBe(2);
		expect(score.sides.municipality!.stepMeans[3]).toEqual({ mean: 3, n: 2 });
	});
});

describe('findings', () => {
	it('reports sides a step or more apart, and traits 1.0 or more apart', () => {
		const score = scorePair([
			respondent('municipality', { steps: steady, traits: { ...traitsAt(4), trust: all(5) }, now: 4 }),
			respondent('association', { steps: { ...steady, 4: all(3) }, traits: { ...traitsAt(4), trust: all(4) }, now: 4 })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'sides_differ_step', municipality: 4, association: 3 });
		expect(list).toContainEqual({ kind: 'sides_differ_trait', trait: 'trust', municipality: 5, association: 4 });
		expect(list.filter((f) => f.kind === 'sides_differ_trait')).toHaveLength(1);
	});

	it('reports when the self-placed step and the evidence disagree', () => {
		const score = scorePair([
			respondent('municipality', { steps: steady, traits: traitsAt(4), now: 6 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'evidence_vs_self', scope: 'municipality', evidence: 4, selfPlaced: 6 });
		expect(list).toContainEqual({ kind: 'evidence_vs_self', scope: 'pair', evidence: 4, selfPlaced: 5 });
		expect(list).not.toContainEqual(expect.objectContaining({ kind: 'evidence_vs_self', scope: 'association' }));
	});

	it('reports a high step standing on weak trust', () => {
		const score = scorePair([
			respondent('municipality', { steps: steady, traits: { ...traitsAt(4), trust: all(2) }, now: 4 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		expect(findings(score)).toContainEqual({ kind: 'weak_foundation', scope: 'municipality', step: 4, trait: 'trust', mean: 2 });
	});

	it('reports what could not be scored instead of inventing a number', () => {
		const score = scorePair([
			respondent('municipality', { steps: { 2: ['na', 'na', 'na'] }, traits: traitsAt(3) }),
			respondent('association', { steps: steady, traits: { ...traitsAt(3), trust: ['na', 'na', 4] } })
		]);
		const list = findings(score);
		expect(list).toContainEqual({ kind: 'not_enough_answers', scope: 'municipality', what: 'stairs' });
		expect(list).toContainEqual({ kind: 'not_enough_answers', scope: 'association', what: 'trust' });
		expect(score.pair!.traits.trust).toMatchObject({ mean: null, n: 1 });
	});

	it('finds nothing to report when both sides agree on a solid partnership', () => {
		const score = scorePair([
			respondent('municipality', { steps: steady, traits: traitsAt(4), now: 4 }),
			respondent('association', { steps: steady, traits: traitsAt(4), now: 4 })
		]);
		expect(findings(score)).toEqual([]);
	});
});
