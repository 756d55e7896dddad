import { redirect } from '@sveltejs/kit';
import { SECTIONS, sectionItems } from '$lib/assessment/sections';
import { localizeHref } from '$lib/paraglide/runtime';
import { redirectIfSubmitted, requireResponse } from '$lib/server/respondent';
import { getAnswers } from '$lib/server/responses';
import type { PageServerLoad } from './$types';

/** A resume link continues at the first page with unanswered questions, or at the review. */
export const load: PageServerLoad = (event) => {
	const context = requireResponse(event);
	redirectIfSubmitted(context);
	const answers = getAnswers(context.response.id);
	const first = SECTIONS.find((s) =>
		sectionItems(context.version, s).some((i) => (i.kind === 'agreement' || i.kind === 'step') && answers[i.id] === undefined)
	);
	redirect(303, localizeHref(`/r/${context.response.resumeToken}/${first ?? 'review'}`));
};
