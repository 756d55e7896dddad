/** Did a number move between two rounds? Trait means move when they change by at least this much. */
export const TRAIT_MOVE = 0.2;

export type Moved = 'up' | 'down' | 'same' | 'unknown';

/**
 * Compares a trait mean or a step before an action was agreed with the first later round.
 * Unknown when either end is missing (not enough answers, withheld, or no later round yet).
 */
export function moved(before: number | null, after: number | null, threshold = TRAIT_MOVE): Moved {
	if (before === null || after === null) return 'unknown';
	const change = after - before;
	if (change >= threshold - 1e-9) return 'up';
	if (change <= -threshold + 1e-9) return 'down';
	return 'same';
}

export interface Since {
	/** The earlier round compared with: the latest before this one that shows a value. */
	round: number;
	before: number;
	after: number;
	direction: 'up' | 'down' | 'same';
}

/**
 * A value's change against the latest earlier round that shows one, so a withheld or unanswered
 * round in between does not hide that a pair went from step 2 to step 4. Null when this round
 * shows no value, or no earlier round does.
 */
export function sinceEarlier(series: readonly { round: number; value: number | null }[], round: number): Since | null {
	const at = series.findIndex((r) => r.round === round);
	const after = series[at]?.value ?? null;
	if (after === null) return null;
	const earlier = series.slice(0, at).findLast((r) => r.value !== null);
	if (!earlier) return null;
	const diff = Math.round(after * 10) - Math.round(earlier.value! * 10);
	return { round: earlier.round, before: earlier.value!, after, direction: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same' };
}
