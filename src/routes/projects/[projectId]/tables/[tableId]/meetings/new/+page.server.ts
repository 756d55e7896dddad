import { redirect } from '@sveltejs/kit';
import { currentVersion } from '$lib/assessment/versions';
import { findingText } from '$lib/findings-text';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { requireTable } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { meetingSchema, parseActions } from '$lib/server/meeting-form';
import { createMeeting } from '$lib/server/meetings';
import { nextAgenda } from '$lib/server/table-agenda';
import { listMembers } from '$lib/server/tables';
import type { Actions, PageServerLoad } from './$types';

/** One action row per member, at least three: the division of labour is among all at the table. */
const rowsFor = (members: number) => Math.max(3, members);

export const load: PageServerLoad = (event) => {
	const { project, table } = requireTable(event, 'manage');
	const today = new Date().toISOString().slice(0, 10);
	const agenda = nextAgenda(table.id, today, project.minGroupSize, getLocale());
	// The agenda text starts from what the printed agenda holds; the secretary edits it freely.
	const lines = [
		...agenda.carried.map((c) => `${c.action.what} (${c.action.memberName ?? c.action.responsible})`),
		...agenda.pairs.flatMap((p) =>
			p.points
				? [...p.points.discussion.map((f) => findingText(f, p.points!.traitNames)), ...p.points.weakest.map((t) => m.results_discuss_weakest({ trait: p.points!.traitNames[t] }))].map(
						(line) => `${p.municipality} – ${p.association}: ${line}`
					)
				: []
		),
		...agenda.items.map((i) => i.text)
	];
	return {
		project: { id: project.id, name: project.name },
		table: { id: table.id, name: table.name },
		number: agenda.number,
		members: agenda.members,
		agenda: lines.map((line, i) => `${i + 1}. ${line}`).join('\n'),
		today,
		rows: rowsFor(agenda.members.length)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const form = await event.request.formData();
		const parsed = parseForm(meetingSchema, form);
		if (!parsed.ok) return parsed.failure;
		const members = listMembers(table.id);
		const memberIds = new Set(members.map((x) => x.orgId));
		const { chair, secretary } = parsed.data;
		if (chair !== null && !memberIds.has(chair)) return formError({ chair: 'error_pick_member' });
		if (secretary !== null && !memberIds.has(secretary)) return formError({ secretary: 'error_pick_member' });
		const rows = parseActions(form, currentVersion, rowsFor(members.length), memberIds);
		if (!rows.ok) return formError(rows.errors);
		const id = createMeeting(
			table.id,
			{
				heldOn: parsed.data.held_on,
				durationMinutes: parsed.data.duration,
				chairOrgId: chair,
				secretaryOrgId: secretary,
				participants: parsed.data.participants,
				agenda: parsed.data.agenda,
				notes: parsed.data.notes,
				decisions: parsed.data.decisions,
				createdBy: user.id
			},
			rows.actions
		);
		audit(user, 'meeting.create', { type: 'meeting', id, projectId: project.id }, { tableId: table.id, actions: rows.actions.length });
		redirect(303, localizeHref(`/projects/${project.id}/tables/${table.id}/meetings/${id}`));
	}
};
