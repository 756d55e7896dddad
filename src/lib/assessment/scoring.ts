import type { Answers } from './answers.ts';
export { minAnswered } from './answers.ts';
import { tallyResponse, type Tally } from './tally.ts';
import { EVIDENCE_STEPS, type EvidenceStep, type QuestionnaireVersion, type Step } from './types.ts';

/**
 * Scoring: a pure function of (questionnaire version, answers). docs/scoring.md explains the
 * rules in plain language; its worked example is a test in tests/unit/assessment.
 * Bump SCORING_VERSION whenever a rule changes, so stored scores say which rules made them.
 *
 * Version 2: every number is decided on the value as shown (one decimal), means are pooled
 * over answers with integer sums (monotone and order-free), and a response must answer enough
 * to count at all.
 */
export const SCORING_VERSION = 2;

/** A step's practice statements must average at least this, as shown, for the step to count as reached. */
export const STEP_THRESHOLD = 3.5;
export const BAND_STRENGTH = 4.0;
export const BAND_DISCUSS = 3.0;

export type Band = 'strength' | 'discuss' | 'attention';

/**
 * The one rounding of the method: a mean of integer answers (sum / count) to one decimal,
 * halves up, computed in integers so it is exact and cannot depend on the order of the answers.
 * Every band, threshold and gap is decided on this value, the value every page shows.
 */
export function roundedMean(sum: number, count: number): number {
	return Math.floor((20 * sum + count) / (2 * count)) / 10;
}

/** A shown value in tenths (3.5 → 35): shown values are exact tenths, so comparisons are exact. */
export function tenths(value: number): number {
	return Math.round(value * 10);
}

/** The mean of two shown values, shown: what a reader gets by averaging the two numbers on the page. */
export function meanOfShown(a: number, b: number): number {
	return Math.floor((tenths(a) + tenths(b) + 1) / 2) / 10;
}

/** At least `threshold`, decided on shown values. */
export function atLeast(value: number, threshold: number): boolean {
	return tenths(value) >= tenths(threshold);
}

export function band(mean: number): Band {
	if (atLeast(mean, BAND_STRENGTH)) return 'strength';
	if (atLeast(mean, BAND_DISCUSS)) return 'discuss';
	return 'attention';
}

export interface StairsEvidence {
	/** The highest step reached climbing in order, or null when the answers cannot place it. */
	step: Step | null;
	/** The next step up and its mean as shown ("3,2 of the 3,5 needed"). */
	next: { step: EvidenceStep; mean: number | null } | null;
	/**
	 * Why the climb stopped: a step below the threshold, a step without enough answers, a step
	 * whose mean is withheld (too few people answered it), or the top.
	 */
	stoppedBy: 'threshold' | 'insufficient' | 'withheld' | 'top';
}

/** A step mean, or why there is none. */
export type StepInput = number | null | 'withheld';

/**
 * The cumulative rule of the stairs: step 1 is the floor; step s counts as reached when its
 * shown mean is at least STEP_THRESHOLD and step s−1 is reached. The same climb places one
 * respondent, a side and the pair.
 */
export function climb(stepMeans: Readonly<Record<EvidenceStep, StepInput>>): StairsEvidence {
	let reached: Step = 1;
	for (const s of EVIDENCE_STEPS) {
		const m = stepMeans[s];
		if (m === null || m === 'withheld') {
			// Without a number for step 2 nothing can be said; higher up, the climb stops here.
			return {
				step: s === 2 ? null : reached,
				next: s === 2 ? null : { step: s, mean: null },
				stoppedBy: m === null ? 'insufficient' : 'withheld'
			};
		}
		if (!atLeast(m, STEP_THRESHOLD)) return { step: reached, next: { step: s, mean: m }, stoppedBy: 'threshold' };
		reached = s;
	}
	return { step: 6, next: null, stoppedBy: 'top' };
}

/** What one response contributes: its tally, tagged with the rules and the questionnaire that made it. */
export interface ResponseScore {
	scoringVersion: number;
	questionnaireVersion: string;
	tally: Tally;
}

export function scoreResponse(version: QuestionnaireVersion, answers: Answers): ResponseScore {
	return { scoringVersion: SCORING_VERSION, questionnaireVersion: version.id, tally: tallyResponse(version, answers) };
}
