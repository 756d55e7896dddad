import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { missingTexts } from './assessment/completeness.ts';
import { LOCALES } from './assessment/types.ts';
import { versions } from './assessment/versions/index.ts';

/** Every message key of the base locale that another locale lacks or leaves blank. */
export function missingMessages(dir = 'messages'): string[] {
	const catalogues = Object.fromEntries(
		LOCALES.map((l) => [l, JSON.parse(readFileSync(`${dir}/${l}.json`, 'utf8')) as Record<string, unknown>])
	);
	const keys = new Set(LOCALES.flatMap((l) => Object.keys(catalogues[l]).filter((k) => k !== '$schema')));
	return [...keys].flatMap((key) =>
		LOCALES.filter((l) => typeof catalogues[l][key] !== 'string' || !(catalogues[l][key] as string).trim()).map(
			(l) => `${dir}/${l}.json: ${key}`
		)
	);
}

/** Fails `vite build` (and dev start) when any UI message or questionnaire text misses a locale. */
export function localeCheck(): Plugin {
	return {
		name: 'portaat-locale-check',
		buildStart() {
			const missing = [
				...missingMessages(),
				...Object.values(versions).flatMap((v) => missingTexts(v).map((p) => `questionnaire ${v.id}: ${p}`))
			];
			if (missing.length > 0) this.error(`Texts missing a locale:\n  ${missing.join('\n  ')}`);
		}
	};
}
