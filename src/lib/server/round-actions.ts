import type { RequestEvent } from '@sveltejs/kit';
import { requireRound } from './access.ts';
import { audit } from './audit.ts';
import { formError } from './forms.ts';
import { closeRound, isOpen } from './rounds.ts';

/**
 * Closes a round when the form says `confirm=yes`; otherwise only asks, so the page can show what
 * will happen and a second button. Shared by the round page and the projector view.
 */
export async function closeConfirmed(event: Pick<RequestEvent, 'locals' | 'url' | 'params' | 'request'>) {
	const { user, project, round } = requireRound(event, 'manage');
	if (!isOpen(round)) return formError({ form: 'error_round_closed' }, {}, 409);
	if ((await event.request.formData()).get('confirm') !== 'yes') return { ask: 'close' as const };
	closeRound(round.id);
	audit(user, 'round.close', { type: 'round', id: round.id, projectId: project.id });
	return { done: 'closed' as const };
}
