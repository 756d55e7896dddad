import { prepared, writeTransaction } from '../db.ts';
import { nowIso } from '../tokens.ts';

/**
 * Failures allowed in a window before a key is blocked: few per account from one address, more
 * per address (offices share one). An account alone is never blocked (see login-guard.ts).
 */
export const FREE_FAILURES = { account: 5, address: 50 } as const;
const WINDOW_MS = 15 * 60 * 1000;
const BASE_BLOCK_MS = 30 * 1000;
const MAX_BLOCK_MS = 60 * 60 * 1000;

interface Row {
	failures: number;
	window_start: string;
	blocked_until: string | null;
}

const select = () => prepared('SELECT * FROM rate_limits WHERE key = ?');
const upsert = () =>
	prepared(
		`INSERT INTO rate_limits (key, failures, window_start, blocked_until) VALUES (?, ?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, blocked_until = excluded.blocked_until`
	);
const remove = () => prepared('DELETE FROM rate_limits WHERE key = ?');

/** Milliseconds until the key may try again; 0 when it may try now. */
export function retryAfter(key: string, now = Date.now()): number {
	const row = select().get(key) as Row | undefined;
	if (!row?.blocked_until) return 0;
	return Math.max(0, Date.parse(row.blocked_until) - now);
}

/** A new window starts after a quiet spell: the window, counted from its start or from the end of the last block. */
function isFresh(row: Row | undefined, now: number): boolean {
	return !row || now - Date.parse(row.blocked_until ?? row.window_start) > WINDOW_MS;
}

/** Failures of the key in its current window (0 after a quiet spell). */
export function failureCount(key: string, now = Date.now()): number {
	const row = select().get(key) as Row | undefined;
	return isFresh(row, now) ? 0 : row!.failures;
}

/**
 * Records a failure. At `free` failures in the window the key is blocked, and the block
 * doubles with every further failure (30 s, 1 min, 2 min, … up to an hour).
 */
export function recordFailure(key: string, free: number, now = Date.now()): void {
	writeTransaction(() => {
		const row = select().get(key) as Row | undefined;
		const fresh = isFresh(row, now);
		const failures = fresh ? 1 : row!.failures + 1;
		// The `free`th failure starts the block: after five wrong passwords the sixth attempt waits.
		const over = failures - free + 1;
		const blockedUntil = over > 0 ? nowIso(now + Math.min(MAX_BLOCK_MS, BASE_BLOCK_MS * 2 ** (over - 1))) : null;
		upsert().run(key, failures, fresh ? nowIso(now) : row!.window_start, blockedUntil);
	});
}

export function clearFailures(key: string): void {
	remove().run(key);
}
