import { climbOn, type GroupScore, type Measure } from './aggregate.ts';
import { band } from './scoring.ts';
import { EVIDENCE_STEPS, SIDES, TRAIT_IDS, type EvidenceStep, type Side, type TraitId } from './types.ts';

/** A result stored by scoring version 1: per side, means of the respondents' own means. */
interface V1Group {
	respondents: number;
	traits: Record<TraitId, { mean: number | null; n: number }>;
	stepMeans: Record<EvidenceStep, { mean: number | null; n: number }>;
	selfPlaced: { mean: number | null; n: number };
	target: { mean: number | null; n: number };
}

const shown = (m: { mean: number | null; n: number } | undefined): Measure => ({
	mean: m?.mean == null ? null : Math.floor(m.mean * 10 + 0.5 + 1e-9) / 10,
	n: m?.n ?? 0
});

/**
 * The sides of a round scored by version 1 whose raw answers retention has erased, so they
 * cannot be scored again: its means are rounded to what is shown and the bands and the climb
 * decided on those, so the page agrees with itself. The numbers stay version 1's (a side's
 * mean of its respondents' means), and the page says so.
 */
export function sidesFromV1(result: unknown): Record<Side, GroupScore | null> {
	const sides = (result as { sides?: Record<Side, V1Group | null> }).sides ?? { municipality: null, association: null };
	return Object.fromEntries(
		SIDES.map((side) => {
			const g = sides[side];
			if (!g) return [side, null];
			const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, shown(g.stepMeans[s])])) as Record<EvidenceStep, Measure>;
			const traits = Object.fromEntries(
				TRAIT_IDS.map((t) => {
					const m = shown(g.traits[t]);
					return [t, { ...m, band: m.mean === null ? null : band(m.mean) }];
				})
			) as GroupScore['traits'];
			const practicePeople = Math.max(0, ...EVIDENCE_STEPS.map((s) => stepMeans[s].n));
			return [
				side,
				{
					respondents: g.respondents,
					traits,
					stepMeans,
					practice: {},
					evidence: climbOn(stepMeans, practicePeople),
					selfPlaced: shown(g.selfPlaced),
					target: shown(g.target),
					choices: {}
				} satisfies GroupScore
			];
		})
	) as Record<Side, GroupScore | null>;
}
