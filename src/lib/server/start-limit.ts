import { prepared, writeTransaction } from './db.ts';
import { hashToken, nowIso } from './tokens.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Responses that may be started in an hour: on one link from one address (a table meeting or an
 * office behind one address stays well below), and on one link altogether. Set higher only where
 * a test measures throughput rather than this limit.
 */
export function startLimits(env: Record<string, string | undefined> = process.env) {
	const read = (value: string | undefined, fallback: number) => (value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : fallback);
	return { perAddress: read(env.START_LIMIT_PER_ADDRESS, 40), perLink: read(env.START_LIMIT_PER_LINK, 150) };
}

interface Row {
	window_start: string;
	starts: number;
}

/**
 * Counts one start on an invitation link, unless the link or this address on it has had its
 * hour's worth: then nothing is counted and the answer is the minutes until it may start again.
 * The address is kept only as a hash, beside the link's id, for at most the hour.
 */
export function takeStart(invitationId: number, address: string, now = Date.now(), limits = startLimits()): { ok: true } | { ok: false; minutes: number } {
	const keys = [
		{ key: `link:${invitationId}`, limit: limits.perLink },
		{ key: `address:${invitationId}:${hashToken(address)}`, limit: limits.perAddress }
	];
	return writeTransaction(() => {
		const rows = keys.map(({ key, limit }) => {
			const row = prepared('SELECT window_start, starts FROM start_limits WHERE key = ?').get(key) as Row | undefined;
			const fresh = !row || now - Date.parse(row.window_start) >= HOUR_MS;
			return { key, limit, start: fresh ? now : Date.parse(row!.window_start), starts: fresh ? 0 : row!.starts };
		});
		const full = rows.filter((r) => r.starts >= r.limit);
		if (full.length > 0) {
			const wait = Math.max(...full.map((r) => r.start + HOUR_MS - now));
			return { ok: false as const, minutes: Math.max(1, Math.ceil(wait / 60_000)) };
		}
		for (const r of rows)
			prepared(
				`INSERT INTO start_limits (key, window_start, starts) VALUES (?, ?, ?)
				 ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, starts = excluded.starts`
			).run(r.key, nowIso(r.start), r.starts + 1);
		// Old windows are of no use: keep the table small.
		prepared('DELETE FROM start_limits WHERE window_start < ?').run(nowIso(now - HOUR_MS));
		return { ok: true as const };
	});
}

/**
 * Counts the start and starts the response in one transaction: one commit (one fsync) instead of
 * two for every respondent who opens a link, and no start is counted for a response that was
 * not made.
 */
export function startWithinLimit<T>(
	invitationId: number,
	address: string,
	start: () => T,
	now = Date.now(),
	limits = startLimits()
): { ok: true; started: T } | { ok: false; minutes: number } {
	return writeTransaction(() => {
		const allowed = takeStart(invitationId, address, now, limits);
		return allowed.ok ? { ok: true as const, started: start() } : allowed;
	});
}
