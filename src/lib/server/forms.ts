import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

/** Field errors name a message key, so the page shows them in the user's language. */
export type FieldErrors = Record<string, string>;

export interface FormFailure {
	errors: FieldErrors;
	values: Record<string, string>;
	/** For rate-limit messages: how long to wait. */
	minutes?: number;
}

/** Caps the size of any single text field before validation reads it. */
export const MAX_FIELD = 10_000;

function plain(formData: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string' && !(key in out)) out[key] = value.slice(0, MAX_FIELD + 1);
	return out;
}

/**
 * Validates a posted form with a zod schema whose messages are message keys. On failure the
 * action returns 400 with the field errors and the values to fill the form again (never passwords).
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData
): { ok: true; data: z.infer<S> } | { ok: false; failure: ActionFailure<FormFailure> } {
	const values = plain(formData);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('error_') ? issue.message : 'error_invalid';
	}
	for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
	return { ok: false, failure: formError(errors, values) };
}

/** A failed form: field (or `form`) errors as message keys, the values to show again, and any extras. */
export function formError(
	errors: FieldErrors,
	values: Record<string, string> = {},
	status = 400,
	extra: { minutes?: number } = {}
): ActionFailure<FormFailure> {
	return fail(status, { ...extra, errors, values });
}
