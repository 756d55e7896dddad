import { error } from '@sveltejs/kit';
import { currentVersion } from '$lib/assessment/versions';
import { membersWithoutTask } from '$lib/assessment/table';
import { idParam, requireTable } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError } from '$lib/server/forms';
import { parseActions, parseStatuses } from '$lib/server/meeting-form';
import { addAction, getMeeting, meetingActions, setActionStatuses } from '$lib/server/meetings';
import { listMembers } from '$lib/server/tables';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireMeeting(event: RequestEvent | Parameters<PageServerLoad>[0], need: 'read' | 'manage') {
	const context = requireTable(event, need);
	const meeting = getMeeting(context.table.id, idParam(event.params.meetingId));
	if (!meeting) error(404, 'Not found');
	return { ...context, meeting };
}

export const load: PageServerLoad = (event) => {
	const { project, table, meeting, access } = requireMeeting(event, 'read');
	const members = listMembers(table.id);
	const actions = meetingActions(meeting.id);
	const name = (id: number | null) => members.find((x) => x.orgId === id)?.name ?? null;
	return {
		project: { id: project.id, name: project.name },
		table: { id: table.id, name: table.name },
		meeting: { ...meeting, chair: name(meeting.chairOrgId), secretary: name(meeting.secretaryOrgId) },
		actions,
		members,
		// Whom this meeting gave no task: asked first next time.
		withoutTask: membersWithoutTask(members, actions).map((x) => x.name),
		canManage: access !== 'coordinator'
	};
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
		const { user, project, table, meeting } = requireMeeting(event, 'manage');
		const memberIds = new Set(listMembers(table.id).map((x) => x.orgId));
		const rows = parseActions(await event.request.formData(), currentVersion, 1, memberIds);
		if (!rows.ok) return formError(rows.errors);
		if (rows.actions.length === 0) return formError({ action_what_0: 'error_required' });
		const id = addAction(meeting.id, rows.actions[0]);
		audit(user, 'action.create', { type: 'action', id, projectId: project.id }, { meetingId: meeting.id });
		return { done: 'added' };
	}
};
