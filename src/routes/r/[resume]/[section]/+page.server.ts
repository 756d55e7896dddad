import { error, redirect } from '@sveltejs/kit';
import { isSection, SECTIONS, sectionItems, type Section } from '$lib/assessment/sections';
import type { Locale } from '$lib/assessment/types';
import { getLocale, localizeHref, locales } from '$lib/paraglide/runtime';
import { batchedWrite } from '$lib/server/db';
import { formError } from '$lib/server/forms';
import { parseSectionForm } from '$lib/server/questionnaire-form';
import { redirectIfSubmitted, requireResponse } from '$lib/server/respondent';
import { getAnswers, saveAnswers } from '$lib/server/responses';
import { questionnairePage, questionnaireTexts, translatedErrors as translated } from './page-model';
import type { Actions, PageServerLoad } from './$types';

function sectionParam(value: string): Section {
	if (!isSection(value)) error(404, 'Not found');
	return value;
}

// Server HTML only: hydrating the page's some 170 inputs was one long task on a slow phone.
// questionnaire.js (loaded by the page) keeps the count and the autosave.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const context = requireResponse(event);
	redirectIfSubmitted(context);
	const section = sectionParam(event.params.section);
	const locale = getLocale();
	const page = questionnairePage(context, section, getAnswers(context.response.id), locale);
	return { ...page, texts: questionnaireTexts(locale, page.index, page.sections.length, page.own.kind) };
};


/** Where the respondent's button leads after the page is saved. */
function destination(nav: string, section: Section, token: string): string | null {
	const index = SECTIONS.indexOf(section);
	if (nav === 'autosave') return null;
	if (nav === 'prev') return localizeHref(`/r/${token}/${SECTIONS[Math.max(0, index - 1)]}`);
	if (nav.startsWith('section:') && isSection(nav.slice(8))) return localizeHref(`/r/${token}/${nav.slice(8)}`);
	if (nav === 'review') return localizeHref(`/r/${token}/review`);
	if (nav.startsWith('lang:') && (locales as readonly string[]).includes(nav.slice(5)))
		return localizeHref(`/r/${token}/${section}`, { locale: nav.slice(5) as Locale });
	const next = SECTIONS[index + 1];
	return localizeHref(next ? `/r/${token}/${next}` : `/r/${token}/review`);
}

export const actions: Actions = {
	default: async (event) => {
		const context = requireResponse(event);
		redirectIfSubmitted(context);
		const section = sectionParam(event.params.section);
		const form = await event.request.formData();
		const parsed = parseSectionForm(context.version, section, form);
		if (!parsed.ok) return formError(translated(parsed.errors), {}, 400);
		const nav = String(form.get('nav') ?? 'next');
		const lang = nav.startsWith('lang:') ? nav.slice(5) : getLocale();
		const changes = {
			set: parsed.set,
			clear: parsed.clear,
			language: (locales as readonly string[]).includes(lang) ? (lang as Locale) : undefined,
			role: context.round.asksRole && parsed.role !== undefined ? parsed.role || null : undefined
		};
		const outcome = await batchedWrite(() => saveAnswers(context.response.id, context.round, changes));
		if (outcome === 'submitted') redirectIfSubmitted({ ...context, response: { ...context.response, status: 'submitted' } });
		if (outcome === 'closed') return formError(translated({ form: 'respond_closed_kept' }), {}, 409);
		const to = destination(nav, section, context.response.resumeToken);
		if (to) redirect(303, to);
		return { saved: new Date().toISOString(), items: sectionItems(context.version, section).length };
	}
};
