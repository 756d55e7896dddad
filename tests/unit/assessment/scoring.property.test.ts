import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePair } from '../../../src/lib/assessment/aggregate';
import { answersSchema } from '../../../src/lib/assessment/answers';
import { scoreResponse, STEP_THRESHOLD } from '../../../src/lib/assessment/scoring';
import { EVIDENCE_STEPS, TRAIT_IDS } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { answersArb } from '../../helpers/arbitraries';

const runs = { numRuns: 300 };

describe('scoring properties', () => {
	it('keeps every number within its scale', () => {
		fc.assert(
			fc.property(answersArb(v), (answers) => {
				const s = scoreResponse(v, answers);
				for (const t of TRAIT_IDS) {
					const { mean, score100 } = s.traits[t];
					if (mean !== null) expect(mean >= 1 && mean <= 5 && score100! >= 0 && score100! <= 100).toBe(true);
				}
				if (s.evidence.step !== null) expect(s.evidence.step).toBeGreaterThanOrEqual(1);
				expect(s.evidence.step ?? 1).toBeLessThanOrEqual(6);
				const progress = s.evidence.next?.progress;
				if (progress != null) expect(progress >= 0 && progress < 1).toBe(true);
			}),
			runs
		);
	});

	it('never lowers a trait or the step when one answer moves towards agreement', () => {
		const agreementIds = [...v.traitItems, ...v.practiceItems].map((i) => i.id);
		fc.assert(
			fc.property(answersArb(v), fc.constantFrom(...agreementIds), (answers, id) => {
				const before = answers[id];
				fc.pre(typeof before === 'number' && before < 5);
				const a = scoreResponse(v, answers);
				const b = scoreResponse(v, { ...answers, [id]: (before as number) + 1 });
				for (const t of TRAIT_IDS) {
					if (a.traits[t].mean !== null) expect(b.traits[t].mean!).toBeGreaterThanOrEqual(a.traits[t].mean!);
				}
				if (a.evidence.step !== null) expect(b.evidence.step!).toBeGreaterThanOrEqual(a.evidence.step);
			}),
			runs
		);
	});

	it('does not depend on the order of the answers', () => {
		fc.assert(
			fc.property(answersArb(v), fc.infiniteStream(fc.nat()), (answers, seeds) => {
				const entries = Object.entries(answers);
				const shuffled = entries
					.map((e) => [seeds.next().value, e] as const)
					.sort((x, y) => x[0] - y[0])
					.map(([, e]) => e);
				expect(scoreResponse(v, Object.fromEntries(shuffled))).toEqual(scoreResponse(v, answers));
			}),
			{ numRuns: 100 }
		);
	});

	it('never reaches a step with a lower step unmet', () => {
		fc.assert(
			fc.property(answersArb(v), (answers) => {
				const s = scoreResponse(v, answers);
				for (const step of EVIDENCE_STEPS) {
					if (s.evidence.step !== null && step <= s.evidence.step) {
						expect(s.stepItems[step].mean!).toBeGreaterThanOrEqual(STEP_THRESHOLD);
					}
				}
			}),
			runs
		);
	});

	it('gives a pair the mean of its two sides, whatever the headcount on each', () => {
		fc.assert(
			fc.property(
				fc.array(answersArb(v), { minLength: 1, maxLength: 4 }),
				fc.array(answersArb(v), { minLength: 1, maxLength: 4 }),
				fc.integer({ min: 2, max: 5 }),
				(mun, ass, copies) => {
					const responses = (side: 'municipality' | 'association', list: typeof mun, times = 1) =>
						Array.from({ length: times }, () => list.map((a) => ({ side, score: scoreResponse(v, a) }))).flat();
					const once = scorePair([...responses('municipality', mun), ...responses('association', ass)]);
					// Every municipality respondent answering again `copies` times must not tilt the pair.
					const many = scorePair([...responses('municipality', mun, copies), ...responses('association', ass)]);
					for (const t of TRAIT_IDS) {
						const a = once.pair!.traits[t].mean;
						const b = many.pair!.traits[t].mean;
						if (a === null) expect(b).toBeNull();
						else expect(b).toBeCloseTo(a, 9);
					}
					expect(many.pair!.evidence.step).toBe(once.pair!.evidence.step);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('accepts every answer a respondent can give', () => {
		const schema = answersSchema(v);
		fc.assert(
			fc.property(answersArb(v), (answers) => {
				expect(schema.safeParse(answers).success).toBe(true);
			}),
			runs
		);
	});
});
