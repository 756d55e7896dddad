import { getLocale } from '$lib/paraglide/runtime';
import { nameChoiceCounts } from '$lib/server/choice-questions';
import { requireGroup } from '$lib/server/group-access';
import { groupSummary, latestSteps } from '$lib/server/group-view';
import { pairNames } from '$lib/server/pairs';
import { pairTable } from '$lib/server/pair-table';
import { pairQuery, unmovedPairs } from '$lib/server/project-view';
import { changeDays, groupPairIds, listActors } from '$lib/server/partnership-map';
import { listTables } from '$lib/server/tables';
import type { PageServerLoad } from './$types';

// Server HTML only: see +page.svelte.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { project, group, access } = requireGroup(event);
	const actors = listActors(group.id);
	const pairIds = groupPairIds(group);
	const { choices, ...summary } = groupSummary(project.id, pairIds, actors);
	// The group's pairs 50 a page, searched, filtered and sorted as on the project page.
	const pairList = pairTable(project.id, pairQuery(event.url.searchParams), pairIds);
	const actorPairs = actors.flatMap((a) => (a.pairId === null ? [] : [a.pairId]));
	return {
		project,
		group,
		canManage: access !== 'coordinator',
		actors,
		steps: latestSteps(actorPairs),
		pairs: pairNames(project.id, actorPairs),
		tables: listTables(project.id).map((t) => ({ id: t.id, name: t.name })),
		mapDate: changeDays(group.id).at(-1) ?? null,
		// What the group's pairs report doing together and bringing, each question with its n.
		choices: nameChoiceCounts(choices.counts, getLocale()).map((q) => ({ ...q, answered: choices.answered[q.id] })),
		summary,
		// Of the pairs that have not moved for two rounds, those on this page.
		stillOnPage: unmovedPairs(project.id, pairList.rows.map((r) => r.pairId)),
		pairCount: pairIds.length,
		pairList
	};
};
