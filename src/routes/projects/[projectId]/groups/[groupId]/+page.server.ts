import { getLocale } from '$lib/paraglide/runtime';
import { nameChoiceCounts } from '$lib/server/choice-questions';
import { requireGroup } from '$lib/server/group-access';
import { groupSummary, latestSteps } from '$lib/server/group-view';
import { listPairs } from '$lib/server/pairs';
import { choiceCountsOfPairs } from '$lib/server/project-view';
import { changeDays, listActors } from '$lib/server/partnership-map';
import { listTables } from '$lib/server/tables';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, group, access } = requireGroup(event);
	const actors = listActors(group.id);
	const summary = groupSummary(group, actors);
	// What the group's pairs report doing together and bringing, each question with its n.
	const choices = choiceCountsOfPairs(
		project.id,
		summary.pairs.map((p) => p.pair.id)
	);
	return {
		project,
		group,
		canManage: access !== 'coordinator',
		actors,
		steps: latestSteps(actors.flatMap((a) => (a.pairId === null ? [] : [a.pairId]))),
		pairs: listPairs(project.id).map((p) => ({ id: p.id, name: `${p.municipality.name} – ${p.association.name}` })),
		tables: listTables(project.id).map((t) => ({ id: t.id, name: t.name })),
		mapDate: changeDays(group.id).at(-1) ?? null,
		choices: nameChoiceCounts(choices.counts, getLocale()).map((q) => ({ ...q, answered: choices.answered[q.id] })),
		summary: {
			...summary,
			pairs: summary.pairs.map(({ pair, rounds, latest, still }) => ({
				id: pair.id,
				name: `${pair.municipality.name} – ${pair.association.name}`,
				steps: Object.fromEntries(rounds.map((r) => [r.number, r.step])) as Record<number, number | null>,
				latest,
				still
			}))
		}
	};
};
