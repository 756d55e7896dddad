import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '$lib/assessment/types';
import { getLocale, isLocale, localizeHref } from '$lib/paraglide/runtime';
import { requireRound } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import {
	isOpen,
	replaceInvitation,
	responseCounts,
	startsFarExceedSubmits
} from '$lib/server/rounds';
import { closeConfirmed } from '$lib/server/round-actions';
import { sideInvitations } from '$lib/server/round-invitations';
import { startResponse } from '$lib/server/responses';
import { paperEntrySchema, sideSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, project, pair, round, access } = requireRound(event);
	const canManage = access !== 'coordinator';
	const open = isOpen(round);
	const counts = responseCounts(round.id);
	// The round's own promise, fixed when it opened.
	const minGroupSize = round.minGroupSize;
	// The invitation may go out in another language than the worker's own.
	const asked = event.url.searchParams.get('message');
	const messageLocale: Locale = isLocale(asked) ? asked : getLocale();
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: { ...round, open },
		canManage,
		// Links are bearer secrets: only those who manage the round see them.
		invitations:
			canManage && open
				? await sideInvitations({ project, pair, round, minGroupSize, sender: user.name, origin: event.url.origin }, messageLocale)
				: null,
		messageLocale,
		counts,
		suspicious: (['municipality', 'association'] as const).filter((side) => startsFarExceedSubmits(counts[side])),
		minGroupSize
	};
};

// A destructive action runs only with `confirm=yes`; without it the page asks first, JavaScript or not.
const replaceSchema = sideSchema.extend({ confirm: z.literal('yes').optional() });

export const actions: Actions = {
	close: closeConfirmed,
	/** A worker keys in a paper form through the respondents' own pages, so the same validation holds. */
	enterPaper: async (event) => {
		const { user, project, round } = requireRound(event, 'manage');
		const parsed = parseForm(paperEntrySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!isOpen(round)) return formError({ form: 'error_round_closed' }, {}, 409);
		const { side, language } = parsed.data;
		const token = startResponse({ roundId: round.id, side, language, enteredOnPaper: true });
		audit(user, 'response.paper_entry', { type: 'round', id: round.id, projectId: project.id }, { side, language });
		redirect(303, localizeHref(`/r/${token}/traits`, { locale: language }));
	},
	replaceLink: async (event) => {
		const { user, project, round } = requireRound(event, 'manage');
		const parsed = parseForm(replaceSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!isOpen(round)) return formError({ form: 'error_round_closed' }, {}, 409);
		if (!parsed.data.confirm) return { ask: 'replace' as const, side: parsed.data.side };
		replaceInvitation(round.id, parsed.data.side);
		audit(user, 'invitation.replace', { type: 'round', id: round.id, projectId: project.id }, { side: parsed.data.side });
		return { done: 'replaced', side: parsed.data.side };
	}
};
