import fc from 'fast-check';
import { expect, it } from 'vitest';
import { scorePair } from '../../../src/lib/assessment/privacy';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import { TRAIT_IDS } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswersArb } from '../../helpers/arbitraries';

const tallies = (list: readonly Parameters<typeof scoreResponse>[1][], side: 'municipality' | 'association') =>
	list.map((a) => ({ side, tally: scoreResponse(v, a).tally }));

it('withholds a side below the smallest group size, the pair with it, and every number with too few people behind it', () => {
	fc.assert(
		fc.property(
			fc.array(countedAnswersArb(v), { maxLength: 5 }),
			fc.array(countedAnswersArb(v), { maxLength: 5 }),
			fc.integer({ min: 1, max: 6 }),
			(mun, ass, min) => {
				const shown = scorePair(v, [...tallies(mun, 'municipality'), ...tallies(ass, 'association')], { minGroupSize: min, openResults: false });
				const open = scorePair(v, [...tallies(mun, 'municipality'), ...tallies(ass, 'association')]);
				for (const [side, n] of [['municipality', mun.length], ['association', ass.length]] as const) {
					expect(shown.hidden[side]).toBe(n > 0 && n < min);
					expect(shown.respondents[side]).toBe(n);
					const g = shown.sides[side];
					if (shown.hidden[side] || n === 0) expect(g).toBeNull();
					else
						for (const t of TRAIT_IDS) {
							const full = open.sides[side]!.traits[t];
							// Shown exactly as computed when enough people stand behind it; otherwise withheld, never altered.
							if (full.n >= min) expect(g!.traits[t]).toEqual(full);
							else if (full.n > 0) expect(g!.traits[t]).toMatchObject({ mean: null, withheld: true, n: full.n });
						}
				}
				expect(shown.hidden.pair).toBe(mun.length > 0 && ass.length > 0 && (shown.hidden.municipality || shown.hidden.association));
				if (shown.hidden.pair) expect(shown.pair).toBeNull();
				// A pair number exists only where both side numbers are shown.
				if (shown.pair)
					for (const t of TRAIT_IDS)
						if (shown.pair.traits[t].mean !== null)
							expect(shown.sides.municipality!.traits[t].mean !== null && shown.sides.association!.traits[t].mean !== null).toBe(true);
			}
		),
		{ numRuns: 120 }
	);
});

it('shows a small side when its respondents agreed to open results beforehand', () => {
	fc.assert(
		fc.property(fc.array(countedAnswersArb(v), { minLength: 1, maxLength: 2 }), fc.array(countedAnswersArb(v), { minLength: 1, maxLength: 2 }), (mun, ass) => {
			const s = scorePair(v, [...tallies(mun, 'municipality'), ...tallies(ass, 'association')], { minGroupSize: 3, openResults: true });
			expect(s.hidden).toEqual({ municipality: false, association: false, pair: false });
			expect(s.sides.municipality).not.toBeNull();
			expect(s.pair).not.toBeNull();
		}),
		{ numRuns: 50 }
	);
});
