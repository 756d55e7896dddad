/**
 * The partnership table's follow-up, as pure functions: which agreed actions the next meeting's
 * agenda carries forward, and which members have no task yet. docs/partnership-table.md explains
 * the method with a worked example that is also a test.
 */

export type ActionStatus = 'agreed' | 'in_progress' | 'done' | 'dropped';

/** An action still to be done: agreed, or started and not finished. Done and dropped ones are settled. */
export const isOpen = (status: ActionStatus): boolean => status === 'agreed' || status === 'in_progress';

export interface TableAction {
	id: number;
	/** The number of the meeting that agreed it, in the table's series. */
	meetingNumber: number;
	memberOrgId: number | null;
	dueOn: string | null;
	status: ActionStatus;
}

export interface CarriedAction<A extends TableAction> {
	action: A;
	/** Meetings since it was agreed: 1 when the last meeting agreed it. */
	meetingsSince: number;
	/** Its due date is before the meeting's day. */
	overdue: boolean;
}

/**
 * The open actions of earlier meetings that the next meeting (`number`, held on `heldOn`,
 * YYYY-MM-DD) takes up first: overdue ones first, then by due date (undated last), then the
 * oldest agreement first. An action agreed at this meeting or later is not carried.
 */
export function carryForward<A extends TableAction>(actions: readonly A[], next: { number: number; heldOn: string }): CarriedAction<A>[] {
	return actions
		.filter((a) => isOpen(a.status) && a.meetingNumber < next.number)
		.map((action) => ({
			action,
			meetingsSince: next.number - action.meetingNumber,
			overdue: action.dueOn !== null && action.dueOn < next.heldOn
		}))
		.sort(
			(x, y) =>
				Number(y.overdue) - Number(x.overdue) ||
				(x.action.dueOn ?? '9999').localeCompare(y.action.dueOn ?? '9999') ||
				x.action.meetingNumber - y.action.meetingNumber ||
				x.action.id - y.action.id
		);
}

/**
 * The members who hold no open action: the division of labour is among all who sit at the
 * table, so these are asked first what they take on. Members keep their given order.
 */
export function membersWithoutTask<M extends { orgId: number }>(
	members: readonly M[],
	actions: readonly Pick<TableAction, 'memberOrgId' | 'status'>[]
): M[] {
	const busy = new Set(actions.filter((a) => isOpen(a.status) && a.memberOrgId !== null).map((a) => a.memberOrgId));
	return members.filter((m) => !busy.has(m.orgId));
}
