import { z } from 'zod';
import { TRAIT_IDS, type TraitId } from '../assessment/types.ts';
import type { QuestionnaireVersion } from '../assessment/types.ts';
import { ACTION_STATUSES, type ActionInput, type ActionStatus } from './meetings.ts';

/** How many empty action rows a new meeting's form offers; more can be added on the meeting's page. */
export const ACTION_ROWS = 3;

const date = z
	.string()
	.trim()
	.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'error_date');

const optionalId = z
	.string()
	.trim()
	.regex(/^([1-9][0-9]{0,15})?$/, 'error_answer_invalid')
	.transform((v) => (v === '' ? null : Number(v)));

export const meetingSchema = z.object({
	held_on: date,
	duration: z
		.string()
		.trim()
		.regex(/^([1-9][0-9]{0,2})?$/, 'error_duration')
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || v <= 600, 'error_duration')
		.default(null),
	chair: optionalId.default(null),
	secretary: optionalId.default(null),
	participants: z.string().trim().max(2000, 'error_too_long').default(''),
	agenda: z.string().trim().max(5000, 'error_too_long').default(''),
	notes: z.string().trim().max(10000, 'error_too_long').default(''),
	decisions: z.string().trim().max(5000, 'error_too_long').default('')
});

function target(value: string): { targetTrait: TraitId | null; targetStep: number | null } | undefined {
	if (value === '') return { targetTrait: null, targetStep: null };
	if (value.startsWith('trait:') && (TRAIT_IDS as readonly string[]).includes(value.slice(6)))
		return { targetTrait: value.slice(6) as TraitId, targetStep: null };
	if (/^step:[1-6]$/.test(value)) return { targetTrait: null, targetStep: Number(value.slice(5)) };
	return undefined;
}

/**
 * Reads action rows `action_what_<i>`, `action_member_<i>` (a member organisation's id),
 * `action_note_<i>`, `action_resources_<i>` (several), `action_due_<i>`, `action_target_<i>` for i
 * in 0..rows-1. A row left wholly empty is skipped; a row with anything in it needs its "what" and
 * a member of the table. Errors are keyed by field name.
 */
export function parseActions(
	form: FormData,
	version: QuestionnaireVersion,
	rows: number,
	memberIds: ReadonlySet<number>
): { ok: true; actions: ActionInput[] } | { ok: false; errors: Record<string, string> } {
	const resourceIds = new Set(version.descriptive.find((d) => d.id === 'resources')?.options.map((o) => o.id) ?? []);
	const actions: ActionInput[] = [];
	const errors: Record<string, string> = {};
	const text = (key: string) => String(form.get(key) ?? '').trim();
	for (let i = 0; i < rows; i++) {
		const what = text(`action_what_${i}`);
		const member = text(`action_member_${i}`);
		const note = text(`action_note_${i}`);
		const due = text(`action_due_${i}`);
		const resources = form.getAll(`action_resources_${i}`).map(String);
		const aim = target(text(`action_target_${i}`));
		if (!what && !member && !note && !due && resources.length === 0 && text(`action_target_${i}`) === '') continue;
		if (!what) errors[`action_what_${i}`] = 'error_required';
		if (what.length > 500) errors[`action_what_${i}`] = 'error_too_long';
		const memberOrgId = /^[1-9][0-9]{0,15}$/.test(member) && memberIds.has(Number(member)) ? Number(member) : null;
		if (memberOrgId === null) errors[`action_member_${i}`] = member ? 'error_answer_invalid' : 'error_member_required';
		if (note.length > 200) errors[`action_note_${i}`] = 'error_too_long';
		if (due && !date.safeParse(due).success) errors[`action_due_${i}`] = 'error_date';
		if (resources.some((r) => !resourceIds.has(r)) || new Set(resources).size !== resources.length)
			errors[`action_resources_${i}`] = 'error_answer_invalid';
		if (!aim) errors[`action_target_${i}`] = 'error_answer_invalid';
		if (Object.keys(errors).length === 0 && aim) actions.push({ what, memberOrgId, note, resources, dueOn: due || null, ...aim });
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, actions };
}

/** Reads `status_<actionId>` fields. */
export function parseStatuses(form: FormData): Map<number, ActionStatus> | undefined {
	const out = new Map<number, ActionStatus>();
	for (const [key, value] of form) {
		const match = /^status_([1-9][0-9]{0,15})$/.exec(key);
		if (!match) continue;
		if (!(ACTION_STATUSES as readonly string[]).includes(String(value))) return undefined;
		out.set(Number(match[1]), value as ActionStatus);
	}
	return out;
}
