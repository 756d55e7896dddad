import type { TraitId } from '../assessment/types.ts';
import { prepared, writeTransaction } from './db.ts';
import { nowIso } from './tokens.ts';

export const ACTION_STATUSES = ['agreed', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A meeting of a partnership table, numbered in the table's series. */
export interface Meeting {
	id: number;
	tableId: number;
	number: number;
	heldOn: string;
	durationMinutes: number | null;
	chairOrgId: number | null;
	secretaryOrgId: number | null;
	participants: string;
	agenda: string;
	notes: string;
	decisions: string;
}

export interface Action {
	id: number;
	meetingId: number;
	meetingNumber: number;
	/** The round of the pair's results the meeting started from (for `pairActions`; null elsewhere). */
	meetingRoundId: number | null;
	heldOn: string;
	what: string;
	memberOrgId: number | null;
	memberName: string | null;
	/** A note on who within the member, or free text kept from before tables. */
	note: string;
	/** Who is responsible, as shown: the member organisation and the note. */
	responsible: string;
	resources: string[];
	dueOn: string | null;
	targetTrait: TraitId | null;
	targetStep: number | null;
	status: ActionStatus;
	statusChangedAt: string;
}

export interface ActionInput {
	what: string;
	memberOrgId: number | null;
	note: string;
	resources: string[];
	dueOn: string | null;
	targetTrait: TraitId | null;
	targetStep: number | null;
}

export type MeetingInput = Omit<Meeting, 'id' | 'tableId' | 'number'>;

const meetingColumns = `id, table_id AS tableId, number, held_on AS heldOn, duration_minutes AS durationMinutes, chair_org_id AS chairOrgId,
	secretary_org_id AS secretaryOrgId, participants, agenda, notes, decisions`;

export function listMeetings(tableId: number): (Meeting & { actions: number })[] {
	return prepared(
		`SELECT ${meetingColumns}, (SELECT count(*) FROM table_actions a WHERE a.meeting_id = table_meetings.id) AS actions
		 FROM table_meetings WHERE table_id = ? ORDER BY number DESC`
	).all(tableId) as (Meeting & { actions: number })[];
}

/** A meeting of this table; another table's meeting id gives undefined. */
export function getMeeting(tableId: number, id: number): Meeting | undefined {
	return prepared(`SELECT ${meetingColumns} FROM table_meetings WHERE id = ? AND table_id = ?`).get(id, tableId) as Meeting | undefined;
}

/** The table's latest meeting, or undefined before the first. */
export function latestMeeting(tableId: number): Meeting | undefined {
	return prepared(`SELECT ${meetingColumns} FROM table_meetings WHERE table_id = ? ORDER BY number DESC LIMIT 1`).get(tableId) as
		| Meeting
		| undefined;
}

/**
 * Records the table's next meeting with the actions it agreed, in one transaction: it takes the
 * next number in the series and takes up the accepted agenda items still waiting.
 */
export function createMeeting(tableId: number, input: MeetingInput & { createdBy: number | null }, actions: readonly ActionInput[]): number {
	return writeTransaction(() => {
		const number = prepared('SELECT coalesce(max(number), 0) + 1 FROM table_meetings WHERE table_id = ?').pluck().get(tableId) as number;
		const id = Number(
			prepared(
				`INSERT INTO table_meetings (table_id, number, held_on, duration_minutes, chair_org_id, secretary_org_id, participants, agenda, notes, decisions, created_by)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			).run(tableId, number, input.heldOn, input.durationMinutes, input.chairOrgId, input.secretaryOrgId, input.participants, input.agenda,
				input.notes, input.decisions, input.createdBy).lastInsertRowid
		);
		prepared("UPDATE agenda_items SET meeting_id = ? WHERE table_id = ? AND status = 'accepted' AND meeting_id IS NULL").run(id, tableId);
		for (const a of actions) addAction(id, a);
		return id;
	});
}

export function updateMeeting(tableId: number, id: number, input: MeetingInput): void {
	prepared(
		`UPDATE table_meetings SET held_on = ?, duration_minutes = ?, chair_org_id = ?, secretary_org_id = ?, participants = ?, agenda = ?, notes = ?, decisions = ?
		 WHERE id = ? AND table_id = ?`
	).run(input.heldOn, input.durationMinutes, input.chairOrgId, input.secretaryOrgId, input.participants, input.agenda, input.notes,
		input.decisions, id, tableId);
}

export function addAction(meetingId: number, a: ActionInput): number {
	return Number(
		prepared(
			'INSERT INTO table_actions (meeting_id, what, member_org_id, responsible, resources, due_on, target_trait, target_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
		).run(meetingId, a.what, a.memberOrgId, a.note, JSON.stringify(a.resources), a.dueOn, a.targetTrait, a.targetStep).lastInsertRowid
	);
}

/** Sets statuses of this meeting's actions; ids of other meetings' actions change nothing. Returns how many changed. */
export function setActionStatuses(meetingId: number, statuses: ReadonlyMap<number, ActionStatus>, now = Date.now()): number {
	return writeTransaction(() => {
		const update = prepared('UPDATE table_actions SET status = ?, status_changed_at = ? WHERE id = ? AND meeting_id = ? AND status <> ?');
		let changed = 0;
		for (const [id, status] of statuses) changed += update.run(status, nowIso(now), id, meetingId, status).changes;
		return changed;
	});
}

interface ActionRow extends Omit<Action, 'resources'> {
	resources: string;
}

const actionColumns = `a.id, a.meeting_id AS meetingId, m.number AS meetingNumber, m.held_on AS heldOn, a.what, a.member_org_id AS memberOrgId,
	o.name AS memberName, a.responsible AS note,
	CASE WHEN o.name IS NULL THEN a.responsible WHEN a.responsible = '' THEN o.name ELSE o.name || ' – ' || a.responsible END AS responsible,
	a.resources, a.due_on AS dueOn, a.target_trait AS targetTrait, a.target_step AS targetStep, a.status, a.status_changed_at AS statusChangedAt`;
const actionFrom = `FROM table_actions a JOIN table_meetings m ON m.id = a.meeting_id LEFT JOIN organisations o ON o.id = a.member_org_id`;

const toAction = (r: ActionRow): Action => ({ ...r, resources: JSON.parse(r.resources) as string[] });

export function meetingActions(meetingId: number): Action[] {
	return (prepared(`SELECT ${actionColumns}, NULL AS meetingRoundId ${actionFrom} WHERE a.meeting_id = ? ORDER BY a.id`).all(meetingId) as ActionRow[]).map(
		toAction
	);
}

/** Every action of a table, oldest meeting first. */
export function tableActions(tableId: number): Action[] {
	return (
		prepared(`SELECT ${actionColumns}, NULL AS meetingRoundId ${actionFrom} WHERE m.table_id = ? ORDER BY m.number, a.id`).all(tableId) as ActionRow[]
	).map(toAction);
}

/** Every action of the tables the pair sits at, newest meeting first, with the pair's round each meeting started from. */
export function pairActions(pairId: number): Action[] {
	return (
		prepared(
			`SELECT ${actionColumns}, pa.meeting_round_id AS meetingRoundId
			 ${actionFrom} JOIN pair_actions pa ON pa.action_id = a.id AND pa.pair_id = ?
			 ORDER BY m.held_on DESC, m.number DESC, a.id`
		).all(pairId) as ActionRow[]
	).map(toAction);
}

/** Open and done action counts per pair of a project (over the tables each pair sits at), for the project view. */
export function actionCounts(projectId: number): Map<number, { open: number; done: number }> {
	const rows = prepared(
		`SELECT pa.pair_id AS pairId, sum(a.status IN ('agreed', 'in_progress')) AS open, sum(a.status = 'done') AS done
		 FROM pair_actions pa JOIN table_actions a ON a.id = pa.action_id JOIN pairs p ON p.id = pa.pair_id
		 WHERE p.project_id = ? GROUP BY pa.pair_id`
	).all(projectId) as { pairId: number; open: number; done: number }[];
	return new Map(rows.map((r) => [r.pairId, { open: r.open, done: r.done }]));
}
