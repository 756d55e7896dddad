import type { Locale, Side } from '../assessment/types.ts';
import { versions } from '../assessment/versions/index.ts';
import type { ChoiceCount } from './project-view.ts';

/** A choice question with the options some pair reports, as a table shows them. */
export interface ChoiceQuestion {
	id: string;
	question: string;
	rows: { label: string; pairs: number; sides: Record<Side, number> }[];
}

/** Counted options under their questions, named as the newest questionnaire version that asks them names them. */
export function nameChoiceCounts(counts: readonly ChoiceCount[], locale: Locale): ChoiceQuestion[] {
	const byKey = new Map(counts.map((c) => [`${c.item}\u0000${c.option}`, c]));
	const questions = new Map<string, ChoiceQuestion & { options: Set<string> }>();
	for (const version of Object.values(versions).reverse())
		for (const d of version.descriptive)
			for (const o of d.options) {
				const hit = byKey.get(`${d.id}\u0000${o.id}`);
				if (!hit) continue;
				const q = questions.get(d.id) ?? { id: d.id, question: d.text[locale], rows: [], options: new Set<string>() };
				if (!q.options.has(o.id)) q.rows.push({ label: o.label[locale], pairs: hit.pairs, sides: hit.sides });
				q.options.add(o.id);
				questions.set(d.id, q);
			}
	return [...questions.values()].map(({ options: _, ...q }) => q);
}
