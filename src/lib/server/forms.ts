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

/**
 * Characters no name or text needs: C0 controls but tab and line breaks (NUL …), DEL, C1 controls,
 * and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make
 * text around them read backwards. The marks (LRM, RLM) stay allowed.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Fields that are no text: passwords (anyone's own business) and `next`, which safeNext cleans. */
const NOT_TEXT = (key: string) => /password/i.test(key) || key === 'next';

/** Every posted text field holding such a character. */
export function controlCharacterErrors(formData: FormData): FieldErrors {
	const errors: FieldErrors = {};
	for (const [key, value] of formData)
		if (typeof value === 'string' && !NOT_TEXT(key) && CONTROL_CHARACTERS.test(value)) errors[key] = 'error_control_characters';
	return errors;
}

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
	const errors = controlCharacterErrors(formData);
	if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
	for (const issue of result.success ? [] : result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('error_') ? issue.message : 'error_invalid';
	}
	for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
	for (const key of Object.keys(values)) values[key] = values[key].replace(new RegExp(CONTROL_CHARACTERS, 'g'), '');
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
