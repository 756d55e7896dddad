import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRound } from '$lib/server/access';
import { sideInvitations } from '$lib/server/round-invitations';
import { isOpen } from '$lib/server/rounds';
import { sideSchema } from '$lib/server/validation';
import type { PageServerLoad } from './$types';

/** One side's invitation on one A4 sheet: the message and a QR code of the link, in the page's language. */
export const load: PageServerLoad = async (event) => {
	const { user, project, pair, round } = requireRound(event, 'manage');
	const side = sideSchema.safeParse({ side: event.params.side });
	if (!side.success || !isOpen(round)) error(404, 'Not found');
	const invitations = await sideInvitations(
		{ project, pair, round, minGroupSize: round.minGroupSize, sender: user.name, origin: event.url.origin },
		getLocale()
	);
	const invitation = invitations.find((i) => i.side === side.data.side);
	if (!invitation) error(404, 'Not found');
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: { id: round.id, number: round.number },
		invitation
	};
};
