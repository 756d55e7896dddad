import { describe, expect, it } from 'vitest';
import { scoreGroup } from '../../../src/lib/assessment/aggregate';
import { scorable } from '../../../src/lib/assessment/answers';
import { atLeast, band, climb, meanOfShown, minAnswered, roundedMean, scoreResponse, STEP_THRESHOLD } from '../../../src/lib/assessment/scoring';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { buildAnswers, countedAnswers } from '../../helpers/answers';

/** One respondent's scores, as a group of one. */
const one = (spec: Parameters<typeof countedAnswers>[1]) => scoreGroup(v, scoreResponse(v, countedAnswers(v, spec)).tally);

describe('one number, one meaning', () => {
	it('rounds a mean once, to one decimal, halves up, exactly', () => {
		expect(roundedMean(79, 20)).toBe(4); // 3.95
		expect(roundedMean(95, 24)).toBe(4); // 3.958…
		expect(roundedMean(71, 24)).toBe(3); // 2.958…
		expect(roundedMean(39, 10)).toBe(3.9);
		expect(roundedMean(7, 2)).toBe(3.5);
		expect(roundedMean(2, 3)).toBe(0.7);
	});

	it.each([
		[5, 'strength'],
		[4.0, 'strength'],
		[3.9, 'discuss'],
		[3.0, 'discuss'],
		[2.9, 'attention'],
		[1, 'attention']
	] as const)('a shown %s is %s', (mean, expected) => {
		expect(band(mean)).toBe(expected);
	});

	it('decides bands on the shown value: a mean of 3.958 is shown 4,0 and is a strength', () => {
		expect(band(roundedMean(95, 24))).toBe('strength');
		expect(band(roundedMean(71, 24))).toBe('discuss');
	});

	it('gives the pair the mean of the two shown side values, shown', () => {
		expect(meanOfShown(3.3, 3.6)).toBe(3.5); // 3.45 → 3,5
		expect(meanOfShown(4, 2.9)).toBe(3.5);
		expect(meanOfShown(3.2, 3.3)).toBe(3.3);
		expect(atLeast(3.5, STEP_THRESHOLD)).toBe(true);
		expect(atLeast(3.4, STEP_THRESHOLD)).toBe(false);
	});
});

describe('who counts', () => {
	it('needs at least half of the trait and of the practice statements answered on the 1–5 scale', () => {
		expect(minAnswered(24)).toBe(12);
		expect(minAnswered(15)).toBe(8);
		expect(scorable(v, {}).ok).toBe(false);
		const allCantSay = Object.fromEntries([...v.traitItems, ...v.practiceItems].map((i) => [i.id, 'na' as const]));
		expect(scorable(v, allCantSay).ok).toBe(false);
		expect(scorable(v, countedAnswers(v, {})).ok).toBe(true);
	});

	it('counts a response that does not answer enough as nobody', () => {
		const empty = scoreResponse(v, buildAnswers(v, { traits: { trust: [5, 5, 5] }, now: 4 }));
		expect(empty.tally.respondents).toBe(0);
		expect(empty.tally.items).toEqual({});
		expect(empty.tally.selfPlaced).toEqual({ sum: 0, count: 0 });
	});
});

describe('trait scores', () => {
	it('is the mean of the answered statements, "I can\'t say" left out', () => {
		expect(one({ traits: { trust: [4, 5, 'na'] } }).traits.trust).toMatchObject({ mean: 4.5, n: 1, band: 'strength' });
	});

	it('says "not enough answers" (null) when fewer than half the statements are answered', () => {
		expect(minAnswered(3)).toBe(2);
		const s = one({ traits: { trust: [5, 'na', 'na'], respect: [2] } });
		expect(s.traits.trust).toMatchObject({ mean: null, n: 1, band: null });
		expect(s.traits.respect).toMatchObject({ mean: null, n: 1 });
	});
});

describe('the evidence step', () => {
	it('climbs while each step reaches the threshold and stops at the first that does not', () => {
		const s = one({ steps: { 2: [5, 4, 5], 3: [4, 4, 3], 4: [3, 4, 2], 5: [4, 4, 4], 6: [1, 1, 1] } });
		expect(s.evidence).toEqual({ step: 3, next: { step: 4, mean: 3 }, stoppedBy: 'threshold', n: 1 });
	});

	it('does not count a higher step whose lower step is unmet', () => {
		const s = one({ steps: { 2: [2, 2, 2], 3: [5, 5, 5], 4: [5, 5, 5], 5: [5, 5, 5], 6: [5, 5, 5] } });
		expect(s.evidence.step).toBe(1);
		expect(s.evidence.next?.step).toBe(2);
	});

	it('reaches step 6 when every step is met', () => {
		const s = one({ steps: { 2: [4, 4, 4], 3: [4, 4, 3], 4: [4, 3, 4], 5: [4, 4, 4], 6: [3, 4, 4] } });
		expect(s.evidence).toEqual({ step: 6, next: null, stoppedBy: 'top', n: 1 });
	});

	it('decides the threshold on the shown mean: 3,5 shown is reached, 3,4 is not', () => {
		expect(STEP_THRESHOLD).toBe(3.5);
		expect(climb({ 2: 3.5, 3: 3.4, 4: null, 5: null, 6: null }).step).toBe(2);
		// 3.46 is shown 3,5: the page must not say "3,5 of the 3,5 needed" below a step.
		expect(climb({ 2: roundedMean(173, 50), 3: null, 4: null, 5: null, 6: null }).step).toBe(2);
	});

	it('cannot place a respondent who gave no evidence for step 2', () => {
		const s = one({ steps: { 2: ['na', 'na', 5], 3: [5, 5, 5], 4: [5, 5, 5], 5: [5, 5, 5] } });
		expect(s.evidence).toMatchObject({ step: null, next: null, stoppedBy: 'insufficient' });
	});

	it('stops at a step without enough answers and says so', () => {
		const s = one({ steps: { 2: [5, 5, 5], 3: [4, 4, 4], 4: ['na', 'na', 'na'], 5: [5, 5, 5], 6: [5, 5, 5] } });
		expect(s.evidence).toEqual({ step: 3, next: { step: 4, mean: null }, stoppedBy: 'insufficient', n: 1 });
	});
});

describe('self-placement', () => {
	it('keeps the chosen steps and ignores values off the stairs', () => {
		expect(one({ now: 3, target: 5 })).toMatchObject({ selfPlaced: { mean: 3, n: 1 }, target: { mean: 5, n: 1 } });
		const off = scoreGroup(v, scoreResponse(v, { ...countedAnswers(v, {}), [v.selfPlacement.now.id]: 7, [v.selfPlacement.target.id]: 'na' }).tally);
		expect(off).toMatchObject({ selfPlaced: { mean: null, n: 0 }, target: { mean: null, n: 0 } });
	});
});

it('records which questionnaire and scoring version made the score', () => {
	const s = scoreResponse(v, {});
	expect(s.questionnaireVersion).toBe(v.id);
	expect(s.scoringVersion).toBe(2);
});
