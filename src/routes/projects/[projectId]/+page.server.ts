import { requireProject } from '$lib/server/access';
import { actionCounts } from '$lib/server/meetings';
import { versions } from '$lib/assessment/versions';
import { getLocale } from '$lib/paraglide/runtime';
import { choiceCountsAcrossPairs, pairCount, pairPage, pairQuery, projectAggregates } from '$lib/server/project-view';
import { listTables, overdueAgreements } from '$lib/server/tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	const query = pairQuery(event.url.searchParams);
	const pairs = pairPage(project.id, query);
	const { stepCounts, traitMeans } = projectAggregates(project.id);
	// Across the pairs, what they report doing together and bringing, named as the newest version names it.
	const locale = getLocale();
	const counted = choiceCountsAcrossPairs(project.id);
	const questions = new Map<string, { question: string; rows: { label: string; pairs: number }[] }>();
	for (const version of Object.values(versions).reverse())
		for (const d of version.descriptive)
			for (const o of d.options) {
				const hit = counted.find((c) => c.item === d.id && c.option === o.id);
				if (!hit) continue;
				const q = questions.get(d.id) ?? { question: d.text[locale], rows: [] };
				if (!q.rows.some((r) => r.label === o.label[locale])) q.rows.push({ label: o.label[locale], pairs: hit.pairs });
				questions.set(d.id, q);
			}
	return {
		project,
		canManage: access !== 'coordinator',
		query: { ...query, page: pairs.page },
		rows: pairs.rows,
		total: pairs.total,
		pages: pairs.pages,
		pairCount: pairCount(project.id),
		rounds: pairs.rounds,
		stepCounts,
		traitMeans,
		actions: Object.fromEntries([...actionCounts(project.id)].filter(([pairId]) => pairs.rows.some((r) => r.pairId === pairId))),
		choiceQuestions: [...questions.values()],
		tableCount: listTables(project.id).length,
		overdueAgreements: overdueAgreements(project.id, new Date().toISOString().slice(0, 10))
	};
};
