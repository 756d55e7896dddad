import { findings, type Finding } from '../assessment/findings.ts';
import { disclose } from '../assessment/privacy.ts';
import { carryForward, membersWithoutTask, type CarriedAction } from '../assessment/table.ts';
import { TRAIT_IDS, type Locale, type TraitId } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { latestMeeting, tableActions, type Action } from './meetings.ts';
import { pairRoundResults } from './results.ts';
import { isOpen } from './rounds.ts';
import { currentGoal, listMembers, listTablePairs, pendingAgendaItems, type AgendaItem, type TableMember, type TablePair } from './tables.ts';

export interface PairPoints {
	roundNumber: number;
	findings: Finding[];
	/** Findings worth talking through (a subset of `findings`), and the weakest traits of the pair. */
	discussion: Finding[];
	weakest: TraitId[];
	traitNames: Record<string, string>;
}

/**
 * The one place the agenda reads a pair's results: the findings and discussion points of its
 * latest closed round, only what the disclosure rule lets be shown. The same selection as the
 * results page makes; when that page's findings change, this adapter is the one to switch.
 */
export function closedRoundPoints(pairId: number, minGroupSize: number, locale: Locale, now = Date.now()): PairPoints | null {
	const latest = pairRoundResults(pairId)
		.filter((r) => !isOpen(r.round, now) && r.round.opensAt <= new Date(now).toISOString())
		.at(-1);
	if (!latest) return null;
	const { score, hidden } = disclose(latest.result, minGroupSize);
	const version = getVersion(latest.round.questionnaireVersion)!;
	const shown = findings(latest.result).filter((f) => {
		if ('scope' in f) return !hidden[f.scope];
		if (f.kind === 'one_side_only') return true;
		return !hidden.municipality && !hidden.association;
	});
	const pairTraits = score.pair ? TRAIT_IDS.filter((t) => score.pair!.traits[t].mean !== null) : [];
	return {
		roundNumber: latest.round.number,
		findings: shown,
		discussion: shown.filter((f) => f.kind !== 'not_enough_answers' && f.kind !== 'one_side_only').slice(0, 4),
		weakest: [...pairTraits].sort((a, b) => score.pair!.traits[a].mean! - score.pair!.traits[b].mean!).slice(0, 2),
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
export function nextAgenda(tableId: number, heldOn: string, minGroupSize: number, locale: Locale): Agenda {
	const number = (latestMeeting(tableId)?.number ?? 0) + 1;
	const actions = tableActions(tableId);
	const members = listMembers(tableId);
	return {
		number,
		heldOn,
		goal: currentGoal(tableId),
		carried: carryForward(actions, { number, heldOn }),
		pairs: listTablePairs(tableId).map((p) => ({ ...p, points: closedRoundPoints(p.pairId, minGroupSize, locale) })),
		items: pendingAgendaItems(tableId).filter((i) => i.status === 'accepted'),
		members,
		withoutTask: membersWithoutTask(members, actions)
	};
}
