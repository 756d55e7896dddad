import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scoreGroup } from '../../../src/lib/assessment/aggregate';
import { discussionPoints } from '../../../src/lib/assessment/discussion';
import { findings } from '../../../src/lib/assessment/findings';
import { scorePair } from '../../../src/lib/assessment/privacy';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswers } from '../../helpers/answers';

// The example lives in the documentation; this test keeps the two in step.
const doc = readFileSync('docs/scoring.md', 'utf8');
const example = JSON.parse(/```json worked-example\n([\s\S]*?)```/.exec(doc)![1]);

it('docs/scoring.md: the worked example gives the numbers the page says', () => {
	const responses = example.respondents.map((r: { side: Side } & Parameters<typeof countedAnswers>[1]) => ({
		side: r.side,
		tally: scoreResponse(v, countedAnswers(v, r, { trait: example.otherTraits })).tally
	}));
	responses.forEach(({ tally }: { tally: ReturnType<typeof scoreResponse>['tally'] }, i: number) => {
		const e = example.expected.respondents[i];
		const alone = scoreGroup(v, tally);
		expect(alone.traits.trust.mean).toBe(e.trust);
		expect(alone.traits.trust.band).toBe(e.trustBand);
		expect(alone.evidence.step).toBe(e.step);
		expect(alone.evidence.next!.mean).toBe(e.nextMean);
	});

	const result = scorePair(v, responses, { minGroupSize: 3, openResults: true });
	for (const side of ['municipality', 'association'] as const) {
		const e = example.expected[side];
		const g = result.sides[side]!;
		expect(g.respondents).toBe(e.n);
		expect(g.traits.trust.mean).toBe(e.trust);
		expect(g.evidence.step).toBe(e.step);
		expect(g.selfPlaced.mean).toBe(e.selfPlaced);
		for (const [s, mean] of Object.entries(e.stepMeans ?? {})) expect(g.stepMeans[Number(s) as 2].mean).toBe(mean);
	}
	const pair = result.pair!;
	const e = example.expected.pair;
	expect(pair.traits.trust.mean).toBe(e.trust);
	expect(pair.traits.trust.band).toBe(e.trustBand);
	for (const [s, mean] of Object.entries(e.stepMeans)) expect(pair.stepMeans[Number(s) as 2].mean).toBe(mean);
	expect(pair.evidence.step).toBe(e.step);
	expect(pair.selfPlaced.mean).toBe(e.selfPlaced);
	expect(pair.target.mean).toBe(e.target);

	const found = findings(result);
	expect(found).toEqual(example.expected.findings);
	expect(discussionPoints(result, found)).toEqual(example.expected.discussion);
});
