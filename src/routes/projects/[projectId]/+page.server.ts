import { requireProject } from '$lib/server/access';
import { actionCounts } from '$lib/server/meetings';
import { nameChoiceCounts } from '$lib/server/choice-questions';
import { getLocale } from '$lib/paraglide/runtime';
import { choiceCountsAcrossPairs, pairCount, pairPage, pairQuery, projectAggregates } from '$lib/server/project-view';
import { listTables, overdueAgreements } from '$lib/server/tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	const query = pairQuery(event.url.searchParams);
	const pairs = pairPage(project.id, query);
	const { stepCounts, traitMeans } = projectAggregates(project.id);
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
		// Across the pairs, what they report doing together and bringing.
		choiceQuestions: nameChoiceCounts(choiceCountsAcrossPairs(project.id), getLocale()),
		tableCount: listTables(project.id).length,
		overdueAgreements: overdueAgreements(project.id, new Date().toISOString().slice(0, 10))
	};
};
