import { error } from '@sveltejs/kit';
import { currentVersion } from '$lib/assessment/versions';
import { idParam, requirePair } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError } from '$lib/server/forms';
import { parseActions, parseStatuses } from '$lib/server/meeting-form';
import { addAction, getMeeting, meetingActions, setActionStatuses } from '$lib/server/meetings';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireMeeting(event: RequestEvent | Parameters<PageServerLoad>[0], need: 'read' | 'manage') {
	const context = requirePair(event, need);
	const meeting = getMeeting(context.pair.id, idParam(event.params.meetingId));
	if (!meeting) error(404, 'Not found');
	return { ...context, meeting };
}

export const load: PageServerLoad = (event) => {
	const { project, pair, meeting, access } = requireMeeting(event, 'read');
	return { project: { id: project.id, name: project.name }, pair, meeting, actions: meetingActions(meeting.id), canManage: access !== 'coordinator' };
};

export const actions: Actions = {
	statuses: async (event) => {
		const { user, project, meeting } = requireMeeting(event, 'manage');
		const statuses = parseStatuses(await event.request.formData());
		if (!statuses) return formError({ form: 'error_answer_invalid' });
		const changed = setActionStatuses(meeting.id, statuses);
		audit(user, 'actions.status', { type: 'meeting', id: meeting.id, projectId: project.id }, { changed });
		return { done: 'statuses' };
	},
	addAction: async (event) => {
		const { user, project, meeting } = requireMeeting(event, 'manage');
		const rows = parseActions(await event.request.formData(), currentVersion, 1);
		if (!rows.ok) return formError(rows.errors);
		if (rows.actions.length === 0) return formError({ action_what_0: 'error_required' });
		const id = addAction(meeting.id, rows.actions[0]);
		audit(user, 'action.create', { type: 'action', id, projectId: project.id }, { meetingId: meeting.id });
		return { done: 'added' };
	}
};
