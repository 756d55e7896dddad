import type { EvidenceStep, QuestionnaireVersion, TraitId } from './types.ts';
import { EVIDENCE_STEPS } from './types.ts';
import { itemGroups } from './item-groups.ts';
import { getVersion } from './versions/index.ts';

/** A version, or its id as a round stores it. */
type VersionRef = QuestionnaireVersion | string;
type Lookup = (id: string) => QuestionnaireVersion | undefined;
const resolve = (v: VersionRef, byId: Lookup) => (typeof v === 'string' ? byId(v) : v);

/** A result that a round reports: one trait's mean, or one step's practice statements. */
export type Measure = { trait: TraitId } | { step: EvidenceStep };

function itemsOf(version: QuestionnaireVersion, measure: Measure): readonly string[] {
	return 'trait' in measure ? itemGroups(version).trait[measure.trait] : itemGroups(version).step[measure.step];
}

/**
 * One link of the chain: does `newer` (whose lineage names `older`) measure this the same way?
 * Only when every item of the measure descends from an item of the same measure in `older`
 * (same, reworded or split) and every item `older` had there lives on in it: a new, dropped
 * or moved statement changes what the mean means.
 */
function sameAcrossLink(older: QuestionnaireVersion, newer: QuestionnaireVersion, measure: Measure): boolean {
	const lineage = newer.lineage!;
	const before = new Set(itemsOf(older, measure));
	const carried = new Set<string>();
	for (const id of itemsOf(newer, measure)) {
		const origin = lineage.items[id];
		if (!origin || origin.relation === 'new' || !before.has(origin.from)) return false;
		carried.add(origin.from);
	}
	return carried.size === before.size;
}

/** The versions from `from` to `to` (either order), oldest first; null when they are not on one line. */
function chain(a: QuestionnaireVersion, b: QuestionnaireVersion, byId: Lookup) {
	for (const [older, newer] of [
		[a, b],
		[b, a]
	]) {
		const path = [newer];
		let at: QuestionnaireVersion | undefined = newer;
		while (at && at.id !== older.id && at.lineage) {
			at = byId(at.lineage.previous);
			if (at) path.unshift(at);
		}
		if (at?.id === older.id) return path;
	}
	return null;
}

/**
 * Whether a trait or step result of a round on version `a` can be compared with one on
 * version `b`: true for the same version, and across versions when every change between them
 * kept the measure's items (see sameAcrossLink). Unknown versions never compare.
 */
export function isComparable(refA: VersionRef, refB: VersionRef, measure: Measure, byId: Lookup = getVersion): boolean {
	const a = resolve(refA, byId);
	const b = resolve(refB, byId);
	if (!a || !b) return false;
	if (a.id === b.id) return true;
	const path = chain(a, b, byId);
	if (!path) return false;
	return path.slice(1).every((newer, i) => sameAcrossLink(path[i], newer, measure));
}

/**
 * Whether two evidence steps (the climbed step of the stairs) compare across versions. The climb
 * to step r reads the practice statements of steps 2..r+1 (it stops at the first step not
 * reached), so a climbed step compares when no step it read changed: both steps lie below the
 * lowest changed step minus one. A null step (not enough answers) never compares.
 */
export function isEvidenceComparable(
	a: VersionRef,
	b: VersionRef,
	stepA: number | null,
	stepB: number | null,
	byId: Lookup = getVersion
): boolean {
	if (stepA === null || stepB === null) return false;
	const changed = EVIDENCE_STEPS.find((step) => !isComparable(a, b, { step }, byId));
	return changed === undefined || Math.max(stepA, stepB) <= changed - 2;
}

export interface VersionChange {
	/** The round (by its number) that first used the new version. */
	number: number;
	from: string;
	to: string;
}

/**
 * Where "the questionnaire changed here" goes on a time axis: every round whose version differs
 * from the round before it. Rounds are taken in number order, whatever order they come in.
 */
export function versionChanges(rounds: readonly { number: number; version: string }[]): VersionChange[] {
	const sorted = [...rounds].sort((x, y) => x.number - y.number);
	return sorted.slice(1).flatMap((round, i) =>
		round.version === sorted[i].version ? [] : [{ number: round.number, from: sorted[i].version, to: round.version }]
	);
}
