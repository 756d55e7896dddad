import { redirect } from '@sveltejs/kit';
import { currentVersion } from '$lib/assessment/versions';
import { discussionText } from '$lib/findings-text';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { requirePair } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { ACTION_ROWS, meetingSchema, parseActions } from '$lib/server/meeting-form';
import { createMeeting } from '$lib/server/meetings';
import { pairSummary } from '$lib/server/pair-summary';
import { latestClosedRound } from '$lib/server/results';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, pair } = requirePair(event, 'manage');
	const summary = pairSummary(pair.id, getLocale(), latestClosedRound(pair.id)?.round.number);
	const c = summary.chosen && 'discussion' in summary.chosen ? summary.chosen : null;
	const sides = { municipality: pair.municipality.name, association: pair.association.name };
	// The agenda starts from the latest closed round's discussion points; the secretary edits it freely.
	const points = c ? c.discussion.map((p) => discussionText(p, c.traitNames, sides)) : [];
	return {
		project: { id: project.id, name: project.name },
		pair,
		round: c ? { number: c.number } : null,
		agenda: points.map((p, i) => `${i + 1}. ${p}`).join('\n'),
		today: new Date().toISOString().slice(0, 10),
		rows: ACTION_ROWS
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, project, pair } = requirePair(event, 'manage');
		const form = await event.request.formData();
		const parsed = parseForm(meetingSchema, form);
		if (!parsed.ok) return parsed.failure;
		const rows = parseActions(form, currentVersion, ACTION_ROWS);
		if (!rows.ok) return formError(rows.errors);
		// The meeting starts from the latest results: actions are later judged against them.
		const roundId = latestClosedRound(pair.id)?.round.id ?? null;
		const id = createMeeting(
			{
				pairId: pair.id,
				roundId,
				heldOn: parsed.data.held_on,
				participants: parsed.data.participants,
				agenda: parsed.data.agenda,
				notes: parsed.data.notes,
				createdBy: user.id
			},
			rows.actions
		);
		audit(user, 'meeting.create', { type: 'meeting', id, projectId: project.id }, { pairId: pair.id, actions: rows.actions.length });
		redirect(303, localizeHref(`/projects/${project.id}/pairs/${pair.id}/meetings/${id}`));
	}
};
