import type { Answers } from './answers.ts';
import {
	EVIDENCE_STEPS,
	TRAIT_IDS,
	type EvidenceStep,
	type QuestionnaireVersion,
	type Step,
	type TraitId
} from './types.ts';

/**
 * Scoring: a pure function of (questionnaire version, answers). docs/scoring.md explains
 * the rules in plain language; its worked example is a test in tests/unit/assessment.
 * Bump SCORING_VERSION whenever a rule below changes, so stored scores say which rules made them.
 */
export const SCORING_VERSION = 1;

/** A step's practice statements must average at least this for the step to count as reached. */
export const STEP_THRESHOLD = 3.5;
export const BAND_STRENGTH = 4.0;
export const BAND_DISCUSS = 3.0;

export type Band = 'strength' | 'discuss' | 'attention';

/**
 * Means of thirds are not exact in floating point ((11/3 + 10/3) / 2 is 3.4999…), so a
 * threshold counts as met within a tolerance far below any difference an answer can make.
 */
export function atLeast(value: number, threshold: number): boolean {
	return value >= threshold - 1e-9;
}

export function band(mean: number): Band {
	if (atLeast(mean, BAND_STRENGTH)) return 'strength';
	if (atLeast(mean, BAND_DISCUSS)) return 'discuss';
	return 'attention';
}

/** A 1–5 mean on a 0–100 scale: 1 → 0, 3 → 50, 5 → 100. */
export function to100(mean: number): number {
	return Math.round(((mean - 1) / 4) * 100);
}

/**
 * At least half of a group's statements (rounded up) must be answered on the 1–5 scale
 * before its mean is shown; fewer gives "not enough answers", never a made-up number.
 */
export function minAnswered(items: number): number {
	return Math.max(1, Math.ceil(items / 2));
}

export interface ItemGroupScore {
	/** Mean of the answered statements, or null when too few were answered. */
	mean: number | null;
	items: number;
	answered: number;
	cantSay: number;
	missing: number;
}

export interface TraitScore extends ItemGroupScore {
	band: Band | null;
	score100: number | null;
}

export interface StairsEvidence {
	/** The highest step reached climbing in order, or null when the answers cannot place it. */
	step: Step | null;
	/** The next step up: its mean and how far towards the threshold it is (0–1). */
	next: { step: EvidenceStep; mean: number | null; progress: number | null } | null;
	/** Why the climb stopped: a step below the threshold, a step without enough answers, or the top. */
	stoppedBy: 'threshold' | 'insufficient' | 'top';
}

export interface ResponseScore {
	scoringVersion: number;
	questionnaireVersion: string;
	traits: Record<TraitId, TraitScore>;
	stepItems: Record<EvidenceStep, ItemGroupScore>;
	evidence: StairsEvidence;
	selfPlaced: Step | null;
	target: Step | null;
}

function mean(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

function scoreItems(itemIds: readonly string[], answers: Answers): ItemGroupScore {
	const values: number[] = [];
	let cantSay = 0;
	let missing = 0;
	for (const id of itemIds) {
		const value = answers[id];
		if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) values.push(value);
		else if (value === 'na') cantSay++;
		else missing++;
	}
	const enough = values.length >= minAnswered(itemIds.length);
	return {
		mean: enough ? mean(values) : null,
		items: itemIds.length,
		answered: values.length,
		cantSay,
		missing
	};
}

/**
 * The cumulative rule of the stairs: step 1 is the floor; step s counts as reached when its
 * mean is at least STEP_THRESHOLD and step s−1 is reached. The climb is the same for one
 * respondent and for a group (a side, a pair), which passes the means of its step means.
 */
export function climb(stepMeans: Readonly<Record<EvidenceStep, number | null>>): StairsEvidence {
	let reached: Step = 1;
	for (const s of EVIDENCE_STEPS) {
		const m = stepMeans[s];
		if (m === null) {
			// Without evidence for step 2 nothing can be said; higher up, the climb stops here.
			return {
				step: s === 2 ? null : reached,
				next: s === 2 ? null : { step: s, mean: null, progress: null },
				stoppedBy: 'insufficient'
			};
		}
		if (!atLeast(m, STEP_THRESHOLD)) {
			return {
				step: reached,
				next: { step: s, mean: m, progress: Math.max(0, (m - 1) / (STEP_THRESHOLD - 1)) },
				stoppedBy: 'threshold'
			};
		}
		reached = s;
	}
	return { step: 6, next: null, stoppedBy: 'top' };
}

function asStep(value: unknown): Step | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6
		? (value as Step)
		: null;
}

export function scoreResponse(version: QuestionnaireVersion, answers: Answers): ResponseScore {
	const traits = {} as Record<TraitId, TraitScore>;
	for (const trait of TRAIT_IDS) {
		const ids = version.traitItems.filter((i) => i.trait === trait).map((i) => i.id);
		const group = scoreItems(ids, answers);
		traits[trait] = {
			...group,
			band: group.mean === null ? null : band(group.mean),
			score100: group.mean === null ? null : to100(group.mean)
		};
	}
	const stepItems = {} as Record<EvidenceStep, ItemGroupScore>;
	for (const s of EVIDENCE_STEPS) {
		const ids = version.practiceItems.filter((i) => i.step === s).map((i) => i.id);
		stepItems[s] = scoreItems(ids, answers);
	}
	const stepMeans = Object.fromEntries(EVIDENCE_STEPS.map((s) => [s, stepItems[s].mean])) as Record<
		EvidenceStep,
		number | null
	>;
	return {
		scoringVersion: SCORING_VERSION,
		questionnaireVersion: version.id,
		traits,
		stepItems,
		evidence: climb(stepMeans),
		selfPlaced: asStep(answers[version.selfPlacement.now.id]),
		target: asStep(answers[version.selfPlacement.target.id])
	};
}
