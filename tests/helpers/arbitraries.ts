import fc from 'fast-check';
import type { Answers, AnswerValue } from '../../src/lib/assessment/answers';
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
