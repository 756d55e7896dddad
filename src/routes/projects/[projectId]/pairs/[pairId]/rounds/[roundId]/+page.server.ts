import { requireRound } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { closeRound, invitationTokens, isOpen, replaceInvitation, responseCounts } from '$lib/server/rounds';
import { sideSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, pair, round, access } = requireRound(event);
	const canManage = access !== 'coordinator';
	const open = isOpen(round);
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: { ...round, open },
		canManage,
		// Links are bearer secrets: only those who manage the round see them.
		links: canManage && open ? invitationTokens(round.id) : null,
		counts: responseCounts(round.id)
	};
};

export const actions: Actions = {
	close: (event) => {
		const { user, project, round } = requireRound(event, 'manage');
		closeRound(round.id);
		audit(user, 'round.close', { type: 'round', id: round.id, projectId: project.id });
		return { done: 'closed' };
	},
	replaceLink: async (event) => {
		const { user, project, round } = requireRound(event, 'manage');
		const parsed = parseForm(sideSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!isOpen(round)) return formError({ form: 'error_round_closed' }, {}, 409);
		replaceInvitation(round.id, parsed.data.side);
		audit(user, 'invitation.replace', { type: 'round', id: round.id, projectId: project.id }, { side: parsed.data.side });
		return { done: 'replaced', side: parsed.data.side };
	}
};
