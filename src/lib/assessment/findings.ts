import type { GroupScore } from './aggregate.ts';
import type { PairScore } from './privacy.ts';
import { BAND_DISCUSS, tenths } from './scoring.ts';
import { SIDES, TRAIT_IDS, type Side, type Step, type TraitId } from './types.ts';

/** The sides see a trait differently when their shown means are this far apart or more. */
export const TRAIT_GAP = 1.0;
/** The sides, or evidence and self-view, differ when a step or more apart. */
export const STEP_GAP = 1;
/** Evidence or self-placed step at or above which a weak foundation trait is worth pointing out. */
export const HIGH_STEP = 4;
/** Traits that every step of the stairs stands on. */
export const FOUNDATION_TRAITS: readonly TraitId[] = ['trust', 'respect'];

export type Scope = Side | 'pair';
export type What = 'stairs' | 'self_placed' | TraitId;

export type Finding =
	| { kind: 'one_side_only'; missing: Side }
	| { kind: 'not_compared'; side: Side; minGroupSize: number }
	| { kind: 'sides_differ_step'; municipality: Step; association: Step }
	| { kind: 'sides_differ_self'; municipality: number; association: number }
	| { kind: 'sides_differ_trait'; trait: TraitId; municipality: number; association: number }
	| { kind: 'evidence_vs_self'; scope: Scope; evidence: Step; selfPlaced: number }
	| { kind: 'weak_foundation'; scope: Scope; step: Step; trait: TraitId; mean: number }
	| { kind: 'not_enough_answers'; scope: Scope; what: What[] }
	| { kind: 'withheld'; scope: Side; what: What[]; minGroupSize: number };

/** Gaps are decided on shown values: two shown numbers 1,0 apart always make a finding. */
const apart = (a: number, b: number, gap: number) => Math.abs(tenths(a) - tenths(b)) >= tenths(gap);

function scopes(score: PairScore): [Scope, GroupScore][] {
	const list: [Scope, GroupScore][] = [];
	if (score.pair) list.push(['pair', score.pair]);
	for (const side of SIDES) {
		const g = score.sides[side];
		if (g) list.push([side, g]);
	}
	return list;
}

/**
 * What is worth bringing to the partnership table, found only in what may be shown: where the
 * sides differ, where evidence and self-view disagree, a high step on a weak foundation; and,
 * honestly, what could not be compared or scored and why. Gaps between the sides are findings in
 * their own right, never averaged away.
 */
export function findings(score: PairScore): Finding[] {
	const out: Finding[] = [];
	const { municipality: m, association: a } = score.sides;
	const min = score.rule.minGroupSize;
	for (const side of SIDES) {
		const other = side === 'municipality' ? 'association' : 'municipality';
		if (score.hidden[side]) out.push({ kind: 'not_compared', side, minGroupSize: min });
		else if (!score.sides[side] && (score.sides[other] || score.hidden[other])) out.push({ kind: 'one_side_only', missing: side });
	}

	if (m && a) {
		if (m.evidence.step !== null && a.evidence.step !== null && Math.abs(m.evidence.step - a.evidence.step) >= STEP_GAP)
			out.push({ kind: 'sides_differ_step', municipality: m.evidence.step, association: a.evidence.step });
		const ms = m.selfPlaced.mean;
		const as = a.selfPlaced.mean;
		if (ms !== null && as !== null && apart(ms, as, STEP_GAP)) out.push({ kind: 'sides_differ_self', municipality: ms, association: as });
		for (const trait of TRAIT_IDS) {
			const mt = m.traits[trait].mean;
			const at = a.traits[trait].mean;
			if (mt !== null && at !== null && apart(mt, at, TRAIT_GAP)) out.push({ kind: 'sides_differ_trait', trait, municipality: mt, association: at });
		}
	}

	for (const [scope, g] of scopes(score)) {
		const step = g.evidence.step;
		const self = g.selfPlaced.mean;
		if (step !== null && self !== null && apart(self, step, STEP_GAP)) out.push({ kind: 'evidence_vs_self', scope, evidence: step, selfPlaced: self });
		// A self-placement of 3,5 is not step 4: only a whole step claimed counts.
		const claimed = Math.max(step ?? 0, Math.floor(tenths(self ?? 0) / 10)) as Step;
		if (claimed >= HIGH_STEP) {
			for (const trait of FOUNDATION_TRAITS) {
				const t = g.traits[trait].mean;
				if (t !== null && tenths(t) < tenths(BAND_DISCUSS)) out.push({ kind: 'weak_foundation', scope, step: claimed, trait, mean: t });
			}
		}
		const missing: What[] = [];
		const withheld: What[] = [];
		if (step === null) (g.stepMeans[2].withheld ? withheld : missing).push('stairs');
		if (g.selfPlaced.withheld) withheld.push('self_placed');
		for (const trait of TRAIT_IDS) {
			if (g.traits[trait].withheld) withheld.push(trait);
			else if (g.traits[trait].mean === null) missing.push(trait);
		}
		// The pair's withheld numbers are those of a side, reported there.
		if (withheld.length > 0 && scope !== 'pair') out.push({ kind: 'withheld', scope, what: withheld, minGroupSize: min });
		if (missing.length > 0) out.push({ kind: 'not_enough_answers', scope, what: missing });
	}
	return out;
}

/** Whether the two sides were both shown, so that "they see it alike" can be said at all. */
export function compared(score: PairScore): boolean {
	return score.sides.municipality !== null && score.sides.association !== null;
}
