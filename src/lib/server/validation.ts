import { z } from 'zod';
import { ORGANISATION_KINDS } from './organisations.ts';

/** Form schemas shared by the staff pages. Messages are message keys (see forms.ts). */

/** A date as yyyy-mm-dd that is on the calendar: 2026-02-30 is refused (Date.parse would roll it over to March). */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [y, m, d] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const calendarDate = z.string().trim().refine(isCalendarDate, 'error_date');

const text = (max: number) => z.string().trim().max(max, 'error_too_long');
const required = (max: number) => text(max).min(1, 'error_required');
const id = z.coerce.number({ message: 'error_required' }).int('error_required').positive('error_required');

export const projectSchema = z.object({ name: required(200), description: text(2000).default('') });

/** The smallest group size anyone may set; below it only an administrator, with a confirmation. */
export const SAFE_GROUP_SIZE = 3;

export const projectSettingsSchema = projectSchema.extend({
	min_group_size: z.coerce.number().int('error_group_size').min(1, 'error_group_size').max(20, 'error_group_size'),
	confirm_small: z.literal('on').optional(),
	retention_days: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || (Number.isInteger(v) && v >= 30 && v <= 36500), 'error_retention')
});

export const organisationSchema = z.object({
	name: required(200),
	kind: z.enum(ORGANISATION_KINDS, { message: 'error_required' })
});

/** A pair's theme and area, each free text (a declared name or a new value). */
export const pairGroupSchema = z.object({ theme: text(200).default(''), area: text(200).default('') });

export const pairSchema = pairGroupSchema.extend({ municipality_org_id: id, association_org_id: id });

export const roundSchema = z.object({
	closes_on: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || isCalendarDate(v), 'error_date')
		.refine((v) => v === '' || !isCalendarDate(v) || Date.parse(`${v}T23:59:59+02:00`) > Date.now(), 'error_date_past'),
	asks_role: z.literal('on').optional(),
	open_results: z.literal('on').optional()
});

export const sideSchema = z.object({ side: z.enum(['municipality', 'association']) });
export const paperEntrySchema = sideSchema.extend({ language: z.enum(['fi', 'sv', 'en']) });
