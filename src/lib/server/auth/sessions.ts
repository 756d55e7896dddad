import { prepared } from '../db.ts';
import { hashToken, nowIso, randomToken } from '../tokens.ts';
import { getUser, type User } from '../users.ts';

// OWASP ASVS level 2: 30 minutes idle, 12 hours absolute.
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Touch last_seen_at at most this often, so reads do not turn into a write per request.
const TOUCH_MS = 60 * 1000;

export const SESSION_COOKIE = 'portaat_session';

interface SessionRow {
	id_hash: string;
	user_id: number;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
}

/** A new session with a fresh random id; only its hash is stored. Returns the cookie value. */
export function createSession(userId: number, now = Date.now()): { token: string; expiresAt: Date } {
	const token = randomToken();
	const expiresAt = new Date(now + ABSOLUTE_MS);
	prepared('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
		.run(hashToken(token), userId, nowIso(now), nowIso(now), expiresAt.toISOString());
	return { token, expiresAt };
}

/** The signed-in user for a cookie value, or null when the session is unknown, expired or the account disabled. */
export function validateSession(token: string, now = Date.now()): { user: User; expiresAt: Date } | null {
	const idHash = hashToken(token);
	const row = prepared('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
	if (!row) return null;
	const lastSeen = Date.parse(row.last_seen_at);
	if (now >= Date.parse(row.expires_at) || now - lastSeen >= IDLE_MS) {
		prepared('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
		return null;
	}
	const user = getUser(row.user_id);
	if (!user || user.disabled) {
		prepared('DELETE FROM sessions WHERE user_id = ?').run(row.user_id);
		return null;
	}
	if (now - lastSeen >= TOUCH_MS) prepared('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(nowIso(now), idHash);
	return { user, expiresAt: new Date(row.expires_at) };
}

export function invalidateSession(token: string): void {
	prepared('DELETE FROM sessions WHERE id_hash = ?').run(hashToken(token));
}

export function invalidateUserSessions(userId: number): number {
	return prepared('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
}

export function activeSessionCount(userId: number, now = Date.now()): number {
	return prepared('SELECT count(*) FROM sessions WHERE user_id = ? AND expires_at > ? AND last_seen_at > ?')
		.pluck()
		.get(userId, nowIso(now), nowIso(now - IDLE_MS)) as number;
}
