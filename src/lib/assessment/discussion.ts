import type { Finding, Scope } from './findings.ts';
import type { PairScore } from './privacy.ts';
import { tenths } from './scoring.ts';
import { TRAIT_IDS, type TraitId } from './types.ts';

/** At most this many discussion points are shown at once; the rest are behind "more". */
export const DISCUSSION_SHOWN = 5;

/**
 * A question for the partnership table. Points are asked about topics, not restated findings:
 * the findings say what differs, the points ask what to talk about.
 */
export type DiscussionPoint =
	| { kind: 'weakest'; traits: TraitId[]; mean: number }
	| { kind: 'trait_gap'; traits: TraitId[]; gaps: number[]; gap: number }
	| { kind: 'step_gap'; gap: number }
	| { kind: 'self_gap'; gap: number }
	| { kind: 'self_above_evidence'; scopes: Scope[]; gap: number }
	| { kind: 'self_below_evidence'; scopes: Scope[]; gap: number }
	| { kind: 'foundation'; traits: TraitId[] };

/** Gaps in tenths so that ties are exact: a step counts as 1,0 on the agreement scale. */
type Gap = { key: string; gap: number; point: DiscussionPoint };

/**
 * The discussion points of a round: first the pair's weakest traits (all tied ones in one point),
 * then the differences ranked by size, largest first, with equal gaps of the same kind in one
 * point; the traits the sides see differently are one point, largest gap first, since one
 * question fits them all; the foundation question last. Built only from the findings, which are
 * built only from what may be shown.
 */
export function discussionPoints(score: PairScore, found: readonly Finding[]): DiscussionPoint[] {
	const out: DiscussionPoint[] = [];
	const pair = score.pair;
	if (pair) {
		const shown = TRAIT_IDS.filter((t) => pair.traits[t].mean !== null);
		if (shown.length > 0) {
			const low = Math.min(...shown.map((t) => tenths(pair.traits[t].mean!)));
			out.push({ kind: 'weakest', traits: shown.filter((t) => tenths(pair.traits[t].mean!) === low), mean: low / 10 });
		}
	}

	const gaps: Gap[] = [];
	for (const f of found) {
		if (f.kind === 'sides_differ_trait') {
			const gap = Math.abs(tenths(f.municipality) - tenths(f.association));
			gaps.push({ key: 'trait', gap, point: { kind: 'trait_gap', traits: [f.trait], gaps: [gap / 10], gap: gap / 10 } });
		} else if (f.kind === 'sides_differ_step') {
			const gap = Math.abs(f.municipality - f.association) * 10;
			gaps.push({ key: 'step', gap, point: { kind: 'step_gap', gap: gap / 10 } });
		} else if (f.kind === 'sides_differ_self') {
			const gap = Math.abs(tenths(f.municipality) - tenths(f.association));
			gaps.push({ key: 'self', gap, point: { kind: 'self_gap', gap: gap / 10 } });
		} else if (f.kind === 'evidence_vs_self') {
			const diff = tenths(f.selfPlaced) - f.evidence * 10;
			const kind = diff > 0 ? 'self_above_evidence' : 'self_below_evidence';
			gaps.push({ key: `${kind}:${Math.abs(diff)}`, gap: Math.abs(diff), point: { kind, scopes: [f.scope], gap: Math.abs(diff) / 10 } });
		}
	}
	// Largest gap first; equal gaps of one kind become one point.
	gaps.sort((x, y) => y.gap - x.gap);
	const merged = new Map<string, DiscussionPoint>();
	for (const { key, point } of gaps) {
		const same = merged.get(key);
		if (!same) merged.set(key, point);
		else if (same.kind === 'trait_gap' && point.kind === 'trait_gap') {
			same.traits.push(...point.traits);
			same.gaps.push(...point.gaps);
		}
		else if ((same.kind === 'self_above_evidence' || same.kind === 'self_below_evidence') && same.kind === point.kind)
			same.scopes.push(...point.scopes);
	}
	out.push(...merged.values());

	const weak = [...new Set(found.flatMap((f) => (f.kind === 'weak_foundation' ? [f.trait] : [])))];
	if (weak.length > 0) out.push({ kind: 'foundation', traits: TRAIT_IDS.filter((t) => weak.includes(t)) });
	return out;
}
