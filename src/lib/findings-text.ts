import type { Finding } from '$lib/assessment/findings';
import { num } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export const scopeName = (s: string) => (s === 'municipality' ? m.side_municipality() : s === 'association' ? m.side_association() : m.pair());

/** A finding as a sentence in the reader's language; trait names come from the round's questionnaire version. */
export function findingText(f: Finding, names: Record<string, string>): string {
	switch (f.kind) {
		case 'one_side_only':
			return m.finding_one_side_only({ side: scopeName(f.missing) });
		case 'sides_differ_step':
			return m.finding_sides_differ_step({ municipality: f.municipality, association: f.association });
		case 'sides_differ_self':
			return m.finding_sides_differ_self({ municipality: num(f.municipality), association: num(f.association) });
		case 'sides_differ_trait':
			return m.finding_sides_differ_trait({ trait: names[f.trait], municipality: num(f.municipality), association: num(f.association) });
		case 'evidence_vs_self':
			return m.finding_evidence_vs_self({ scope: scopeName(f.scope), evidence: f.evidence, self: num(f.selfPlaced) });
		case 'weak_foundation':
			return m.finding_weak_foundation({ scope: scopeName(f.scope), step: f.step, trait: names[f.trait], mean: num(f.mean) });
		case 'not_enough_answers':
			return m.finding_not_enough({ scope: scopeName(f.scope), what: f.what === 'stairs' ? m.results_stairs() : names[f.what] });
	}
}
