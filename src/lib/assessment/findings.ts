import type { GroupScore, PairScore } from './aggregate.ts';
import { atLeast, BAND_DISCUSS } from './scoring.ts';
import { SIDES, TRAIT_IDS, type Side, type Step, type TraitId } from './types.ts';

/** The sides see a trait differently when their means are this far apart or more. */
export const TRAIT_GAP = 1.0;
/** The sides, or evidence and self-view, differ when a step or more apart. */
export const STEP_GAP = 1;
/** Evidence step at or above which a weak foundation trait is worth pointing out. */
export const HIGH_STEP = 4;
/** Traits that every step of the stairs stands on. */
export const FOUNDATION_TRAITS: readonly TraitId[] = ['trust', 'respect'];

export type Scope = Side | 'pair';

export type Finding =
	| { kind: 'one_side_only'; missing: Side }
	| { kind: 'sides_differ_step'; municipality: Step; association: Step }
	| { kind: 'sides_differ_self'; municipality: number; association: number }
	| { kind: 'sides_differ_trait'; trait: TraitId; municipality: number; association: number }
	| { kind: 'evidence_vs_self'; scope: Scope; evidence: Step; selfPlaced: number }
	| { kind: 'weak_foundation'; scope: Scope; step: Step; trait: TraitId; mean: number }
	| { kind: 'not_enough_answers'; scope: Scope; what: 'stairs' | TraitId };

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
 * What is worth bringing to the partnership table: where the sides differ, where evidence
 * and self-view disagree, a high step on a weak foundation, and what could not be scored.
 * Gaps between the sides are findings in their own right, never averaged away.
 */
export function findings(score: PairScore): Finding[] {
	const out: Finding[] = [];
	const { municipality: m, association: a } = score.sides;
	if (m && !a) out.push({ kind: 'one_side_only', missing: 'association' });
	if (a && !m) out.push({ kind: 'one_side_only', missing: 'municipality' });

	if (m && a) {
		if (m.evidence.step !== null && a.evidence.step !== null && atLeast(Math.abs(m.evidence.step - a.evidence.step), STEP_GAP))
			out.push({ kind: 'sides_differ_step', municipality: m.evidence.step, association: a.evidence.step });
		const ms = m.selfPlaced.mean;
		const as = a.selfPlaced.mean;
		if (ms !== null && as !== null && atLeast(Math.abs(ms - as), STEP_GAP))
			out.push({ kind: 'sides_differ_self', municipality: ms, association: as });
		for (const trait of TRAIT_IDS) {
			const mt = m.traits[trait].mean;
			const at = a.traits[trait].mean;
			if (mt !== null && at !== null && atLeast(Math.abs(mt - at), TRAIT_GAP))
				out.push({ kind: 'sides_differ_trait', trait, municipality: mt, association: at });
		}
	}

	for (const [scope, g] of scopes(score)) {
		const step = g.evidence.step;
		if (step === null) {
			out.push({ kind: 'not_enough_answers', scope, what: 'stairs' });
		} else {
			const self = g.selfPlaced.mean;
			if (self !== null && atLeast(Math.abs(self - step), STEP_GAP))
				out.push({ kind: 'evidence_vs_self', scope, evidence: step, selfPlaced: self });
		}
		const claimed = Math.max(step ?? 0, Math.round(g.selfPlaced.mean ?? 0)) as Step;
		if (claimed >= HIGH_STEP) {
			for (const trait of FOUNDATION_TRAITS) {
				const t = g.traits[trait].mean;
				if (t !== null && !atLeast(t, BAND_DISCUSS)) out.push({ kind: 'weak_foundation', scope, step: claimed, trait, mean: t });
			}
		}
		for (const trait of TRAIT_IDS) {
			if (g.traits[trait].mean === null) out.push({ kind: 'not_enough_answers', scope, what: trait });
		}
	}
	return out;
}
