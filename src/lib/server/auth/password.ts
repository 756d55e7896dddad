import { hash, verify } from '@node-rs/argon2';

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
