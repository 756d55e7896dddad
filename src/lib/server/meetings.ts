import type { TraitId } from '../assessment/types.ts';
import { db, prepared } from './db.ts';
import { nowIso } from './tokens.ts';

export const ACTION_STATUSES = ['agreed', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Meeting {
	id: number;
	pairId: number;
	roundId: number | null;
	heldOn: string;
	participants: string;
	agenda: string;
	notes: string;
}

export interface Action {
	id: number;
	meetingId: number;
	/** The round whose results the meeting started from. */
	meetingRoundId: number | null;
	heldOn: string;
	what: string;
	responsible: string;
	resources: string[];
	dueOn: string | null;
	targetTrait: TraitId | null;
	targetStep: number | null;
	status: ActionStatus;
	statusChangedAt: string;
}

const meetingColumns = 'id, pair_id AS pairId, round_id AS roundId, held_on AS heldOn, participants, agenda, notes';

export function listMeetings(pairId: number): (Meeting & { actions: number })[] {
	return prepared(
			`SELECT ${meetingColumns}, (SELECT count(*) FROM actions a WHERE a.meeting_id = meetings.id) AS actions
			 FROM meetings WHERE pair_id = ? ORDER BY held_on DESC, id DESC`
		)
		.all(pairId) as (Meeting & { actions: number })[];
}

/** A meeting of this pair; another pair's meeting id gives undefined. */
export function getMeeting(pairId: number, id: number): Meeting | undefined {
	return prepared(`SELECT ${meetingColumns} FROM meetings WHERE id = ? AND pair_id = ?`).get(id, pairId) as Meeting | undefined;
}

export interface ActionInput {
	what: string;
	responsible: string;
	resources: string[];
	dueOn: string | null;
	targetTrait: TraitId | null;
	targetStep: number | null;
}

/** Records a meeting with the actions it agreed, in one transaction. */
export function createMeeting(
	input: { pairId: number; roundId: number | null; heldOn: string; participants: string; agenda: string; notes: string; createdBy: number | null },
	actions: readonly ActionInput[]
): number {
	return db().transaction(() => {
		const id = Number(
			prepared('INSERT INTO meetings (pair_id, round_id, held_on, participants, agenda, notes, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
				.run(input.pairId, input.roundId, input.heldOn, input.participants, input.agenda, input.notes, input.createdBy).lastInsertRowid
		);
		for (const a of actions) addAction(id, a);
		return id;
	})();
}

export function addAction(meetingId: number, a: ActionInput): number {
	return Number(
		prepared(
				'INSERT INTO actions (meeting_id, what, responsible, resources, due_on, target_trait, target_step) VALUES (?, ?, ?, ?, ?, ?, ?)'
			)
			.run(meetingId, a.what, a.responsible, JSON.stringify(a.resources), a.dueOn, a.targetTrait, a.targetStep).lastInsertRowid
	);
}

export function updateMeeting(pairId: number, id: number, input: { heldOn: string; participants: string; agenda: string; notes: string }): void {
	prepared('UPDATE meetings SET held_on = ?, participants = ?, agenda = ?, notes = ? WHERE id = ? AND pair_id = ?')
		.run(input.heldOn, input.participants, input.agenda, input.notes, id, pairId);
}

/** Sets statuses of this meeting's actions; ids of other meetings' actions change nothing. Returns how many changed. */
export function setActionStatuses(meetingId: number, statuses: ReadonlyMap<number, ActionStatus>, now = Date.now()): number {
	return db().transaction(() => {
		const update = prepared(
			'UPDATE actions SET status = ?, status_changed_at = ? WHERE id = ? AND meeting_id = ? AND status <> ?'
		);
		let changed = 0;
		for (const [id, status] of statuses) changed += update.run(status, nowIso(now), id, meetingId, status).changes;
		return changed;
	})();
}

interface ActionRow extends Omit<Action, 'resources'> {
	resources: string;
}

const actionSelect = `SELECT a.id, a.meeting_id AS meetingId, m.round_id AS meetingRoundId, m.held_on AS heldOn, a.what, a.responsible, a.resources, a.due_on AS dueOn,
	a.target_trait AS targetTrait, a.target_step AS targetStep, a.status, a.status_changed_at AS statusChangedAt
	FROM actions a JOIN meetings m ON m.id = a.meeting_id`;

const toAction = (r: ActionRow): Action => ({ ...r, resources: JSON.parse(r.resources) as string[] });

export function meetingActions(meetingId: number): Action[] {
	return (prepared(`${actionSelect} WHERE a.meeting_id = ? ORDER BY a.id`).all(meetingId) as ActionRow[]).map(toAction);
}

/** Every action of a pair, newest meeting first. */
export function pairActions(pairId: number): Action[] {
	return (prepared(`${actionSelect} WHERE m.pair_id = ? ORDER BY m.held_on DESC, a.id`).all(pairId) as ActionRow[]).map(toAction);
}

/** Open and done action counts per pair of a project, for the project view. */
export function actionCounts(projectId: number): Map<number, { open: number; done: number }> {
	const rows = prepared(
			`SELECT m.pair_id AS pairId, sum(a.status IN ('agreed', 'in_progress')) AS open, sum(a.status = 'done') AS done
			 FROM actions a JOIN meetings m ON m.id = a.meeting_id JOIN pairs p ON p.id = m.pair_id
			 WHERE p.project_id = ? GROUP BY m.pair_id`
		)
		.all(projectId) as { pairId: number; open: number; done: number }[];
	return new Map(rows.map((r) => [r.pairId, { open: r.open, done: r.done }]));
}
