import { discussionPoints } from '../assessment/discussion.ts';
import { compared, findings } from '../assessment/findings.ts';
import { isComparable, isEvidenceComparable, versionChanges } from '../assessment/lineage.ts';
import { moved, sinceEarlier, type Moved } from '../assessment/movement.ts';
import { type PairScore } from '../assessment/privacy.ts';
import { choiceRows, nextStepPractices } from '../assessment/report.ts';
import { SCORING_VERSION } from '../assessment/scoring.ts';
import { SIDES, TRAIT_IDS, type Locale, type Side, type TraitId } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { pairActions } from './meetings.ts';
import { pairRoundResults, sideComments } from './results.ts';
import { isOpen } from './rounds.ts';
import { hasAgreement } from './tables.ts';

export type PairSummary = ReturnType<typeof pairSummary>;

/**
 * A pair's results for one round (the latest unless `roundNumber` names another), with the
 * movement up to it, read from stored results only. An open round shows counts, never scores:
 * two looks before and after one submit would give that person's answers away. Results appear
 * when the round closes, disclosed under the promise the round made when it opened. Shared by
 * the staff results page and the respondents' view.
 */
export function pairSummary(pairId: number, locale: Locale, roundNumber?: number) {
	const all = pairRoundResults(pairId).map((r) => ({ ...r, open: isOpen(r.round) }));
	const chosen = all.find((r) => r.round.number === roundNumber) ?? all.at(-1);
	if (!chosen) return { actions: [], rounds: [], chosen: null, history: null };
	const version = getVersion(chosen.round.questionnaireVersion)!;
	const names = <T extends { id: string; name?: { [l in Locale]: string }; label?: { [l in Locale]: string } }>(list: readonly T[]) =>
		Object.fromEntries(list.map((x) => [x.id, (x.name ?? x.label)![locale]]));
	const traitNames = names(version.traits) as Record<TraitId, string>;
	const rule = { minGroupSize: chosen.round.minGroupSize, openResults: chosen.round.openResults };
	const counts = { municipality: chosen.counts.municipality, association: chosen.counts.association };
	const rounds = all.map((r) => ({ number: r.round.number, open: r.open }));
	const base = {
		number: chosen.round.number,
		open: chosen.open,
		questionnaireVersion: chosen.round.questionnaireVersion,
		scoringVersion: chosen.scoringVersion,
		currentScoringVersion: SCORING_VERSION,
		rule,
		counts,
		traitNames
	};
	if (chosen.open || !chosen.result) return { actions: [], rounds, chosen: { ...base, result: null }, history: null };

	// Only closed rounds have results to compare with.
	const closed = all.filter((r) => !r.open && r.result && r.round.number <= chosen.round.number) as (typeof all[number] & { result: PairScore })[];
	const score = chosen.result;
	const found = findings(score);
	const points = discussionPoints(score, found);
	const earlier = closed.filter((r) => r.round.number < chosen.round.number).at(-1)?.result ?? null;
	const next = nextStepPractices(version, score);
	const practiceTexts = Object.fromEntries(version.practiceItems.map((i) => [i.id, i.text[locale]]));
	// Rounds compare only where the questionnaire measured the same thing (its versions' declared lineage).
	const here = chosen.round.questionnaireVersion;
	const series = (pick: (s: PairScore) => number | null, comparable: (r: (typeof closed)[number], value: number | null) => boolean) =>
		closed.map((r) => {
			const value = pick(r.result);
			return { round: r.round.number, value: value !== null && comparable(r, value) ? value : null };
		});
	const pairStep = (s: PairScore) => s.pair?.evidence.step ?? null;
	const chosenStep = pairStep(score);
	const pairTrait = (t: TraitId) => (s: PairScore) => s.pair?.traits[t].mean ?? null;
	const versionOf = new Map(closed.map((r) => [r.round.number, r.round.questionnaireVersion]));
	const acrossVersions = (since: ReturnType<typeof sinceEarlier>) => (since ? { ...since, versionChanged: versionOf.get(since.round) !== here } : null);

	// Each action beside what it aimed at: the pair's number in the round the meeting started
	// from, against the chosen round if that round opened after the meeting.
	const actions = pairActions(pairId).map((a) => {
		const before = closed.find((r) => r.round.id === a.meetingRoundId)?.result.pair ?? null;
		const after = chosen.round.opensAt.slice(0, 10) > a.heldOn ? score.pair : null;
		const value = (g: typeof before) =>
			g === null ? null : a.targetTrait ? g.traits[a.targetTrait as TraitId].mean : a.targetStep ? g.evidence.step : null;
		const change: { moved: Moved; before: number | null; after: number | null } | null =
			a.targetTrait || a.targetStep
				? { moved: moved(value(before), value(after), a.targetStep ? 1 : undefined), before: value(before), after: value(after) }
				: null;
		return { id: a.id, what: a.what, responsible: a.responsible, heldOn: a.heldOn, status: a.status, targetTrait: a.targetTrait, targetStep: a.targetStep, change };
	});

	const sideShown = (side: Side) => score.sides[side] !== null;
	return {
		actions,
		rounds,
		chosen: {
			...base,
			result: score,
			findings: found,
			compared: compared(score),
			// Step 5 evidence beside what respondents answered: a written agreement or rules of the game on record.
			agreementOnRecord: hasAgreement(pairId),
			discussion: points,
			steps: version.steps.map((s) => ({ step: s.step, name: s.name[locale], description: s.description[locale] })),
			nextStep: next && {
				step: next.step,
				rows: next.rows.map((r) => ({ ...r, text: practiceTexts[r.id] }))
			},
			choices: choiceRows(version, score, earlier).map((q) => ({
				id: q.id,
				question: version.descriptive.find((d) => d.id === q.id)!.text[locale],
				options: names(version.descriptive.find((d) => d.id === q.id)!.options),
				rows: q.rows
			})),
			comments: Object.fromEntries(
				SIDES.map((side) => [side, sideShown(side) ? sideComments(chosen.round.id, side, version.comment.id) : []])
			) as Record<Side, string[]>
		},
		history: {
			rounds: closed.map((r) => r.round.number),
			scoringVersions: closed.map((r) => r.scoringVersion),
			steps: {
				municipality: closed.map((r) => r.result.sides.municipality?.evidence.step ?? null),
				association: closed.map((r) => r.result.sides.association?.evidence.step ?? null),
				pair: closed.map((r) => r.result.pair?.evidence.step ?? null)
			},
			versionChanges: versionChanges(closed.map((r) => ({ number: r.round.number, version: r.round.questionnaireVersion }))),
			stepSince: acrossVersions(
				sinceEarlier(
					series(pairStep, (r, value) => isEvidenceComparable(r.round.questionnaireVersion, here, value, chosenStep)),
					chosen.round.number
				)
			),
			traits: TRAIT_IDS.map((t) => ({
				id: t,
				since: acrossVersions(
					sinceEarlier(
						series(pairTrait(t), (r) => isComparable(r.round.questionnaireVersion, here, { trait: t })),
						chosen.round.number
					)
				)
			}))
		}
	};
}
