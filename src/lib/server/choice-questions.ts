import type { Locale } from '../assessment/types.ts';
import { versions } from '../assessment/versions/index.ts';

type Counted = { item: string; option: string; pairs: number };

/** A choice question with the options some pair reports, as a table shows them. */
export interface ChoiceQuestion<C extends Counted = Counted> {
	id: string;
	question: string;
	rows: (Omit<C, 'item' | 'option'> & { label: string })[];
}

/** Counted options under their questions, named as the newest questionnaire version that asks them names them. */
export function nameChoiceCounts<C extends Counted>(counts: readonly C[], locale: Locale): ChoiceQuestion<C>[] {
	const byKey = new Map(counts.map((c) => [`${c.item}\u0000${c.option}`, c]));
	const questions = new Map<string, ChoiceQuestion<C> & { options: Set<string> }>();
	for (const version of Object.values(versions).reverse())
		for (const d of version.descriptive)
			for (const o of d.options) {
				const hit = byKey.get(`${d.id}\u0000${o.id}`);
				if (!hit) continue;
				const q = questions.get(d.id) ?? { id: d.id, question: d.text[locale], rows: [], options: new Set<string>() };
				if (!q.options.has(o.id)) {
					const { item: _item, option: _option, ...count } = hit;
					q.rows.push({ ...count, label: o.label[locale] });
				}
				q.options.add(o.id);
				questions.set(d.id, q);
			}
	return [...questions.values()].map(({ options: _, ...q }) => q);
}
