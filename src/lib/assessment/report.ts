import type { GroupChoice, Measure } from './aggregate.ts';
import type { PairScore } from './privacy.ts';
import { tenths } from './scoring.ts';
import { SIDES, type EvidenceStep, type QuestionnaireVersion, type Side } from './types.ts';

export interface PracticeRow {
	id: string;
	municipality: Measure | null;
	association: Measure | null;
	pair: Measure | null;
}

/**
 * What is missing for the next step: the next step's practice statements with each side's
 * mean, the weakest first (by the pair's mean, or the lower side's where there is no pair), so
 * a table sees which practices to start. The next step is the pair's, or the one shown side's.
 */
export function nextStepPractices(version: QuestionnaireVersion, score: PairScore): { step: EvidenceStep; rows: PracticeRow[] } | null {
	const lead = score.pair ?? score.sides.municipality ?? score.sides.association;
	const step = lead?.evidence.next?.step;
	if (!lead || !step) return null;
	const rows = version.practiceItems
		.filter((i) => i.step === step)
		.map((i) => ({
			id: i.id,
			municipality: score.sides.municipality?.practice[i.id] ?? null,
			association: score.sides.association?.practice[i.id] ?? null,
			pair: score.pair?.practice[i.id] ?? null
		}));
	const key = (r: PracticeRow) => {
		if (r.pair?.mean != null) return tenths(r.pair.mean);
		const sides = [r.municipality?.mean, r.association?.mean].filter((v): v is number => v != null);
		return sides.length > 0 ? Math.min(...sides.map(tenths)) : Infinity;
	};
	// A stable sort: equal means keep the questionnaire's order.
	return { step, rows: [...rows].sort((a, b) => key(a) - key(b)) };
}

export interface ChoiceRow {
	option: string;
	/** Ticked by how many of how many who answered the question; null when the side is not shown. */
	sides: Record<Side, { count: number; n: number } | null>;
	/** Exactly one side reports it (at least half of its respondents ticked it). */
	disagree: boolean;
	/** Reported by either side now, and in the earlier round compared with (null when there is none). */
	now: boolean;
	before: boolean | null;
}

const shownChoice = (c: GroupChoice | undefined) => (c && !c.withheld && c.n > 0 ? c : null);
const reports = (c: { count: number; n: number } | null) => c !== null && 2 * c.count >= c.n;

/**
 * What we do together and what we bring: per choice question and option, how many on each side
 * ticked it, where the sides disagree, and whether it is new or gone since an earlier round.
 */
export function choiceRows(version: QuestionnaireVersion, score: PairScore, earlier: PairScore | null): { id: string; rows: ChoiceRow[] }[] {
	const sideCounts = (s: PairScore, side: Side, item: string, option: string) => {
		const c = shownChoice(s.sides[side]?.choices[item]);
		return c ? { count: c.counts[option] ?? 0, n: c.n } : null;
	};
	const reported = (s: PairScore, item: string, option: string) => SIDES.some((side) => reports(sideCounts(s, side, item, option)));
	const earlierShown = (item: string) => earlier !== null && SIDES.some((side) => shownChoice(earlier.sides[side]?.choices[item]));
	return version.descriptive
		.filter((d) => SIDES.some((side) => shownChoice(score.sides[side]?.choices[d.id])))
		.map((d) => ({
			id: d.id,
			rows: d.options.map((o) => {
				const sides = Object.fromEntries(SIDES.map((side) => [side, sideCounts(score, side, d.id, o.id)])) as ChoiceRow['sides'];
				const both = sides.municipality !== null && sides.association !== null;
				return {
					option: o.id,
					sides,
					disagree: both && reports(sides.municipality) !== reports(sides.association),
					now: reported(score, d.id, o.id),
					before: earlierShown(d.id) ? reported(earlier!, d.id, o.id) : null
				};
			})
		}));
}
