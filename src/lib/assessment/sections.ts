import { itemsOf, type ItemRef } from './answers.ts';
import type { ChoiceOption, QuestionnaireVersion } from './types.ts';

/** The pages of the questionnaire, in the order a respondent goes through them. */
export const SECTIONS = ['traits', 'practice', 'stairs', 'profile'] as const;
export type Section = (typeof SECTIONS)[number];

export function isSection(value: string): value is Section {
	return (SECTIONS as readonly string[]).includes(value);
}

// Every page post and page load asks for its section's items: worked out once per version.
const sectionsOf = new WeakMap<QuestionnaireVersion, Record<Section, readonly ItemRef[]>>();

/** The items a section asks. */
export function sectionItems(version: QuestionnaireVersion, section: Section): readonly ItemRef[] {
	let sections = sectionsOf.get(version);
	if (!sections) {
		const ids: Record<Section, string[]> = {
			traits: version.traitItems.map((i) => i.id),
			practice: version.practiceItems.map((i) => i.id),
			stairs: [version.selfPlacement.now.id, version.selfPlacement.target.id],
			profile: [...version.descriptive.map((i) => i.id), version.comment.id]
		};
		const items = itemsOf(version);
		sections = Object.fromEntries(
			SECTIONS.map((s) => [s, Object.freeze(items.filter((i) => ids[s].includes(i.id)))])
		) as Record<Section, readonly ItemRef[]>;
		sectionsOf.set(version, sections);
	}
	return sections[section];
}

/** A section intro with the sides' names in place of `{own}` and `{other}` (2026-1 intros have none). */
export function fillNames(text: string, names: { own: string; other: string }): string {
	return text.replaceAll('{own}', names.own).replaceAll('{other}', names.other);
}

/**
 * The kinds of resource a partnership can combine (money, volunteer work, local knowledge…):
 * the options of the version's resources question, which 2026-2 asks per side. Actions agreed at
 * the partnership table name their resources from the same list.
 */
export function resourceOptions(version: QuestionnaireVersion): readonly ChoiceOption[] {
	return version.descriptive.find((d) => d.id === 'resources' || d.id === 'our_resources')?.options ?? [];
}
