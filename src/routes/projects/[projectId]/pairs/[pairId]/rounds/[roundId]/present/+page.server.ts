import { getVersion } from '$lib/assessment/versions';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRound } from '$lib/server/access';
import { pairSummary } from '$lib/server/pair-summary';
import { closeConfirmed } from '$lib/server/round-actions';
import { sideInvitations } from '$lib/server/round-invitations';
import { isOpen, responseCounts } from '$lib/server/rounds';
import type { Actions, PageServerLoad } from './$types';

/**
 * The round on a projector at the table: while it is open, both sides' QR codes and how many
 * have answered; once closed, the pair's results of this round.
 */
export const load: PageServerLoad = async (event) => {
	const { user, project, pair, round } = requireRound(event, 'manage');
	const open = isOpen(round);
	const minGroupSize = round.minGroupSize;
	const summary = open ? null : pairSummary(pair.id, getLocale(), round.number);
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: { id: round.id, number: round.number, open },
		minGroupSize,
		counts: responseCounts(round.id),
		invitations: open
			? (await sideInvitations({ project, pair, round, minGroupSize, sender: user.name, origin: event.url.origin }, getLocale())).map(
					({ side, link, qr }) => ({ side, link, qr })
				)
			: [],
		summary: summary?.chosen?.number === round.number ? summary : null,
		// The stairs picture with the pair's step marked, when the pair's number may be shown.
		steps: getVersion(round.questionnaireVersion)?.steps ?? [],
		pairStep: summary?.chosen?.number === round.number ? (summary.chosen.result?.pair?.evidence.step ?? null) : null
	};
};

export const actions: Actions = {
	close: closeConfirmed
};
