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
