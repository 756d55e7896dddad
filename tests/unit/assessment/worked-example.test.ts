import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scorePair } from '../../../src/lib/assessment/aggregate';
import { findings } from '../../../src/lib/assessment/findings';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { buildAnswers } from '../../helpers/answers';

// The example lives in the documentation; this test keeps the two in step.
const doc = readFileSync('docs/scoring.md', 'utf8');
const example = JSON.parse(/```json worked-example\n([\s\S]*?)```/.exec(doc)![1]);

it('docs/scoring.md: the worked example gives the numbers the page says', () => {
	const responses = example.respondents.map((r: { side: Side } & Parameters<typeof buildAnswers>[1]) => ({
		side: r.side,
		score: scoreResponse(v, buildAnswers(v, r))
	}));
	responses.forEach(({ score }: { score: ReturnType<typeof scoreResponse> }, i: number) => {
		const e = example.expected.respondents[i];
		expect(score.traits.trust.mean).toBeCloseTo(e.trust, 3);
		expect(score.traits.trust.band).toBe(e.trustBand);
		expect(score.traits.trust.score100).toBe(e.trust100);
		expect(score.evidence.step).toBe(e.step);
		expect(score.evidence.next!.progress).toBeCloseTo(e.progressToNext, 3);
	});

	const result = scorePair(responses);
	for (const side of ['municipality', 'association'] as const) {
		const e = example.expected[side];
		const g = result.sides[side]!;
		expect(g.respondents).toBe(e.n);
		expect(g.traits.trust.mean).toBeCloseTo(e.trust, 3);
		expect(g.evidence.step).toBe(e.step);
		expect(g.selfPlaced.mean).toBe(e.selfPlaced);
	}
	const pair = result.pair!;
	expect(pair.traits.trust.mean).toBeCloseTo(example.expected.pair.trust, 3);
	expect(pair.traits.trust.band).toBe(example.expected.pair.trustBand);
	expect(pair.stepMeans[3].mean).toBeCloseTo(example.expected.pair.step3Mean, 9);
	expect(pair.evidence.step).toBe(example.expected.pair.step);
	expect(pair.selfPlaced.mean).toBe(example.expected.pair.selfPlaced);

	// The example answers only trust, so "not enough answers" on the other traits is expected and left out.
	const found = findings(result).filter((f) => f.kind !== 'not_enough_answers');
	expect(found).toHaveLength(example.expected.findings.length);
	example.expected.findings.forEach((e: Record<string, unknown>, i: number) => {
		for (const [key, value] of Object.entries(e)) {
			if (typeof value === 'number') expect((found[i] as unknown as Record<string, number>)[key]).toBeCloseTo(value, 3);
			else expect((found[i] as unknown as Record<string, unknown>)[key]).toBe(value);
		}
	});
});
