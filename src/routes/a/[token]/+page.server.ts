import { error, redirect, type Cookies } from '@sveltejs/kit';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { lookupLink } from '$lib/server/auth/link-guard';
import { batchedWrite } from '$lib/server/db';
import { formError } from '$lib/server/forms';
import { pairSummary } from '$lib/server/pair-summary';
import { RESUME_COOKIE, rememberResponse } from '$lib/server/respondent';
import { getResponseByResume, startResponse } from '$lib/server/responses';
import { invitationByToken, isOpen, isReplacedInvitation, type InvitationContext } from '$lib/server/rounds';
import { startWithinLimit } from '$lib/server/start-limit';
import type { Actions, PageServerLoad } from './$types';

/** The invitation behind the link; a replaced link is gone (410), anything else unknown (404). */
function requireInvitation(address: string, token: string): InvitationContext {
	const invitation = lookupLink(address, token, (t) => invitationByToken(t));
	if (invitation) return invitation;
	if (isReplacedInvitation(token)) error(410, 'This link is no longer in use');
	error(404, 'Not found');
}

/** The response this device started on this link, if any. */
function ownResponse(cookies: Cookies, invitation: InvitationContext) {
	const remembered = cookies.get(RESUME_COOKIE);
	const own = remembered ? getResponseByResume(remembered) : undefined;
	return own && own.roundId === invitation.round.id && own.side === invitation.side ? own : undefined;
}

export const load: PageServerLoad = ({ params, cookies, getClientAddress }) => {
	const invitation = requireInvitation(getClientAddress(), params.token);
	const mine = ownResponse(cookies, invitation);
	const open = isOpen(invitation.round);
	const minGroupSize = invitation.round.minGroupSize;
	// After the round, the side's link shows the pair's summary of that round: sides only, never a person.
	const summary = open ? null : pairSummary(invitation.pair.id, getLocale(), invitation.round.number);
	return {
		summary: summary?.chosen?.number === invitation.round.number ? summary : null,
		side: invitation.side,
		pair: invitation.pair,
		project: { name: invitation.project.name, minGroupSize },
		round: { number: invitation.round.number, closesAt: invitation.round.closesAt, openResults: invitation.round.openResults },
		open,
		// Only whether this device holds a draft: the draft itself opens after the visitor says it is theirs.
		existing: mine ? mine.status : null
	};
};

export const actions: Actions = {
	start: async ({ params, cookies, url, getClientAddress }) => {
		const invitation = requireInvitation(getClientAddress(), params.token);
		if (!isOpen(invitation.round)) return formError({ form: 'respond_round_closed' }, {}, 409);
		const language = getLocale();
		const allowed = await batchedWrite(() =>
			startWithinLimit(invitation.invitationId, getClientAddress(), () => startResponse({ roundId: invitation.round.id, side: invitation.side, language }))
		);
		if (!allowed.ok) return formError({ form: 'respond_start_limited' }, {}, 429, { minutes: allowed.minutes });
		const token = allowed.started;
		rememberResponse(cookies, url, token);
		redirect(303, localizeHref(`/r/${token}/traits`));
	},
	continue: ({ params, cookies, getClientAddress }) => {
		const invitation = requireInvitation(getClientAddress(), params.token);
		const mine = ownResponse(cookies, invitation);
		if (!mine) redirect(303, localizeHref(`/a/${params.token}`));
		redirect(303, localizeHref(`/r/${mine.resumeToken}`));
	}
};
