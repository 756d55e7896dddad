/**
 * The questionnaire's vocabulary. Pure data types: no SvelteKit, no database.
 * Trait ids and step numbers are stable across questionnaire versions, so rounds
 * that used different versions stay comparable.
 */

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every product language. Finnish is the source language. */
export type Text = Readonly<Record<Locale, string>>;

export const TRAIT_IDS = [
	'shared_goal',
	'deliberate',
	'trust',
	'concrete',
	'reciprocity',
	'mutual_need',
	'respect',
	'meeting_place'
] as const;
export type TraitId = (typeof TRAIT_IDS)[number];

export const STEPS = [1, 2, 3, 4, 5, 6] as const;
export type Step = (typeof STEPS)[number];
/** Steps that have observable-practice statements; step 1 ("no cooperation") is the floor. */
export const EVIDENCE_STEPS = [2, 3, 4, 5, 6] as const;
export type EvidenceStep = (typeof EVIDENCE_STEPS)[number];

export const SIDES = ['municipality', 'association'] as const;
export type Side = (typeof SIDES)[number];

export interface TraitDefinition {
	id: TraitId;
	name: Text;
	/** One or two sentences that explain the trait to a respondent or a reader of a report. */
	description: Text;
}

export interface StepDefinition {
	step: Step;
	name: Text;
	/** What cooperation on this step looks like in practice. */
	description: Text;
}

/** An agreement statement (1–5 plus "I can't say") that measures one trait. */
export interface TraitItem {
	id: string;
	trait: TraitId;
	text: Text;
}

/** An agreement statement (1–5 plus "I can't say") of observable practice on one step. */
export interface PracticeItem {
	id: string;
	step: EvidenceStep;
	text: Text;
}

export interface ChoiceOption {
	id: string;
	label: Text;
}

/** A descriptive, unscored question: tick every option that applies. */
export interface ChoiceItem {
	id: string;
	text: Text;
	help?: Text;
	options: readonly ChoiceOption[];
}

export interface SelfPlacementItem {
	id: string;
	text: Text;
	help?: Text;
}

export interface TextItem {
	id: string;
	text: Text;
	help?: Text;
	maxLength: number;
}

export interface QuestionnaireVersion {
	/** Stable version id stored with every round, e.g. "2026-1". */
	id: string;
	/** Labels of the agreement scale, 1 = fully disagree … 5 = fully agree. */
	scale: Readonly<Record<1 | 2 | 3 | 4 | 5, Text>>;
	cantSay: Text;
	traits: readonly TraitDefinition[];
	steps: readonly StepDefinition[];
	traitItems: readonly TraitItem[];
	practiceItems: readonly PracticeItem[];
	selfPlacement: { now: SelfPlacementItem; target: SelfPlacementItem };
	/** What the partnership does together, which resources it combines. */
	descriptive: readonly ChoiceItem[];
	comment: TextItem;
	/**
	 * Section intros shown to the respondent. From 2026-2 an intro may name the sides with
	 * `{own}` (the respondent's organisation) and `{other}` (the partner); see fillNames.
	 */
	sections: Readonly<Record<'traits' | 'practice' | 'stairs' | 'profile', { title: Text; intro: Text }>>;
	/** How this version's items descend from the previous version's (absent on the first version). */
	lineage?: VersionLineage;
	/**
	 * Named readings of what the handbook says partnership adds to plain cooperation (equality,
	 * open interaction, added value for both, complementary resources): each names trait items
	 * that already ask it. Not a ninth trait: the items stay in their traits' means.
	 */
	distinctions?: readonly Distinction[];
}

/**
 * How an item relates to the previous version: asked in the very same words ('same'), the same
 * thing in clearer words ('reworded'), one part of an item that asked two things ('split'),
 * or something the previous version did not ask ('new').
 */
export type ItemOrigin = { relation: 'same' | 'reworded' | 'split'; from: string } | { relation: 'new' };

export interface VersionLineage {
	/** The version this one replaces. */
	previous: string;
	/** Every item of this version, by id. */
	items: Readonly<Record<string, ItemOrigin>>;
	/** Items of the previous version that have no successor. */
	dropped: readonly string[];
}

export interface Distinction {
	id: string;
	name: Text;
	/** Trait item ids whose answers make this reading. */
	items: readonly string[];
}
