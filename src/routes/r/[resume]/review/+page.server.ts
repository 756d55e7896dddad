import { redirect } from '@sveltejs/kit';
import { scorable } from '$lib/assessment/answers';
import { SECTIONS } from '$lib/assessment/sections';
import { getVersion } from '$lib/assessment/versions';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { batchedWrite } from '$lib/server/db';
import { formError } from '$lib/server/forms';
import { redirectIfSubmitted, requireResponse } from '$lib/server/respondent';
import { getAnswers, submitResponse } from '$lib/server/responses';
import { questionnairePage, translatedErrors } from '../[section]/page-model';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const context = requireResponse(event);
	redirectIfSubmitted(context);
	const answers = getAnswers(context.response.id);
	const pages = SECTIONS.map((s) => questionnairePage(context, s, answers, getLocale()));
	// Who counts: the page says what is still needed before the response can be submitted.
	const enough = scorable(getVersion(context.round.questionnaireVersion)!, answers);
	const unanswered = pages.flatMap((p) => p.questions).filter((q) => (q.kind === 'agreement' || q.kind === 'step') && q.value === null).length;
	const short = (e: typeof enough.traits) => {
		const total = e.answered + e.unanswered.length;
		return { answered: e.answered, needed: e.needed, total, text: m.review_not_enough_page({ answered: e.answered, total, needed: e.needed }) };
	};
	return {
		// The page's words in the respondent's language, as data: its JavaScript carries no messages (see questionnaireTexts).
		texts: {
			title: m.respond_title(),
			review: m.respond_review(),
			intro: m.review_intro(),
			unanswered: m.review_unanswered(),
			none: m.review_none(),
			submitTitle: m.review_submit_title(),
			notEnough: m.review_not_enough(),
			unansweredCount: m.review_unanswered_count({ count: unanswered }),
			submitText: m.review_submit_text(),
			submit: m.review_submit(),
			closedKept: m.respond_closed_kept()
		},
		pages: pages.map((p) => ({ section: p.section, title: p.title, edit: m.review_edit({ section: p.title }), questions: p.questions })),
		scale: pages[0].scale,
		cantSay: pages[0].cantSay,
		steps: pages[0].steps,
		unanswered,
		open: context.open,
		enough: {
			ok: enough.ok,
			traits: short(enough.traits),
			practice: short(enough.practice)
		},
		resumeToken: context.response.resumeToken,
		pair: context.pair
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const context = requireResponse(event);
		const outcome = await batchedWrite(() => submitResponse(context.response.id, context.round));
		if (outcome === 'closed') return formError(translatedErrors({ form: 'respond_closed_kept' }), {}, 409);
		if (outcome === 'incomplete') return formError(translatedErrors({ form: 'error_not_enough_answered' }), {}, 400);
		// 'already' (double click, second tab, back button) lands on the same thank-you page.
		redirect(303, localizeHref(`/r/${context.response.resumeToken}/done`));
	}
};
