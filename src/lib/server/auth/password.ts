import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane), the library's defaults.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

// Verified against when the e-mail is unknown, so a failure takes as long either way.
const dummy = hashPassword('portaat-timing-equaliser');

/** False for an account without a password (invited, not yet set) too, after the same work. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
	try {
		const matches = await verify(stored ?? (await dummy), password);
		return matches && stored != null;
	} catch {
		return false;
	}
}

/** The 10,000 most common passwords (zxcvbn-ts's list is ordered by frequency), lower-cased. */
const COMMON = new Set(dictionary['passwords-common'].slice(0, 10_000).map((p) => p.toLowerCase()));

/**
 * Why a new password is refused, as a message key, or undefined when it is fine: one of the most
 * common passwords, or one that contains the name part of the user's e-mail address (the whole
 * of it without dots and dashes, or any of its parts of four letters or more).
 */
export function weakPassword(password: string, email: string): 'error_password_common' | 'error_password_email' | undefined {
	const lower = password.toLowerCase();
	if (COMMON.has(lower)) return 'error_password_common';
	const local = email.toLowerCase().split('@')[0];
	const parts = local.split(/[._+-]+/).filter((p) => p.length >= 4);
	const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, '');
	const whole = local.replace(/[^\p{L}\p{N}]/gu, '');
	if ((whole.length >= 3 && squeezed.includes(whole)) || parts.some((p) => lower.includes(p))) return 'error_password_email';
	return undefined;
}
