import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_FREE_FAILURES, loginGate, MAX_DELAY_MS, recordLoginFailure, recordLoginRefusal, recordLoginSuccess } from '../../../../src/lib/server/auth/login-guard';
import { FREE_FAILURES } from '../../../../src/lib/server/auth/rate-limit';
import { freshDatabase, restoreDatabaseAfterAll } from '../../../helpers/database';

const NOW = Date.UTC(2026, 2, 1, 12);
const victim = 'victim@example.fi';

restoreDatabaseAfterAll();
beforeEach(() => {
	freshDatabase('login-guard');
});

/** An attempt with a wrong password as the login action makes it; false when it was refused unchecked. */
function wrong(address: string, t = NOW, email = victim): boolean {
	if (loginGate(email, address, t).blockedMs > 0) {
		recordLoginRefusal(email, address, t);
		return false;
	}
	recordLoginFailure(email, address, t);
	return true;
}

describe('sign-in limits', () => {
	it('a thousand wrong passwords from one address block that address, never the account', () => {
		const checked = Array.from({ length: 1000 }, () => wrong('203.0.113.9')).filter(Boolean).length;
		expect(checked).toBe(FREE_FAILURES.account);
		// The guessing address stays blocked, for this account and any other after 50 failures.
		expect(loginGate(victim, '203.0.113.9', NOW).blockedMs).toBeGreaterThan(0);
		// Anyone else signs in at once: no block, no delay.
		expect(loginGate(victim, '198.51.100.7', NOW)).toEqual({ blockedMs: 0, delayMs: 0 });
		recordLoginSuccess(victim, '198.51.100.7');
		expect(loginGate(victim, '203.0.113.9', NOW).blockedMs).toBeGreaterThan(0);
	}, 60_000);

	it('an address that keeps guessing while blocked stays blocked, up to an hour', () => {
		const address = '203.0.113.9';
		let t = NOW;
		for (let i = 0; i < 5; i++) wrong(address, t);
		// One refused try every 20 s: each extends the block, so the address never gets another check.
		for (let i = 0; i < 100; i++) {
			t += 20_000;
			expect(wrong(address, t)).toBe(false);
		}
		expect(loginGate(victim, address, t).blockedMs).toBe(60 * 60 * 1000);
		// Elsewhere the account is open.
		expect(loginGate(victim, '198.51.100.7', t)).toEqual({ blockedMs: 0, delayMs: 0 });
	});

	it('an address that guesses many accounts is blocked after 50 failures', () => {
		const checked = Array.from({ length: 200 }, (_, i) => wrong('203.0.113.9', NOW, `user${i}@example.fi`)).filter(Boolean).length;
		expect(checked).toBe(FREE_FAILURES.address);
		expect(loginGate('someone-new@example.fi', '203.0.113.9', NOW).blockedMs).toBeGreaterThan(0);
	});

	it('guessing one account from many addresses meets a doubling delay, never a block, and never at a clean address', () => {
		const delays: number[] = [];
		for (let i = 0; i < 40; i++) {
			const address = `10.0.${i >> 8}.${i & 255}`;
			expect(wrong(address)).toBe(true);
			// The same address's next try is slowed once the account has had its free failures.
			const gate = loginGate(victim, address, NOW);
			expect(gate.blockedMs).toBe(0);
			delays.push(gate.delayMs);
			// A clean address is never slowed.
			expect(loginGate(victim, '198.51.100.7', NOW)).toEqual({ blockedMs: 0, delayMs: 0 });
		}
		expect(delays.slice(0, ACCOUNT_FREE_FAILURES - 1).every((d) => d === 0)).toBe(true);
		const slowed = delays.slice(ACCOUNT_FREE_FAILURES - 1);
		expect(slowed[0]).toBeGreaterThan(0);
		for (let i = 1; i < slowed.length; i++) expect(slowed[i]).toBe(Math.min(MAX_DELAY_MS, 2 * slowed[i - 1]));
		expect(slowed.at(-1)).toBe(MAX_DELAY_MS);
	});

	it('the account counter forgets after a quiet quarter of an hour', () => {
		for (let i = 0; i < 30; i++) wrong(`10.0.0.${i}`);
		expect(loginGate(victim, '10.0.0.1', NOW).delayMs).toBeGreaterThan(0);
		const later = NOW + 16 * 60 * 1000;
		expect(loginGate(victim, '10.0.0.1', later)).toEqual({ blockedMs: 0, delayMs: 0 });
	});
});
