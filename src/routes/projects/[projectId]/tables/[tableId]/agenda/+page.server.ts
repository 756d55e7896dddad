import { getLocale } from '$lib/paraglide/runtime';
import { requireTable } from '$lib/server/access';
import { nextAgenda } from '$lib/server/table-agenda';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The next meeting's agenda, for the day in `?on=` (today when not given). Coordinators print it too. */
export const load: PageServerLoad = (event) => {
	const { project, table } = requireTable(event);
	const asked = event.url.searchParams.get('on') ?? '';
	const valid = DATE.test(asked) && !Number.isNaN(Date.parse(asked));
	const heldOn = valid ? asked : new Date().toISOString().slice(0, 10);
	const convener = table.convenerOrgId;
	const agenda = nextAgenda(table.id, heldOn, getLocale());
	return {
		project: { id: project.id, name: project.name },
		table: { id: table.id, name: table.name, theme: table.theme, area: table.area },
		convener: agenda.members.find((x) => x.orgId === convener)?.name ?? null,
		agenda,
		dateError: asked !== '' && !valid
	};
};
