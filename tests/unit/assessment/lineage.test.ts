import { describe, expect, it } from 'vitest';
import { isComparable, isEvidenceComparable, versionChanges } from '../../../src/lib/assessment/lineage';
import { scoreGroup } from '../../../src/lib/assessment/aggregate';
import type { Answers, AnswerValue } from '../../../src/lib/assessment/answers';
import { scoreResponse } from '../../../src/lib/assessment/scoring';
import { TRAIT_IDS, type QuestionnaireVersion } from '../../../src/lib/assessment/types';
import { getVersion } from '../../../src/lib/assessment/versions';
import { countedAnswers } from '../../helpers/answers';

const v1 = getVersion('2026-1')!;
const v2 = getVersion('2026-2')!;

describe('a pair with rounds in 2026-1 and 2026-2', () => {
	// Round 1 and 2 on 2026-1, round 3 on 2026-2: the shape the demo and the results page have.
	const rounds = [
		{ number: 3, version: '2026-2' },
		{ number: 1, version: '2026-1' },
		{ number: 2, version: '2026-1' }
	];

	it('marks the questionnaire change at the first round of the new version, in round order', () => {
		expect(versionChanges(rounds)).toEqual([{ number: 3, from: '2026-1', to: '2026-2' }]);
	});

	it('marks nothing when every round used one version, and every change when it went back and forth', () => {
		expect(versionChanges([{ number: 1, version: '2026-2' }, { number: 2, version: '2026-2' }])).toEqual([]);
		expect(versionChanges([])).toEqual([]);
		expect(
			versionChanges([
				{ number: 1, version: '2026-1' },
				{ number: 2, version: '2026-2' },
				{ number: 3, version: '2026-1' }
			])
		).toEqual([
			{ number: 2, from: '2026-1', to: '2026-2' },
			{ number: 3, from: '2026-2', to: '2026-1' }
		]);
	});

	it('compares every trait across the two versions: statements were reworded or split, none added or dropped', () => {
		for (const trait of TRAIT_IDS) {
			expect(isComparable('2026-1', '2026-2', { trait }), trait).toBe(true);
			expect(isComparable(v2, v1, { trait }), `${trait} either way`).toBe(true);
		}
	});

	it('compares steps 2–5 but not step 6, which now asks about aiming at combining activities', () => {
		for (const step of [2, 3, 4, 5] as const) expect(isComparable(v1, v2, { step }), `step ${step}`).toBe(true);
		expect(isComparable(v1, v2, { step: 6 })).toBe(false);
	});

	it('compares climbed steps only where the climb did not read step 6', () => {
		expect(isEvidenceComparable(v1, v2, 3, 4)).toBe(true);
		expect(isEvidenceComparable(v1, v2, 4, 2)).toBe(true);
		expect(isEvidenceComparable(v1, v2, 5, 4)).toBe(false);
		expect(isEvidenceComparable(v1, v2, 4, 6)).toBe(false);
		expect(isEvidenceComparable(v1, v2, null, 3)).toBe(false);
		expect(isEvidenceComparable(v2, v2, 6, 5)).toBe(true);
	});

	it('always compares a version with itself and never with an unknown one', () => {
		expect(isComparable(v1, v1, { step: 6 })).toBe(true);
		expect(isComparable('2026-1', '1999-9', { trait: 'trust' })).toBe(false);
	});
});

describe('what breaks comparability', () => {
	const base = getVersion('2026-2')!;
	const variant = (change: (v: QuestionnaireVersion) => Partial<QuestionnaireVersion>): QuestionnaireVersion => ({
		...base,
		id: 'test-3',
		...change(base),
		lineage: {
			previous: '2026-2',
			items: Object.fromEntries(base.traitItems.map((i) => [i.id, { relation: 'same' as const, from: i.id }])),
			dropped: [],
			...change(base).lineage
		}
	});
	const lookup = (id: string) => getVersion(id);

	it('a new statement in a trait', () => {
		const v3 = variant((v) => ({
			traitItems: [...v.traitItems, { id: 'trust.4', trait: 'trust' as const, text: v.traitItems[0].text }],
			lineage: { previous: '2026-2', items: { ...Object.fromEntries(v.traitItems.map((i) => [i.id, { relation: 'same' as const, from: i.id }])), 'trust.4': { relation: 'new' } }, dropped: [] }
		}));
		const byId = (id: string) => (id === v3.id ? v3 : lookup(id));
		expect(isComparable(base, v3, { trait: 'trust' }, byId)).toBe(false);
		expect(isComparable(base, v3, { trait: 'respect' }, byId)).toBe(true);
		// Across two links: 2026-1 → 2026-2 → test-3.
		expect(isComparable(v1, v3, { trait: 'trust' }, byId)).toBe(false);
		expect(isComparable(v1, v3, { trait: 'respect' }, byId)).toBe(true);
	});

	it('a statement dropped from a trait, or moved to another trait', () => {
		const dropped = variant((v) => ({ traitItems: v.traitItems.filter((i) => i.id !== 'trust.3') }));
		const moved = variant((v) => ({ traitItems: v.traitItems.map((i) => (i.id === 'trust.3' ? { ...i, trait: 'respect' as const } : i)) }));
		for (const v3 of [dropped, moved]) {
			const byId = (id: string) => (id === v3.id ? v3 : lookup(id));
			expect(isComparable(base, v3, { trait: 'trust' }, byId)).toBe(false);
		}
		const byId = (id: string) => (id === moved.id ? moved : lookup(id));
		expect(isComparable(base, moved, { trait: 'respect' }, byId)).toBe(false);
	});
});

describe('scoring is generic over versions', () => {
	const group = (version: typeof v2, answers: Answers) => scoreGroup(version, scoreResponse(version, answers).tally);

	it('scores 2026-2 answers by its own item ids, split statements included', () => {
		const answers: Record<string, AnswerValue> = {
			...Object.fromEntries(v2.traitItems.map((i) => [i.id, 3])),
			...Object.fromEntries(v2.practiceItems.filter((i) => i.step >= 3 && i.step <= 5).map((i) => [i.id, 1])),
			'reciprocity.1': 4,
			'reciprocity.2': 4,
			'reciprocity.3a': 5,
			'reciprocity.3b': 3,
			'step2.1': 5,
			'step2.2': 4,
			'step2.3': 4,
			'step6.4': 5,
			'stairs.now': 3
		};
		const s = scoreResponse(v2, answers);
		expect(s.questionnaireVersion).toBe('2026-2');
		const g = group(v2, answers);
		expect(g.traits.reciprocity).toMatchObject({ mean: 4, n: 1 });
		expect(g.stepMeans[2].mean).toBe(4.3);
		expect(g.stepMeans[6]).toMatchObject({ mean: null, n: 1 });
		expect(g.evidence.step).toBe(2);
		expect(g.selfPlaced.mean).toBe(3);
	});

	it('ignores the ids of the other version: a 2026-1 round scored as 2026-1 is unchanged', () => {
		const old = countedAnswers(v1, { traits: { reciprocity: [4, 4, 2] } });
		expect(group(v1, old).traits.reciprocity.mean).toBe(3.3);
		// 'reciprocity.3' is not a 2026-2 item, so 2026-2 counts two answered of four.
		expect(group(v2, old).traits.reciprocity).toMatchObject({ mean: 4, n: 1 });
	});
});
