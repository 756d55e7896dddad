import fc from 'fast-check';
import { scorable, type Answers, type AnswerValue } from '../../src/lib/assessment/answers';
import type { QuestionnaireVersion } from '../../src/lib/assessment/types';

export const agreementValue = fc.oneof(fc.constant<'na'>('na'), fc.integer({ min: 1, max: 5 }));

/** Any answers a respondent could give to a version, some items left unanswered. */
export function answersArb(version: QuestionnaireVersion): fc.Arbitrary<Answers> {
	const ids = [...version.traitItems, ...version.practiceItems].map((i) => i.id);
	const agreement = Object.fromEntries(ids.map((id) => [id, fc.option(agreementValue, { nil: undefined, freq: 4 })]));
	return fc
		.record({
			...agreement,
			[version.selfPlacement.now.id]: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
			[version.selfPlacement.target.id]: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined })
		})
		.map((record) => {
			const out: Record<string, AnswerValue> = {};
			for (const [k, val] of Object.entries(record)) if (val !== undefined) out[k] = val as AnswerValue;
			return out;
		});
}

/** Answers that count: mostly answered, at least half of the trait and of the practice statements on the 1–5 scale. */
export function countedAnswersArb(version: QuestionnaireVersion): fc.Arbitrary<Answers> {
	const ids = [...version.traitItems, ...version.practiceItems].map((i) => i.id);
	const agreement = Object.fromEntries(
		ids.map((id) => [id, fc.option(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 5 }, { arbitrary: fc.constant<'na'>('na'), weight: 1 }), { nil: undefined, freq: 6 })])
	);
	const choices = Object.fromEntries(
		version.descriptive.map((d) => [d.id, fc.option(fc.subarray(d.options.map((o) => o.id)), { nil: undefined, freq: 3 })])
	);
	return fc
		.record({
			...agreement,
			...choices,
			[version.selfPlacement.now.id]: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 4 }),
			[version.selfPlacement.target.id]: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 4 })
		})
		.map((record) => {
			const out: Record<string, AnswerValue> = {};
			for (const [k, val] of Object.entries(record)) if (val !== undefined) out[k] = val as AnswerValue;
			return out as Answers;
		})
		.filter((answers) => scorable(version, answers).ok);
}
