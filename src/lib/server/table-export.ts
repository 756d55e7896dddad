import type { Table } from './export.ts';
import { meetingActions, type Meeting } from './meetings.ts';
import { listMembers, type PartnershipTable } from './tables.ts';

/**
 * A meeting's minutes as one row per agreed action, each with the meeting's facts, so that a
 * spreadsheet of several meetings can be put together by pasting. A meeting without actions
 * gives one row with the action columns empty.
 */
export function minutesTable(table: Pick<PartnershipTable, 'id' | 'name'>, meeting: Meeting): Table {
	const members = new Map(listMembers(table.id).map((m) => [m.orgId, m.name]));
	const name = (id: number | null) => (id === null ? null : (members.get(id) ?? null));
	const facts = [
		table.name, meeting.number, meeting.heldOn, meeting.durationMinutes, name(meeting.chairOrgId), name(meeting.secretaryOrgId),
		meeting.participants, meeting.decisions
	];
	const actions = meetingActions(meeting.id);
	return {
		columns: [
			'table', 'meeting_number', 'held_on', 'duration_minutes', 'chair', 'secretary', 'participants', 'decisions',
			'action_id', 'what', 'member', 'note', 'due_on', 'target_trait', 'target_step', 'status'
		],
		rows:
			actions.length === 0
				? [[...facts, null, null, null, null, null, null, null, null]]
				: actions.map((a) => [...facts, a.id, a.what, a.memberName, a.note, a.dueOn, a.targetTrait, a.targetStep, a.status])
	};
}
