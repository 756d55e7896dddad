import { z } from 'zod';
import type { QuestionnaireVersion } from './types.ts';

/**
 * A respondent's answers keyed by stable item id.
 * - agreement items: 1–5, or 'na' for "I can't say" (answered, but not scored);
 * - self-placement items: a step 1–6;
 * - choice items: the ids of the ticked options (an empty list is an answer: "none of these");
 * - the comment: free text.
 * An item that is absent was not answered.
 */
export type AnswerValue = number | 'na' | readonly string[] | string;
export type Answers = Readonly<Record<string, AnswerValue>>;

export type ItemKind = 'agreement' | 'step' | 'choice' | 'text';

export interface ItemRef {
	id: string;
	kind: ItemKind;
}

/** Every answerable item of a version, in the order the questionnaire asks them. */
export function itemsOf(version: QuestionnaireVersion): ItemRef[] {
	return [
		...version.traitItems.map((i) => ({ id: i.id, kind: 'agreement' as const })),
		...version.practiceItems.map((i) => ({ id: i.id, kind: 'agreement' as const })),
		{ id: version.selfPlacement.now.id, kind: 'step' as const },
		{ id: version.selfPlacement.target.id, kind: 'step' as const },
		...version.descriptive.map((i) => ({ id: i.id, kind: 'choice' as const })),
		{ id: version.comment.id, kind: 'text' as const }
	];
}

const agreement = z.union([z.literal('na'), z.number().int().min(1).max(5)]);
const step = z.number().int().min(1).max(6);

/**
 * The schema of one version's answers: unknown items, values out of range and
 * oversized text are rejected, so nothing the questionnaire does not ask can be stored.
 * Every item is optional, because a draft may be half-answered.
 */
// One schema per version, built once: zod compiles a schema on its first parse, and building it
// per request made that compiling a seventh of every answer post's CPU time.
const schemas = new WeakMap<QuestionnaireVersion, ReturnType<typeof buildAnswersSchema>>();

export function answersSchema(version: QuestionnaireVersion) {
	let schema = schemas.get(version);
	if (!schema) schemas.set(version, (schema = buildAnswersSchema(version)));
	return schema;
}

function buildAnswersSchema(version: QuestionnaireVersion) {
	const shape: Record<string, z.ZodType> = {};
	for (const item of version.traitItems) shape[item.id] = agreement.optional();
	for (const item of version.practiceItems) shape[item.id] = agreement.optional();
	shape[version.selfPlacement.now.id] = step.optional();
	shape[version.selfPlacement.target.id] = step.optional();
	for (const item of version.descriptive) {
		const ids = item.options.map((o) => o.id) as [string, ...string[]];
		shape[item.id] = z
			.array(z.enum(ids))
			.max(ids.length)
			.refine((list) => new Set(list).size === list.length, 'duplicate option')
			.optional();
	}
	shape[version.comment.id] = z.string().max(version.comment.maxLength).optional();
	return z.strictObject(shape);
}

/**
 * At least half of a group's statements (rounded up) must have answers on the 1–5 scale
 * before its mean is shown; fewer gives "not enough answers", never a made-up number.
 */
export function minAnswered(items: number): number {
	return Math.max(1, Math.ceil(items / 2));
}

export interface Enough {
	answered: number;
	needed: number;
	/** Statements not answered on the 1–5 scale, in questionnaire order. */
	unanswered: string[];
}

/**
 * Who counts: a response counts (and can be submitted) only when it answers at least half of
 * the trait statements and at least half of the practice statements on the 1–5 scale. An empty
 * or all "I can't say" response would add a person to a side's n without adding anything the
 * side's numbers are made of, and so could open a side of one real respondent.
 */
export function scorable(version: QuestionnaireVersion, answers: Answers): { ok: boolean; traits: Enough; practice: Enough } {
	const enough = (ids: string[]): Enough => {
		const unanswered = ids.filter((id) => {
			const v = answers[id];
			return !(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5);
		});
		return { answered: ids.length - unanswered.length, needed: minAnswered(ids.length), unanswered };
	};
	const traits = enough(version.traitItems.map((i) => i.id));
	const practice = enough(version.practiceItems.map((i) => i.id));
	return { ok: traits.answered >= traits.needed && practice.answered >= practice.needed, traits, practice };
}

/** The share of scored and self-placement items answered (choices and the comment are optional extras). */
export function completion(version: QuestionnaireVersion, answers: Answers): { answered: number; total: number } {
	const ids = itemsOf(version)
		.filter((i) => i.kind === 'agreement' || i.kind === 'step')
		.map((i) => i.id);
	return { answered: ids.filter((id) => answers[id] !== undefined).length, total: ids.length };
}
