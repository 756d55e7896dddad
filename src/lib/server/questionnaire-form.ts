import { answersSchema, type Answers, type AnswerValue } from '../assessment/answers.ts';
import { sectionItems, type Section } from '../assessment/sections.ts';
import type { QuestionnaireVersion } from '../assessment/types.ts';
import { controlCharacterErrors } from './forms.ts';

/** Form fields that are not answers: navigation, the list of choice questions shown, the optional role. */
export const CONTROL_FIELDS = ['nav', '_choices', '_role'] as const;
export const ROLE_MAX = 100;

export type SectionForm =
	| { ok: true; set: Answers; clear: string[]; role: string | undefined }
	| { ok: false; errors: Record<string, string> };

/**
 * Reads one questionnaire page's form into answers. Radio groups left empty stay as they were
 * (a radio cannot be unset); a choice question shown on the page is saved even when nothing is
 * ticked; an emptied comment is cleared. Any field the page did not ask is refused whole, so a
 * forged or stale form changes nothing.
 */
export function parseSectionForm(version: QuestionnaireVersion, section: Section, form: FormData): SectionForm {
	const items = sectionItems(version, section);
	const known = new Set<string>([...items.map((i) => i.id), ...CONTROL_FIELDS]);
	for (const key of form.keys()) if (!known.has(key)) return { ok: false, errors: { form: 'error_unknown_item' } };

	const set: Record<string, AnswerValue> = {};
	const clear: string[] = [];
	const errors: Record<string, string> = controlCharacterErrors(form);
	const shownChoices = new Set(form.getAll('_choices').map(String));

	for (const item of items) {
		const values = form.getAll(item.id).map((v) => (typeof v === 'string' ? v : ''));
		if (item.kind === 'choice') {
			if (shownChoices.has(item.id)) set[item.id] = values;
			else if (values.length > 0) errors[item.id] = 'error_answer_invalid';
			continue;
		}
		if (values.length === 0) continue;
		if (values.length > 1) {
			errors[item.id] = 'error_answer_invalid';
			continue;
		}
		const raw = values[0];
		if (item.kind === 'text') {
			const text = raw.trim();
			if (text === '') clear.push(item.id);
			else set[item.id] = text;
		} else if (item.kind === 'agreement') {
			if (raw === 'na') set[item.id] = 'na';
			else if (/^[1-5]$/.test(raw)) set[item.id] = Number(raw);
			else errors[item.id] = 'error_answer_invalid';
		} else if (/^[1-6]$/.test(raw)) {
			set[item.id] = Number(raw);
		} else {
			errors[item.id] = 'error_answer_invalid';
		}
	}

	// The version's schema is the last word on what may be stored (option ids, lengths).
	const checked = answersSchema(version).safeParse(set);
	if (!checked.success) {
		for (const issue of checked.error.issues) {
			const id = String(issue.path[0] ?? 'form');
			errors[id] ??= issue.code === 'too_big' ? 'error_too_long' : 'error_answer_invalid';
		}
	}
	const role = form.get('_role');
	if (typeof role === 'string' && role.trim().length > ROLE_MAX) errors._role = 'error_too_long';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, set, clear, role: typeof role === 'string' ? role.trim() : undefined };
}
