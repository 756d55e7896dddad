import { error } from '@sveltejs/kit';
import { paperForm } from '$lib/assessment/paper';
import { getVersion } from '$lib/assessment/versions';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRound } from '$lib/server/access';
import { sideSchema } from '$lib/server/validation';
import type { PageServerLoad } from './$types';

/** A blank paper questionnaire for one side in the page's language, from the round's own questionnaire version. */
export const load: PageServerLoad = (event) => {
	const { project, pair, round } = requireRound(event);
	const side = sideSchema.safeParse({ side: event.params.side });
	const version = getVersion(round.questionnaireVersion);
	if (!side.success || !version) error(404, 'Not found');
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: { id: round.id, number: round.number, asksRole: round.asksRole },
		side: side.data.side,
		form: paperForm(version, getLocale())
	};
};
