import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 256 bits from the CSPRNG, URL-safe. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed where the server never needs to show them again (sessions, one-time links). */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A token as this app makes them: 43 URL-safe characters. Anything else is rejected before a lookup. */
export function looksLikeToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function nowIso(now = Date.now()): string {
	return new Date(now).toISOString();
}
