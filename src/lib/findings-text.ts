import type { DiscussionPoint } from '$lib/assessment/discussion';
import type { Finding, Scope, What } from '$lib/assessment/findings';
import type { Side } from '$lib/assessment/types';
import { num } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Names of the two sides: the organisations themselves ("Joutsan kunta"), not their roles. */
export type SideNames = Record<Side, string>;

export const scopeName = (s: Scope, sides: SideNames) => (s === 'pair' ? m.pair() : sides[s]);

/** "A, B and C" in the reader's language. */
export function listText(items: readonly string[]): string {
	return new Intl.ListFormat(getLocale() === 'en' ? 'en-GB' : getLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

function whatText(what: readonly What[], traits: Record<string, string>): string {
	return listText(what.map((w) => (w === 'stairs' ? m.results_stairs().toLocaleLowerCase(getLocale()) : w === 'self_placed' ? m.results_self_placed().toLocaleLowerCase(getLocale()) : traits[w])));
}

/** A finding as a sentence in the reader's language; trait names come from the round's questionnaire version. */
export function findingText(f: Finding, traits: Record<string, string>, sides: SideNames): string {
	switch (f.kind) {
		case 'one_side_only':
			return m.finding_one_side_only({ side: sides[f.missing] });
		case 'not_compared':
			return m.finding_not_compared({ side: sides[f.side], n: f.minGroupSize });
		case 'sides_differ_step':
			return m.finding_sides_differ_step({ a: sides.municipality, b: sides.association, municipality: f.municipality, association: f.association });
		case 'sides_differ_self':
			return m.finding_sides_differ_self({ a: sides.municipality, b: sides.association, municipality: num(f.municipality), association: num(f.association) });
		case 'sides_differ_trait':
			return m.finding_sides_differ_trait({
				trait: traits[f.trait],
				a: sides.municipality,
				b: sides.association,
				municipality: num(f.municipality),
				association: num(f.association)
			});
		case 'evidence_vs_self':
			return m.finding_evidence_vs_self({ scope: scopeName(f.scope, sides), evidence: f.evidence, self: num(f.selfPlaced) });
		case 'weak_foundation':
			return m.finding_weak_foundation({ scope: scopeName(f.scope, sides), step: f.step, trait: traits[f.trait], mean: num(f.mean) });
		case 'not_enough_answers':
			return m.finding_not_enough({ scope: scopeName(f.scope, sides), what: whatText(f.what, traits) });
		case 'withheld':
			return m.finding_withheld({ scope: scopeName(f.scope, sides), what: whatText(f.what, traits), n: f.minGroupSize });
	}
}

/**
 * The findings as sentences, with the traits the sides see differently in one sentence: a table
 * reads "views differ on trust, reciprocity and respect" once, not three times.
 */
export function findingTexts(list: readonly Finding[], traits: Record<string, string>, sides: SideNames): string[] {
	const gaps = list.filter((f): f is Extract<Finding, { kind: 'sides_differ_trait' }> => f.kind === 'sides_differ_trait');
	const out: string[] = [];
	for (const f of list) {
		if (f.kind !== 'sides_differ_trait') out.push(findingText(f, traits, sides));
		else if (f === gaps[0] && gaps.length > 1)
			out.push(
				m.finding_sides_differ_traits({
					a: sides.municipality,
					b: sides.association,
					list: listText(gaps.map((g) => `${traits[g.trait]} ${num(g.municipality)} / ${num(g.association)}`))
				})
			);
		else if (gaps.length === 1) out.push(findingText(f, traits, sides));
	}
	return out;
}

/** A discussion point as a question for the table; never the same sentence as a finding. */
export function discussionText(p: DiscussionPoint, traits: Record<string, string>, sides: SideNames): string {
	const names = (ids: readonly string[]) => listText(ids.map((t) => traits[t]));
	switch (p.kind) {
		case 'weakest':
			return p.traits.length === 1
				? m.discuss_weakest_one({ trait: names(p.traits), mean: num(p.mean) })
				: m.discuss_weakest_many({ traits: names(p.traits), mean: num(p.mean) });
		case 'trait_gap':
			return m.discuss_trait_gap({ traits: listText(p.traits.map((t, i) => `${traits[t]} (${num(p.gaps[i])})`)) });
		case 'step_gap':
			return m.discuss_step_gap({ gap: p.gap });
		case 'self_gap':
			return m.discuss_self_gap({ gap: num(p.gap) });
		case 'self_above_evidence':
			return m.discuss_self_above({ scopes: listText(p.scopes.map((s) => scopeName(s, sides))), gap: num(p.gap) });
		case 'self_below_evidence':
			return m.discuss_self_below({ scopes: listText(p.scopes.map((s) => scopeName(s, sides))), gap: num(p.gap) });
		case 'foundation':
			return m.discuss_foundation({ traits: names(p.traits) });
	}
}
