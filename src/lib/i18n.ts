import type { Locale, Text } from '$lib/assessment/types';
import { getLocale } from '$lib/paraglide/runtime';

/** A questionnaire text in the current locale (questionnaire wording lives in its version, not in messages). */
export function t(text: Text, locale: Locale = getLocale()): string {
	return text[locale];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with a fixed count of decimals, in the locale's format (1,5 in Finnish). */
export function num(value: number, decimals = 1, locale: Locale = getLocale()): string {
	const key = `${locale}:${decimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		numberFormats.set(key, format);
	}
	return format.format(value);
}

/** A date (ISO timestamp) in Finnish time, in the locale's format. */
export function formatDate(iso: string, locale: Locale = getLocale()): string {
	return new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : `${locale}-FI`, { timeZone: 'Europe/Helsinki' });
}
