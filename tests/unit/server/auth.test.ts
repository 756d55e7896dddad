import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/lib/server/auth/password';
import { clearFailures, FREE_FAILURES, recordFailure, retryAfter } from '../../../src/lib/server/auth/rate-limit';
import { ABSOLUTE_MS, activeSessionCount, createSession, IDLE_MS, invalidateSession, invalidateUserSessions, validateSession } from '../../../src/lib/server/auth/sessions';
import { db } from '../../../src/lib/server/db';
import { consumePasswordLink, createPasswordLink, createUser, getPasswordHash, setDisabled, setPasswordHash, userForLink, voidPasswordLinks } from '../../../src/lib/server/users';
import { freshDatabase as newDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const NOW = Date.UTC(2026, 2, 1, 12);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let file = '';

function freshDatabase(): string {
	file = newDatabase('auth');
	return file;
}

restoreDatabaseAfterAll();

beforeEach(() => {
	freshDatabase();
});

let userCounter = 0;
const newUser = () => createUser({ email: `user${++userCounter}@example.fi`, name: `User ${userCounter}`, isAdmin: false });

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every text value in every row of a table. */
function allValues(table: string): string[] {
	return (db().prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).flatMap((row) =>
		Object.values(row).map((value) => String(value))
	);
}

/** The database's bytes on disk (main file and write-ahead log). */
function bytesOnDisk(): string {
	return [file, `${file}-wal`]
		.filter((f) => existsSync(f))
		.map((f) => readFileSync(f).toString('latin1'))
		.join('');
}

describe('sessions', () => {
	it('a new session validates for its user until its absolute expiry', () => {
		const userId = newUser();
		const { token, expiresAt } = createSession(userId, NOW);
		expect(expiresAt.getTime()).toBe(NOW + 12 * HOUR);
		expect(ABSOLUTE_MS).toBe(12 * HOUR);
		const valid = validateSession(token, NOW + SECOND);
		expect(valid?.user.id).toBe(userId);
		expect(valid?.expiresAt.getTime()).toBe(NOW + 12 * HOUR);
	});

	it('an unknown or altered token does not validate', () => {
		const userId = newUser();
		const { token } = createSession(userId, NOW);
		expect(validateSession('x'.repeat(43), NOW)).toBeNull();
		expect(validateSession('', NOW)).toBeNull();
		const altered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
		expect(validateSession(altered, NOW)).toBeNull();
		expect(validateSession(sha256(token), NOW)).toBeNull(); // the stored hash is not a key
	});

	it('ends after 30 minutes idle', () => {
		expect(IDLE_MS).toBe(30 * MINUTE);
		const userId = newUser();
		const a = createSession(userId, NOW).token;
		const b = createSession(userId, NOW).token;
		expect(validateSession(a, NOW + 30 * MINUTE - 1)?.user.id).toBe(userId);
		expect(validateSession(b, NOW + 30 * MINUTE)).toBeNull();
		// An ended session stays ended, whatever clock is asked later.
		expect(validateSession(b, NOW + MINUTE)).toBeNull();
	});

	it('activity keeps it alive past 30 minutes, idle time counts from the last use', () => {
		const userId = newUser();
		const { token } = createSession(userId, NOW);
		expect(validateSession(token, NOW + 25 * MINUTE)).not.toBeNull();
		expect(validateSession(token, NOW + 50 * MINUTE)).not.toBeNull();
		expect(validateSession(token, NOW + 79 * MINUTE)).not.toBeNull();
		expect(validateSession(token, NOW + 79 * MINUTE + 30 * MINUTE)).toBeNull();
	});

	it('ends after 12 hours however active', () => {
		const userId = newUser();
		const { token } = createSession(userId, NOW);
		let t = NOW;
		for (; t < NOW + 12 * HOUR; t += 20 * MINUTE) expect(validateSession(token, t)?.user.id).toBe(userId);
		expect(validateSession(token, NOW + 12 * HOUR - 1)?.user.id).toBe(userId);
		expect(validateSession(token, NOW + 12 * HOUR)).toBeNull();
		expect(validateSession(token, NOW + 12 * HOUR - 1)).toBeNull();
	});

	it("a disabled user's session stops validating", () => {
		const userId = newUser();
		const other = newUser();
		const { token } = createSession(userId, Date.now());
		const theirs = createSession(other, Date.now()).token;
		expect(validateSession(token)).not.toBeNull();
		setDisabled(userId, true);
		expect(validateSession(token)).toBeNull();
		expect(validateSession(theirs)?.user.id).toBe(other);
	});

	it('invalidateUserSessions ends all of the user’s sessions and only theirs', () => {
		const userId = newUser();
		const other = newUser();
		const mine = [createSession(userId, NOW), createSession(userId, NOW), createSession(userId, NOW)].map((s) => s.token);
		const theirs = createSession(other, NOW).token;
		expect(activeSessionCount(userId, NOW + MINUTE)).toBe(3);
		expect(invalidateUserSessions(userId)).toBe(3);
		for (const token of mine) expect(validateSession(token, NOW + MINUTE)).toBeNull();
		expect(activeSessionCount(userId, NOW + MINUTE)).toBe(0);
		expect(validateSession(theirs, NOW + MINUTE)?.user.id).toBe(other);
	});

	it('invalidateSession (sign-out) ends that one session', () => {
		const userId = newUser();
		const a = createSession(userId, NOW).token;
		const b = createSession(userId, NOW).token;
		invalidateSession(a);
		expect(validateSession(a, NOW + MINUTE)).toBeNull();
		expect(validateSession(b, NOW + MINUTE)).not.toBeNull();
	});

	it('ids are 43-character base64url strings of 256 random bits, all different', () => {
		const userId = newUser();
		const tokens = Array.from({ length: 200 }, () => createSession(userId, NOW).token);
		for (const token of tokens) {
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		}
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('only a hash of the id is stored, never the cookie value', () => {
		const userId = newUser();
		const tokens = Array.from({ length: 5 }, () => createSession(userId, NOW).token);
		const hashes = db().prepare('SELECT id_hash FROM sessions').pluck().all() as string[];
		expect(hashes.sort()).toEqual(tokens.map(sha256).sort());
		const values = allValues('sessions');
		for (const token of tokens) {
			expect(values.some((value) => value.includes(token))).toBe(false);
			expect(bytesOnDisk().includes(token)).toBe(false);
		}
	});
});

describe('rate limit', () => {
	const key = 'login:account:someone@example.fi';
	const free = FREE_FAILURES.account;

	/** A sign-in attempt as the login action makes it: refused while blocked, else a failure is recorded. */
	function attempt(t: number, k = key): boolean {
		if (retryAfter(k, t) > 0) return false;
		recordFailure(k, free, t);
		return true;
	}

	it('lets 5 wrong passwords through per account and makes the 6th attempt wait 30 s', () => {
		expect(free).toBe(5);
		const outcomes = Array.from({ length: 8 }, (_, i) => attempt(NOW + i * SECOND));
		expect(outcomes).toEqual([true, true, true, true, true, false, false, false]);
		expect(retryAfter(key, NOW + 4 * SECOND)).toBe(30 * SECOND);
		expect(retryAfter(key, NOW + 4 * SECOND + 30 * SECOND - 1)).toBe(1);
		expect(retryAfter(key, NOW + 4 * SECOND + 30 * SECOND)).toBe(0);
		// Other keys are not affected.
		expect(retryAfter('login:account:other@example.fi', NOW + 5 * SECOND)).toBe(0);
		expect(attempt(NOW + 5 * SECOND, 'login:account:other@example.fi')).toBe(true);
	});

	it('doubles the block with each further failure, up to an hour', () => {
		let t = NOW;
		const blocks: number[] = [];
		for (let i = 0; i < 20; i++) {
			expect(attempt(t)).toBe(true);
			const block = retryAfter(key, t);
			if (block > 0) {
				blocks.push(block);
				expect(attempt(t + block - 1)).toBe(false); // still blocked a moment before it ends
			}
			t += block; // the next try comes when the block ends
		}
		expect(blocks.length).toBe(20 - free + 1);
		expect(blocks[0]).toBe(30 * SECOND);
		for (let i = 1; i < blocks.length; i++) expect(blocks[i]).toBe(Math.min(HOUR, 2 * blocks[i - 1]));
		expect(Math.max(...blocks)).toBe(HOUR);
		expect(blocks.at(-1)).toBe(HOUR);
	});

	it('clearFailures resets the key: five free attempts again', () => {
		for (let i = 0; i < 7; i++) recordFailure(key, free, NOW);
		expect(retryAfter(key, NOW)).toBeGreaterThan(0);
		clearFailures(key);
		expect(retryAfter(key, NOW)).toBe(0);
		const outcomes = Array.from({ length: 6 }, () => attempt(NOW + MINUTE));
		expect(outcomes).toEqual([true, true, true, true, true, false]);
		expect(retryAfter(key, NOW + MINUTE)).toBe(30 * SECOND);
	});

	it('forgets failures older than the 15-minute window', () => {
		for (let i = 0; i < 4; i++) expect(attempt(NOW)).toBe(true);
		// Four old and four new failures: nine would block if the old ones still counted.
		for (let i = 0; i < 4; i++) expect(attempt(NOW + 16 * MINUTE)).toBe(true);
		expect(retryAfter(key, NOW + 16 * MINUTE)).toBe(0);
	});
});

describe('passwords', () => {
	it('are hashed with argon2id, salted, and verify only with the right password', async () => {
		const password = 'oikea hevonen paristo niitti';
		const hash = await hashPassword(password);
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(hash).toContain('m=19456,t=2,p=1');
		expect(hash).not.toContain(password);
		expect(await hashPassword(password)).not.toBe(hash);
		expect(await verifyPassword(hash, password)).toBe(true);
		expect(await verifyPassword(hash, `${password} `)).toBe(false);
		expect(await verifyPassword(hash, 'Oikea hevonen paristo niitti')).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it.each<[string, string | null | undefined]>([
		['null', null],
		['undefined', undefined],
		['empty', ''],
		['garbage', 'not a hash'],
		['a truncated argon2 hash', '$argon2id$v=19$m=19456,t=2,p=1$'],
		['a bcrypt hash', '$2b$10$abcdefghijklmnopqrstuuJ3V0pL1b5VZ9rA9p8QqkBqZ8W3C9aVq']
	])('a %s stored hash verifies false, without throwing', async (_, stored) => {
		for (const password of ['', 'x', 'salasana1234', 'not a hash']) {
			await expect(verifyPassword(stored, password)).resolves.toBe(false);
		}
	});

	// The login action verifies against a dummy hash when the account has none (unknown e-mail, or
	// an invited person who has not set a password yet), so that failures take equally long. No
	// password at all may then verify: the dummy's own password is in the source code.
	it('an account without a password hash cannot be signed into with any password, not even the dummy’s', async () => {
		await expect(verifyPassword(null, 'portaat-timing-equaliser')).resolves.toBe(false);
		await expect(verifyPassword(undefined, 'portaat-timing-equaliser')).resolves.toBe(false);
	});
});

describe('password links', () => {
	it('work once: the user is found, the password set, and the link is then spent', () => {
		const userId = newUser();
		const token = createPasswordLink(userId, 'invite', NOW);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(userForLink(token, NOW + MINUTE)?.id).toBe(userId);
		expect(consumePasswordLink(token, 'hash-1', NOW + MINUTE)?.id).toBe(userId);
		expect(getPasswordHash(userId)).toBe('hash-1');
		expect(userForLink(token, NOW + 2 * MINUTE)).toBeUndefined();
		expect(consumePasswordLink(token, 'hash-2', NOW + 2 * MINUTE)).toBeUndefined();
		expect(getPasswordHash(userId)).toBe('hash-1');
	});

	it('expire after 7 days', () => {
		const userId = newUser();
		const token = createPasswordLink(userId, 'reset', NOW);
		expect(userForLink(token, NOW + 7 * DAY - 1)?.id).toBe(userId);
		expect(userForLink(token, NOW + 7 * DAY)).toBeUndefined();
		expect(consumePasswordLink(token, 'late', NOW + 7 * DAY)).toBeUndefined();
		expect(getPasswordHash(userId)).toBeNull();
	});

	it('a newer link invalidates the older one', () => {
		const userId = newUser();
		const older = createPasswordLink(userId, 'invite', NOW);
		const newer = createPasswordLink(userId, 'reset', NOW + MINUTE);
		expect(newer).not.toBe(older);
		expect(userForLink(older, NOW + 2 * MINUTE)).toBeUndefined();
		expect(consumePasswordLink(older, 'old', NOW + 2 * MINUTE)).toBeUndefined();
		expect(getPasswordHash(userId)).toBeNull();
		expect(consumePasswordLink(newer, 'new', NOW + 2 * MINUTE)?.id).toBe(userId);
		expect(getPasswordHash(userId)).toBe('new');
	});

	it('a reset link is void once the password is changed another way', () => {
		const userId = newUser();
		const token = createPasswordLink(userId, 'reset', NOW);
		setPasswordHash(userId, 'changed-on-the-account-page');
		expect(userForLink(token, NOW + MINUTE)).toBeUndefined();
		expect(consumePasswordLink(token, 'attacker', NOW + MINUTE)).toBeUndefined();
		expect(getPasswordHash(userId)).toBe('changed-on-the-account-page');
	});

	it('a reset link is void after a sign-in (voidPasswordLinks), and only that user\'s', () => {
		const userId = newUser();
		const other = newUser();
		const token = createPasswordLink(userId, 'reset', NOW);
		const otherToken = createPasswordLink(other, 'reset', NOW);
		voidPasswordLinks(userId);
		expect(userForLink(token, NOW + MINUTE)).toBeUndefined();
		expect(userForLink(otherToken, NOW + MINUTE)?.id).toBe(other);
	});

	it("one user's new link leaves another user's link working", () => {
		const a = newUser();
		const b = newUser();
		const linkA = createPasswordLink(a, 'invite', NOW);
		createPasswordLink(b, 'invite', NOW);
		expect(userForLink(linkA, NOW + MINUTE)?.id).toBe(a);
	});

	it("a disabled user's link does not work", () => {
		const userId = newUser();
		const token = createPasswordLink(userId, 'reset', Date.now());
		setDisabled(userId, true);
		expect(userForLink(token)).toBeUndefined();
		expect(consumePasswordLink(token, 'h')).toBeUndefined();
		expect(getPasswordHash(userId)).toBeNull();
	});

	it('only a hash of the link is stored', () => {
		const userId = newUser();
		const token = createPasswordLink(userId, 'invite', NOW);
		expect(db().prepare('SELECT token_hash FROM user_tokens').pluck().all()).toEqual([sha256(token)]);
		expect(allValues('user_tokens').some((value) => value.includes(token))).toBe(false);
		expect(bytesOnDisk().includes(token)).toBe(false);
	});
});
