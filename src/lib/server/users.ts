import { prepared, writeTransaction } from './db.ts';
import { hashToken, nowIso, randomToken } from './tokens.ts';

export type ProjectRole = 'project_worker' | 'coordinator';

export interface User {
	id: number;
	email: string;
	name: string;
	isAdmin: boolean;
	disabled: boolean;
	hasPassword: boolean;
}

interface UserRow {
	id: number;
	email: string;
	name: string;
	is_admin: number;
	disabled_at: string | null;
	password_hash: string | null;
}

const toUser = (r: UserRow): User => ({
	id: r.id,
	email: r.email,
	name: r.name,
	isAdmin: r.is_admin === 1,
	disabled: r.disabled_at !== null,
	hasPassword: r.password_hash !== null
});

export function countUsers(): number {
	return prepared('SELECT count(*) FROM users').pluck().get() as number;
}

export function getUser(id: number): User | undefined {
	const row = prepared('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
	return row && toUser(row);
}

/** The user and stored hash for sign-in; a disabled account is returned so the caller can refuse it alike. */
export function getCredentials(email: string): { user: User; passwordHash: string | null } | undefined {
	const row = prepared('SELECT * FROM users WHERE email = ?').get(email.trim()) as UserRow | undefined;
	return row && { user: toUser(row), passwordHash: row.password_hash };
}

export function getPasswordHash(userId: number): string | null {
	return prepared('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string | null;
}

export function listUsers(): (User & { memberships: { projectId: number; projectName: string; role: ProjectRole }[] })[] {
	const users = (prepared('SELECT * FROM users ORDER BY disabled_at IS NOT NULL, name COLLATE NOCASE').all() as UserRow[]).map(toUser);
	const memberships = prepared(
			`SELECT m.user_id, m.project_id, m.role, p.name FROM memberships m JOIN projects p ON p.id = m.project_id ORDER BY p.name`
		)
		.all() as { user_id: number; project_id: number; role: ProjectRole; name: string }[];
	return users.map((u) => ({
		...u,
		memberships: memberships
			.filter((m) => m.user_id === u.id)
			.map((m) => ({ projectId: m.project_id, projectName: m.name, role: m.role }))
	}));
}

export class EmailTakenError extends Error {}

export function createUser(input: { email: string; name: string; isAdmin: boolean; passwordHash?: string }): number {
	try {
		return Number(
			prepared('INSERT INTO users (email, name, is_admin, password_hash) VALUES (?, ?, ?, ?)')
				.run(input.email.trim(), input.name.trim(), input.isAdmin ? 1 : 0, input.passwordHash ?? null).lastInsertRowid
		);
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new EmailTakenError();
		throw error;
	}
}

/** A new password voids every unused password link of the user: the link was for a password they no longer need. */
export function setPasswordHash(userId: number, passwordHash: string): void {
	writeTransaction(() => {
		prepared('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
		voidPasswordLinks(userId);
	});
}

/** Unused links to set a password stop working (after a password change or a sign-in). */
export function voidPasswordLinks(userId: number): void {
	prepared('DELETE FROM user_tokens WHERE user_id = ? AND used_at IS NULL').run(userId);
}

export function setDisabled(userId: number, disabled: boolean): void {
	prepared('UPDATE users SET disabled_at = ? WHERE id = ?')
		.run(disabled ? nowIso() : null, userId);
}

export function roleIn(userId: number, projectId: number): ProjectRole | undefined {
	return prepared('SELECT role FROM memberships WHERE user_id = ? AND project_id = ?')
		.pluck()
		.get(userId, projectId) as ProjectRole | undefined;
}

export function setMembership(userId: number, projectId: number, role: ProjectRole | null): void {
	if (role === null) prepared('DELETE FROM memberships WHERE user_id = ? AND project_id = ?').run(userId, projectId);
	else
		prepared(
				`INSERT INTO memberships (user_id, project_id, role) VALUES (?, ?, ?)
				 ON CONFLICT (user_id, project_id) DO UPDATE SET role = excluded.role`
			)
			.run(userId, projectId, role);
}

export type TokenPurpose = 'invite' | 'reset';

const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A one-time link to set a password. Earlier unused links of the user stop working. */
export function createPasswordLink(userId: number, purpose: TokenPurpose, now = Date.now()): string {
	const token = randomToken();
	writeTransaction(() => {
		prepared('DELETE FROM user_tokens WHERE user_id = ? AND used_at IS NULL').run(userId);
		prepared('INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)')
			.run(hashToken(token), userId, purpose, nowIso(now + LINK_TTL_MS));
	});
	return token;
}

/** The user a still-valid, unused link belongs to. */
export function userForLink(token: string, now = Date.now()): User | undefined {
	const row = prepared(
			`SELECT u.* FROM user_tokens t JOIN users u ON u.id = t.user_id
			 WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND u.disabled_at IS NULL`
		)
		.get(hashToken(token), nowIso(now)) as UserRow | undefined;
	return row && toUser(row);
}

/** Uses a link once: sets the password and marks the link used, in one transaction. */
export function consumePasswordLink(token: string, passwordHash: string, now = Date.now()): User | undefined {
	return writeTransaction(() => {
		const user = userForLink(token, now);
		if (!user) return undefined;
		prepared('UPDATE user_tokens SET used_at = ? WHERE token_hash = ?').run(nowIso(now), hashToken(token));
		setPasswordHash(user.id, passwordHash);
		return user;
	});
}
