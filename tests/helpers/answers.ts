import type { Answers, AnswerValue } from '../../src/lib/assessment/answers';
import type { EvidenceStep, QuestionnaireVersion, TraitId } from '../../src/lib/assessment/types';

type Agreement = 1 | 2 | 3 | 4 | 5 | 'na' | undefined;

/** Builds answers from per-trait and per-step lists, in the order the version lists the items. */
export function buildAnswers(
	version: QuestionnaireVersion,
	spec: {
		traits?: Partial<Record<TraitId, Agreement[]>>;
		steps?: Partial<Record<EvidenceStep, Agreement[]>>;
		now?: number;
		target?: number;
	}
): Answers {
	const out: Record<string, AnswerValue> = {};
	for (const [trait, values] of Object.entries(spec.traits ?? {})) {
		const items = version.traitItems.filter((i) => i.trait === trait);
		values!.forEach((v, k) => v !== undefined && (out[items[k].id] = v));
	}
	for (const [step, values] of Object.entries(spec.steps ?? {})) {
		const items = version.practiceItems.filter((i) => i.step === Number(step));
		values!.forEach((v, k) => v !== undefined && (out[items[k].id] = v));
	}
	if (spec.now !== undefined) out[version.selfPlacement.now.id] = spec.now;
	if (spec.target !== undefined) out[version.selfPlacement.target.id] = spec.target;
	return out;
}

/**
 * Answers that count (at least half of the trait and of the practice statements answered): the
 * spec as given, and every trait or step it leaves out filled in, traits with `trait` and steps
 * with `step`. The default step filler 1 keeps the filled steps from lifting the climb.
 */
export function countedAnswers(
	version: QuestionnaireVersion,
	spec: Parameters<typeof buildAnswers>[1],
	fill: { trait?: Agreement; step?: Agreement } = {}
): Answers {
	const traits = Object.fromEntries(
		version.traits.map((t) => [t.id, spec.traits?.[t.id] ?? version.traitItems.filter((i) => i.trait === t.id).map(() => fill.trait ?? 3)])
	);
	const steps = Object.fromEntries(
		[2, 3, 4, 5, 6].map((s) => [
			s,
			spec.steps?.[s as EvidenceStep] ?? version.practiceItems.filter((i) => i.step === s).map(() => fill.step ?? 1)
		])
	);
	return buildAnswers(version, { ...spec, traits, steps });
}
