import { error, redirect } from '@sveltejs/kit';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { lookupLink } from '$lib/server/auth/link-guard';
import { pairSummary } from '$lib/server/pair-summary';
import { RESUME_COOKIE, rememberResponse } from '$lib/server/respondent';
import { getResponseByResume, startResponse } from '$lib/server/responses';
import { invitationByToken, isOpen } from '$lib/server/rounds';
import { formError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies, getClientAddress }) => {
	const invitation = lookupLink(getClientAddress(), params.token, (t) => invitationByToken(t));
	if (!invitation) error(404, 'Not found');
	const remembered = cookies.get(RESUME_COOKIE);
	const own = remembered ? getResponseByResume(remembered) : undefined;
	const mine = own && own.roundId === invitation.round.id && own.side === invitation.side ? own : undefined;
	const open = isOpen(invitation.round);
	// After the round, the side's link shows the pair's summary of that round: sides only, never a person.
	const summary = open ? null : pairSummary(invitation.pair.id, getLocale(), invitation.round.number);
	return {
		summary: summary?.chosen?.number === invitation.round.number ? summary : null,
		side: invitation.side,
		pair: invitation.pair,
		project: { name: invitation.project.name, minGroupSize: invitation.project.minGroupSize },
		round: { number: invitation.round.number, closesAt: invitation.round.closesAt, openResults: invitation.round.openResults },
		open,
		existing: mine ? { token: mine.resumeToken, status: mine.status } : null
	};
};

export const actions: Actions = {
	start: ({ params, cookies, url, getClientAddress }) => {
		const invitation = lookupLink(getClientAddress(), params.token, (t) => invitationByToken(t));
		if (!invitation) error(404, 'Not found');
		if (!isOpen(invitation.round)) return formError({ form: 'respond_round_closed' }, {}, 409);
		const token = startResponse({ roundId: invitation.round.id, side: invitation.side, language: getLocale() });
		rememberResponse(cookies, url, token);
		redirect(303, localizeHref(`/r/${token}/traits`));
	}
};
