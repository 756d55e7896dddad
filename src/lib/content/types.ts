/**
 * Public content pages (accessibility statement, privacy notice) written in every
 * product language. The three languages of a block sit side by side, so a change in
 * one is hard to miss in the others.
 *
 * Inline markup inside any text:
 *   [label](href)  a link (https:, mailto:, tel:)
 *   {{…}}          a placeholder the operator must replace before publishing; shown marked
 */
import type { Locale, Text } from '$lib/assessment/types';

export type { Locale, Text };

/** A paragraph, or a bulleted list of short items. */
export type Block = { p: Text } | { list: Text[] };

export interface Section {
	heading: Text;
	body: Block[];
}

export interface LocalizedPage {
	/** The page's only h1, and its document title. */
	title: Text;
	/** An introduction under the title; also the page's meta description. */
	lead?: Text;
	/** Each section becomes an h2 and its body. */
	sections: Section[];
}

/** The same string in every language (an address, a phone number). */
export function same(text: string): Text {
	return { fi: text, sv: text, en: text };
}
