import { SECTIONS, sectionItems, type Section } from './sections.ts';
import type { Locale, QuestionnaireVersion } from './types.ts';

export type PaperQuestion =
	| { kind: 'agreement'; id: string; text: string }
	| { kind: 'step'; id: string; text: string; help: string | null }
	| { kind: 'choice'; id: string; text: string; help: string | null; options: { id: string; label: string }[] }
	| { kind: 'text'; id: string; text: string; help: string | null };

export interface PaperSection {
	section: Section;
	title: string;
	intro: string;
	questions: PaperQuestion[];
}

/**
 * A questionnaire version as a blank paper form in one language: the same sections, items and
 * order as the online pages, so a ticked form is keyed in page by page as it was printed.
 */
export function paperForm(version: QuestionnaireVersion, locale: Locale) {
	const texts = new Map<string, { text: string; help: string | null }>();
	for (const i of [...version.traitItems, ...version.practiceItems]) texts.set(i.id, { text: i.text[locale], help: null });
	for (const i of [version.selfPlacement.now, version.selfPlacement.target, ...version.descriptive, version.comment])
		texts.set(i.id, { text: i.text[locale], help: i.help?.[locale] ?? null });

	const sections: PaperSection[] = SECTIONS.map((section) => ({
		section,
		title: version.sections[section].title[locale],
		intro: version.sections[section].intro[locale],
		questions: sectionItems(version, section).map((item): PaperQuestion => {
			const { text, help } = texts.get(item.id)!;
			if (item.kind === 'agreement') return { kind: 'agreement', id: item.id, text };
			if (item.kind === 'choice') {
				const options = version.descriptive.find((d) => d.id === item.id)!.options.map((o) => ({ id: o.id, label: o.label[locale] }));
				return { kind: 'choice', id: item.id, text, help, options };
			}
			return { kind: item.kind, id: item.id, text, help };
		})
	}));
	return {
		version: version.id,
		scale: ([1, 2, 3, 4, 5] as const).map((n) => ({ value: n, label: version.scale[n][locale] })),
		cantSay: version.cantSay[locale],
		steps: version.steps.map((s) => ({ step: s.step, name: s.name[locale] })),
		sections
	};
}
