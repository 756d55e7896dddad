import { requireProject } from '$lib/server/access';
import { nameChoiceCounts } from '$lib/server/choice-questions';
import { getLocale } from '$lib/paraglide/runtime';
import { pairTable } from '$lib/server/pair-table';
import { choiceCountsAcrossPairs, pairCount, pairQuery, projectAggregates } from '$lib/server/project-view';
import { listTables, overdueAgreements } from '$lib/server/tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	const { stepCounts, traitMeans } = projectAggregates(project.id);
	return {
		project,
		canManage: access !== 'coordinator',
		pairList: pairTable(project.id, pairQuery(event.url.searchParams)),
		pairCount: pairCount(project.id),
		stepCounts,
		traitMeans,
		// Across the pairs, what they report doing together and bringing.
		choiceQuestions: nameChoiceCounts(choiceCountsAcrossPairs(project.id), getLocale()),
		tableCount: listTables(project.id).length,
		overdueAgreements: overdueAgreements(project.id, new Date().toISOString().slice(0, 10))
	};
};
