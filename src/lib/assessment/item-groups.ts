import { EVIDENCE_STEPS, TRAIT_IDS, type EvidenceStep, type QuestionnaireVersion, type TraitId } from './types.ts';

/** A version's agreement statements grouped as the scoring reads them. */
export interface ItemGroups {
	/** Each trait's statement ids, in the version's order. */
	trait: Record<TraitId, readonly string[]>;
	/** Each evidence step's practice statement ids, in the version's order. */
	step: Record<EvidenceStep, readonly string[]>;
	/** Every practice statement id. */
	practice: readonly string[];
	/** Every agreement statement (trait and practice) id: the ones a tally sums. */
	agreement: readonly string[];
}

const groups = new WeakMap<QuestionnaireVersion, ItemGroups>();

/** Worked out once per version: every submit tallies a response and scores its round with them. */
export function itemGroups(version: QuestionnaireVersion): ItemGroups {
	let found = groups.get(version);
	if (!found) {
		const trait = {} as Record<TraitId, readonly string[]>;
		for (const t of TRAIT_IDS) trait[t] = version.traitItems.filter((i) => i.trait === t).map((i) => i.id);
		const step = {} as Record<EvidenceStep, readonly string[]>;
		for (const s of EVIDENCE_STEPS) step[s] = version.practiceItems.filter((i) => i.step === s).map((i) => i.id);
		const practice = version.practiceItems.map((i) => i.id);
		found = { trait, step, practice, agreement: [...version.traitItems.map((i) => i.id), ...practice] };
		groups.set(version, found);
	}
	return found;
}
