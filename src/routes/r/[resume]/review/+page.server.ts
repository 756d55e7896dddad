import { redirect } from '@sveltejs/kit';
import { scorable } from '$lib/assessment/answers';
import { SECTIONS } from '$lib/assessment/sections';
import { getVersion } from '$lib/assessment/versions';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { formError } from '$lib/server/forms';
import { redirectIfSubmitted, requireResponse } from '$lib/server/respondent';
import { getAnswers, submitResponse } from '$lib/server/responses';
import { questionnairePage } from '../[section]/page-model';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const context = requireResponse(event);
	redirectIfSubmitted(context);
	const answers = getAnswers(context.response.id);
	const pages = SECTIONS.map((s) => questionnairePage(context, s, answers, getLocale()));
	// Who counts: the page says what is still needed before the response can be submitted.
	const enough = scorable(getVersion(context.round.questionnaireVersion)!, answers);
	return {
		pages: pages.map((p) => ({ section: p.section, title: p.title, questions: p.questions })),
		scale: pages[0].scale,
		cantSay: pages[0].cantSay,
		steps: pages[0].steps,
		unanswered: pages.flatMap((p) => p.questions).filter((q) => (q.kind === 'agreement' || q.kind === 'step') && q.value === null).length,
		open: context.open,
		enough: {
			ok: enough.ok,
			traits: { answered: enough.traits.answered, needed: enough.traits.needed, total: enough.traits.answered + enough.traits.unanswered.length },
			practice: { answered: enough.practice.answered, needed: enough.practice.needed, total: enough.practice.answered + enough.practice.unanswered.length }
		},
		resumeToken: context.response.resumeToken,
		pair: context.pair
	};
};

export const actions: Actions = {
	submit: (event) => {
		const context = requireResponse(event);
		const outcome = submitResponse(context.response.id, context.round);
		if (outcome === 'closed') return formError({ form: 'respond_closed_kept' }, {}, 409);
		if (outcome === 'incomplete') return formError({ form: 'error_not_enough_answered' }, {}, 400);
		// 'already' (double click, second tab, back button) lands on the same thank-you page.
		redirect(303, localizeHref(`/r/${context.response.resumeToken}/done`));
	}
};
