import { describe, expect, it } from 'vitest';
import { band, climb, minAnswered, scoreResponse, to100, STEP_THRESHOLD } from '../../../src/lib/assessment/scoring';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { buildAnswers } from '../../helpers/answers';

describe('bands', () => {
	it.each([
		[5, 'strength'],
		[4.0, 'strength'],
		[3.99, 'discuss'],
		[3.0, 'discuss'],
		[2.99, 'attention'],
		[1, 'attention']
	] as const)('a mean of %s is %s', (mean, expected) => {
		expect(band(mean)).toBe(expected);
	});

	it.each([
		[1, 0],
		[3, 50],
		[4.5, 88],
		[5, 100]
	])('a mean of %s is %s on the 0–100 scale', (mean, expected) => {
		expect(to100(mean)).toBe(expected);
	});
});

describe('trait scores', () => {
	it('is the mean of the answered statements, "I can\'t say" left out', () => {
		const s = scoreResponse(v, buildAnswers(v, { traits: { trust: [4, 5, 'na'] } }));
		expect(s.traits.trust).toMatchObject({ mean: 4.5, answered: 2, cantSay: 1, missing: 0, band: 'strength', score100: 88 });
	});

	it('says "not enough answers" (null) when fewer than half the statements are answered', () => {
		expect(minAnswered(3)).toBe(2);
		const s = scoreResponse(v, buildAnswers(v, { traits: { trust: [5, 'na', 'na'], respect: [2] } }));
		expect(s.traits.trust).toMatchObject({ mean: null, answered: 1, cantSay: 2, band: null, score100: null });
		expect(s.traits.respect).toMatchObject({ mean: null, answered: 1, missing: v.traitItems.filter((i) => i.trait === 'respect').length - 1 });
		expect(s.traits.shared_goal).toMatchObject({ mean: null, answered: 0, missing: 3 });
	});
});

describe('the evidence step', () => {
	it('climbs while each step reaches the threshold and stops at the first that does not', () => {
		const s = scoreResponse(
			v,
			buildAnswers(v, { steps: { 2: [5, 4, 5], 3: [4, 4, 3], 4: [3, 4, 2], 5: [4, 4, 4], 6: [1, 1, 1] } })
		);
		expect(s.evidence.step).toBe(3);
		expect(s.evidence.stoppedBy).toBe('threshold');
		expect(s.evidence.next).toEqual({ step: 4, mean: 3, progress: 0.8 });
	});

	it('does not count a higher step whose lower step is unmet', () => {
		const s = scoreResponse(v, buildAnswers(v, { steps: { 2: [2, 2, 2], 3: [5, 5, 5], 4: [5, 5, 5], 5: [5, 5, 5], 6: [5, 5, 5] } }));
		expect(s.evidence.step).toBe(1);
		expect(s.evidence.next?.step).toBe(2);
	});

	it('reaches step 6 when every step is met', () => {
		const s = scoreResponse(v, buildAnswers(v, { steps: { 2: [4, 4, 4], 3: [4, 4, 3], 4: [4, 3, 4], 5: [4, 4, 4], 6: [3, 4, 4] } }));
		expect(s.evidence).toEqual({ step: 6, next: null, stoppedBy: 'top' });
	});

	it('treats exactly the threshold as reached', () => {
		expect(STEP_THRESHOLD).toBe(3.5);
		expect(climb({ 2: 3.5, 3: 3.49, 4: null, 5: null, 6: null }).step).toBe(2);
	});

	it('cannot place a respondent who gave no evidence for step 2', () => {
		const s = scoreResponse(v, buildAnswers(v, { steps: { 2: ['na', 'na', 5], 3: [5, 5, 5] } }));
		expect(s.evidence).toEqual({ step: null, next: null, stoppedBy: 'insufficient' });
	});

	it('stops at a step without enough answers and says so', () => {
		const s = scoreResponse(v, buildAnswers(v, { steps: { 2: [5, 5, 5], 3: [4, 4, 4], 4: ['na', 'na', 'na'] } }));
		expect(s.evidence).toEqual({ step: 3, next: { step: 4, mean: null, progress: null }, stoppedBy: 'insufficient' });
	});
});

describe('self-placement', () => {
	it('keeps the chosen steps and ignores values off the stairs', () => {
		expect(scoreResponse(v, buildAnswers(v, { now: 3, target: 5 }))).toMatchObject({ selfPlaced: 3, target: 5 });
		expect(scoreResponse(v, { [v.selfPlacement.now.id]: 7, [v.selfPlacement.target.id]: 'na' })).toMatchObject({
			selfPlaced: null,
			target: null
		});
	});
});

it('records which questionnaire and scoring version made the score', () => {
	const s = scoreResponse(v, {});
	expect(s.questionnaireVersion).toBe(v.id);
	expect(s.scoringVersion).toBe(1);
});
