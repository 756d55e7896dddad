import { beforeEach, describe, expect, it } from 'vitest';
import { lookupLink } from '../../../../src/lib/server/auth/link-guard';
import { FREE_FAILURES } from '../../../../src/lib/server/auth/rate-limit';
import { randomToken } from '../../../../src/lib/server/tokens';
import { freshDatabase, restoreDatabaseAfterAll } from '../../../helpers/database';

restoreDatabaseAfterAll();
beforeEach(() => {
	freshDatabase('link-guard');
});

const office = '192.0.2.10';
const valid = randomToken();
const find = (token: string) => (token === valid ? { token } : undefined);

function status(fn: () => unknown): number | 'ok' {
	try {
		fn();
		return 'ok';
	} catch (e) {
		return (e as { status: number }).status;
	}
}

describe('link guard', () => {
	it('refuses an address that guesses links, but still opens a valid link from it', () => {
		for (let i = 0; i < FREE_FAILURES.address; i++) expect(lookupLink(office, randomToken(), find)).toBeUndefined();
		expect(status(() => lookupLink(office, randomToken(), find))).toBe(429);
		expect(lookupLink(office, valid, find)).toEqual({ token: valid });
		// Other addresses are not affected.
		expect(lookupLink('198.51.100.7', randomToken(), find)).toBeUndefined();
	});

	it('counts only failures: a thousand valid opens never limit the address', () => {
		for (let i = 0; i < 1000; i++) expect(lookupLink(office, valid, find)).toEqual({ token: valid });
		expect(lookupLink(office, randomToken(), find)).toBeUndefined();
	});
});
