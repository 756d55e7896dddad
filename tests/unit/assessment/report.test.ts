import { describe, expect, it } from 'vitest';
import { sinceEarlier } from '../../../src/lib/assessment/movement';
import { scorePair } from '../../../src/lib/assessment/privacy';
import { choiceRows, nextStepPractices } from '../../../src/lib/assessment/report';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswers } from '../../helpers/answers';

const person = (side: Side, spec: Parameters<typeof countedAnswers>[1], extra: Record<string, string[]> = {}) => ({
	side,
	tally: scoreResponse(v, { ...countedAnswers(v, spec), ...extra }).tally
});

describe('movement', () => {
	it('compares with the latest earlier round that shows a value, so a withheld round between hides nothing', () => {
		const series = [
			{ round: 1, value: 2 },
			{ round: 2, value: null },
			{ round: 3, value: 4 }
		];
		expect(sinceEarlier(series, 3)).toEqual({ round: 1, before: 2, after: 4, direction: 'up' });
		expect(sinceEarlier(series, 2)).toBeNull();
		expect(sinceEarlier(series, 1)).toBeNull();
		expect(sinceEarlier([{ round: 1, value: 3.4 }, { round: 2, value: 3.4 }], 2)?.direction).toBe('same');
	});
});

describe('what is missing for the next step', () => {
	it('lists the next step\'s practices with each side\'s mean, the weakest first', () => {
		const steps: Record<2 | 3 | 4, (1 | 2 | 3 | 4 | 5)[]> = { 2: [5, 5, 5], 3: [5, 5, 5], 4: [4, 2, 3] };
		const score = scorePair(v, [person('municipality', { steps: { ...steps } }), person('association', { steps: { ...steps, 4: [4, 1, 4] } })]);
		const next = nextStepPractices(v, score)!;
		expect(next.step).toBe(4);
		const ids = v.practiceItems.filter((i) => i.step === 4).map((i) => i.id);
		expect(next.rows.map((r) => r.id)).toEqual([ids[1], ids[2], ids[0]]);
		expect(next.rows[0]).toMatchObject({ municipality: { mean: 2, n: 1 }, association: { mean: 1, n: 1 }, pair: { mean: 1.5, n: 2 } });
	});
});

describe('what we do together and what we bring', () => {
	it('counts ticks per side, marks where the sides disagree, and what is new since an earlier round', () => {
		const act = v.descriptive[0];
		const [o1, o2] = act.options.map((o) => o.id);
		const now = scorePair(v, [
			person('municipality', {}, { [act.id]: [o1, o2] }),
			person('municipality', {}, { [act.id]: [o1] }),
			person('association', {}, { [act.id]: [o1] })
		]);
		const before = scorePair(v, [person('municipality', {}, { [act.id]: [] }), person('association', {}, { [act.id]: [] })]);
		const rows = choiceRows(v, now, before).find((q) => q.id === act.id)!.rows;
		expect(rows.find((r) => r.option === o1)).toMatchObject({
			sides: { municipality: { count: 2, n: 2 }, association: { count: 1, n: 1 } },
			disagree: false,
			now: true,
			before: false
		});
		expect(rows.find((r) => r.option === o2)).toMatchObject({ sides: { municipality: { count: 1, n: 2 }, association: { count: 0, n: 1 } }, disagree: true });
	});

	it('shows no counts of a side withheld under the smallest group size', () => {
		const act = v.descriptive[0];
		const score = scorePair(v, [person('municipality', {}, { [act.id]: [act.options[0].id] })], { minGroupSize: 3, openResults: false });
		expect(choiceRows(v, score, null)).toEqual([]);
	});
});
