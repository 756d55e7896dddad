import { z } from 'zod';
import { INSTRUMENT_KINDS } from './tables.ts';

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
const date = z
	.string()
	.trim()
	.refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), 'error_date')
	.transform((v) => (v === '' ? null : v))
	.default(null);
export const idField = z.string().trim().regex(/^[1-9][0-9]{0,15}$/, 'error_answer_invalid').transform(Number);

/** A table is by theme or by area, or both: at least one of the two is needed. */
export const tableSchema = z
	.object({
		name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
		theme: text(200),
		area: text(200),
		goal: text(2000)
	})
	.refine((v) => v.theme !== '' || v.area !== '', { message: 'error_theme_or_area', path: ['theme'] });

export const tableSettingsSchema = z
	.object({
		name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
		theme: text(200),
		area: text(200),
		convener: z
			.string()
			.trim()
			.regex(/^([1-9][0-9]{0,15})?$/, 'error_answer_invalid')
			.transform((v) => (v === '' ? null : Number(v)))
			.default(null)
	})
	.refine((v) => v.theme !== '' || v.area !== '', { message: 'error_theme_or_area', path: ['theme'] });

export const goalSchema = z.object({ goal: z.string().trim().min(1, 'error_required').max(2000, 'error_too_long') });
export const memberSchema = z.object({ org_id: idField, people: text(500) });
export const orgIdSchema = z.object({ org_id: idField });
export const pairIdSchema = z.object({ pair_id: idField });
export const itemSchema = z.object({ text: z.string().trim().min(1, 'error_required').max(1000, 'error_too_long') });
export const decideSchema = z.object({ item_id: idField, decision: z.enum(['accept', 'decline'], { message: 'error_answer_invalid' }) });
/** What a member sends through the table link: the item and who sends it. */
export const sentItemSchema = z.object({
	sender: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
	text: z.string().trim().min(1, 'error_required').max(1000, 'error_too_long')
});

/** `owner` is `table:<id>` or `pair:<id>`. */
const owner = z
	.string()
	.regex(/^(table|pair):[1-9][0-9]{0,15}$/, 'error_pick_owner')
	.transform((v) => {
		const [kind, id] = v.split(':');
		return kind === 'table' ? { tableId: Number(id) } : { pairId: Number(id) };
	});

export const agreementSchema = z
	.object({
		owner,
		title: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
		agreed_on: date,
		review_on: date,
		link: z
			.string()
			.trim()
			.max(1000, 'error_too_long')
			.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_link')
			.default('')
	})
	.refine((v) => !v.agreed_on || !v.review_on || v.review_on >= v.agreed_on, { message: 'error_review_before_agreed', path: ['review_on'] });

export const instrumentSchema = z.object({
	owner,
	kind: z.enum(INSTRUMENT_KINDS, { message: 'error_answer_invalid' }),
	note: text(500)
});

export const deleteSchema = z.object({ id: idField });
