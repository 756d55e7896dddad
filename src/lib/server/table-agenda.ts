import { findings, type Finding } from '../assessment/findings.ts';
import { discussionPoints, type DiscussionPoint } from '../assessment/discussion.ts';
import { carryForward, membersWithoutTask, type CarriedAction } from '../assessment/table.ts';
import type { Locale } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { latestMeeting, tableActions, type Action } from './meetings.ts';
import { latestClosedRound } from './results.ts';
import { currentGoal, listMembers, listTablePairs, pendingAgendaItems, type AgendaItem, type TableMember, type TablePair } from './tables.ts';

export interface PairPoints {
	roundNumber: number;
	findings: Finding[];
	discussion: DiscussionPoint[];
	traitNames: Record<string, string>;
}

/**
 * The one place the agenda reads a pair's results: the findings and discussion points of its
 * latest closed round, as its stored result discloses them under the round's promise: the same
 * as the results page shows.
 */
export function closedRoundPoints(pairId: number, locale: Locale, now = Date.now()): PairPoints | null {
	const latest = latestClosedRound(pairId, now);
	if (!latest?.result) return null;
	const version = getVersion(latest.round.questionnaireVersion)!;
	const found = findings(latest.result);
	return {
		roundNumber: latest.round.number,
		findings: found,
		discussion: discussionPoints(latest.result, found),
		traitNames: Object.fromEntries(version.traits.map((t) => [t.id, t.name[locale]]))
	};
}

export interface Agenda {
	number: number;
	heldOn: string;
	goal: string;
	carried: CarriedAction<Action>[];
	pairs: (TablePair & { points: PairPoints | null })[];
	items: AgendaItem[];
	members: TableMember[];
	withoutTask: TableMember[];
}

/** The agenda of the table's next meeting, held on `heldOn` (YYYY-MM-DD). */
export function nextAgenda(tableId: number, heldOn: string, locale: Locale): Agenda {
	const number = (latestMeeting(tableId)?.number ?? 0) + 1;
	const actions = tableActions(tableId);
	const members = listMembers(tableId);
	return {
		number,
		heldOn,
		goal: currentGoal(tableId),
		carried: carryForward(actions, { number, heldOn }),
		pairs: listTablePairs(tableId).map((p) => ({ ...p, points: closedRoundPoints(p.pairId, locale) })),
		items: pendingAgendaItems(tableId).filter((i) => i.status === 'accepted'),
		members,
		withoutTask: membersWithoutTask(members, actions)
	};
}
