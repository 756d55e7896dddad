import fc from 'fast-check';
import { expect, it } from 'vitest';
import { scorePair } from '../../../src/lib/assessment/aggregate';
import { disclose } from '../../../src/lib/assessment/privacy';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { answersArb } from '../../helpers/arbitraries';

it('withholds a side below the smallest group size, and the pair with it', () => {
	fc.assert(
		fc.property(
			fc.array(answersArb(v), { maxLength: 5 }),
			fc.array(answersArb(v), { maxLength: 5 }),
			fc.integer({ min: 1, max: 6 }),
			(mun, ass, min) => {
				const score = scorePair([
					...mun.map((a) => ({ side: 'municipality' as const, score: scoreResponse(v, a) })),
					...ass.map((a) => ({ side: 'association' as const, score: scoreResponse(v, a) }))
				]);
				const { score: shown, hidden } = disclose(score, min);
				for (const [side, n] of [['municipality', mun.length], ['association', ass.length]] as const) {
					expect(hidden[side]).toBe(n > 0 && n < min);
					// Shown exactly as computed, or not at all: never a partial or altered group.
					expect(shown.sides[side]).toEqual(hidden[side] ? null : score.sides[side]);
				}
				expect(hidden.pair).toBe(score.pair !== null && (hidden.municipality || hidden.association));
				expect(shown.pair).toEqual(hidden.pair ? null : score.pair);
			}
		),
		{ numRuns: 150 }
	);
});
