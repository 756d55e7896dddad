import { LOCALES } from './types.ts';

function isText(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'fi' in value;
}

/**
 * Paths of every text in a questionnaire definition that lacks a locale or is blank,
 * e.g. "traitItems.3.text.sv". A version is publishable only when this is empty.
 */
export function missingTexts(definition: unknown, path = ''): string[] {
	if (isText(definition)) {
		return LOCALES.filter((l) => typeof definition[l] !== 'string' || !(definition[l] as string).trim()).map(
			(l) => `${path}.${l}`
		);
	}
	if (typeof definition === 'object' && definition !== null) {
		return Object.entries(definition).flatMap(([key, value]) => missingTexts(value, path ? `${path}.${key}` : key));
	}
	return [];
}
