import { findings } from '../assessment/findings.ts';
import { disclose } from '../assessment/privacy.ts';
import { TRAIT_IDS, type Locale } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { moved, type Moved } from '../assessment/movement.ts';
import { pairActions } from './meetings.ts';
import { pairRoundResults, sideComments } from './results.ts';
import { isOpen } from './rounds.ts';

export type PairSummary = ReturnType<typeof pairSummary>;

/**
 * A pair's results for one round (the latest with results unless `roundNumber` names another),
 * with the movement up to it: read from stored aggregates only, and disclosed under the
 * project's smallest group size. Shared by the staff results page and the respondents' view.
 */
export function pairSummary(pairId: number, minGroupSize: number, locale: Locale, roundNumber?: number) {
	const min = minGroupSize;
	const rounds = pairRoundResults(pairId).map((r) => ({ ...r, open: isOpen(r.round), ...disclose(r.result, min) }));
	const chosen = rounds.find((r) => r.round.number === roundNumber) ?? rounds.at(-1);
	if (!chosen) return { actions: [], rounds: [], chosen: null, history: null };
	const version = getVersion(chosen.round.questionnaireVersion)!;
	const { score, hidden } = chosen;
	const traitNames = Object.fromEntries(version.traits.map((t) => [t.id, t.name[locale]]));
	// Findings on the full score, then only those about groups that may be shown.
	const shownFindings = findings(chosen.result).filter((f) => {
		if ('scope' in f) return !hidden[f.scope];
		if (f.kind === 'one_side_only') return true;
		return !hidden.municipality && !hidden.association;
	});
	const pairTraits = score.pair ? TRAIT_IDS.filter((t) => score.pair!.traits[t].mean !== null) : [];
	const weakest = [...pairTraits].sort((a, b) => score.pair!.traits[a].mean! - score.pair!.traits[b].mean!).slice(0, 2);

	// Movement up to the chosen round: rounds compare by step numbers and trait ids, whatever their versions.
	const upTo = rounds.filter((r) => r.round.number <= chosen.round.number);
	const first = upTo[0];
	const previous = upTo.at(-2);
	const pairTrait = (r: (typeof rounds)[number] | undefined, t: (typeof TRAIT_IDS)[number]) => r?.score.pair?.traits[t].mean ?? null;

	// Each action beside what it aimed at: the pair's number in the round the meeting started
	// from, against the chosen round if that round opened after the meeting.
	const actions = pairActions(pairId).map((a) => {
		const before = rounds.find((r) => r.round.id === a.meetingRoundId)?.score.pair ?? null;
		const after = chosen.round.opensAt.slice(0, 10) > a.heldOn ? chosen.score.pair : null;
		const value = (g: typeof before) =>
			g === null ? null : a.targetTrait ? g.traits[a.targetTrait].mean : a.targetStep ? g.evidence.step : null;
		const change: { moved: Moved; before: number | null; after: number | null } | null =
			a.targetTrait || a.targetStep
				? { moved: moved(value(before), value(after), a.targetStep ? 1 : undefined), before: value(before), after: value(after) }
				: null;
		return { id: a.id, what: a.what, responsible: a.responsible, heldOn: a.heldOn, status: a.status, targetTrait: a.targetTrait, targetStep: a.targetStep, change };
	});

	return {
		actions,
		rounds: rounds.map((r) => ({ number: r.round.number, open: r.open })),
		chosen: {
			number: chosen.round.number,
			minGroupSize: min,
			open: chosen.open,
			questionnaireVersion: chosen.round.questionnaireVersion,
			score,
			raw: { municipality: chosen.result.sides.municipality?.respondents ?? 0, association: chosen.result.sides.association?.respondents ?? 0 },
			hidden,
			findings: shownFindings,
			weakest,
			traitNames,
			steps: version.steps.map((s) => ({ step: s.step, name: s.name[locale], description: s.description[locale] })),
			comments: {
				municipality: hidden.municipality ? [] : sideComments(chosen.round.id, 'municipality', version.comment.id),
				association: hidden.association ? [] : sideComments(chosen.round.id, 'association', version.comment.id)
			}
		},
		history: {
			rounds: upTo.map((r) => r.round.number),
			steps: {
				municipality: upTo.map((r) => r.score.sides.municipality?.evidence.step ?? null),
				association: upTo.map((r) => r.score.sides.association?.evidence.step ?? null),
				pair: upTo.map((r) => r.score.pair?.evidence.step ?? null)
			},
			traits: TRAIT_IDS.map((t) => ({
				id: t,
				now: pairTrait(chosen, t),
				previous: previous ? pairTrait(previous, t) : null,
				first: upTo.length > 1 ? pairTrait(first, t) : null
			})),
			previousNumber: previous?.round.number ?? null,
			firstNumber: upTo.length > 1 ? first.round.number : null
		}
	};
}
