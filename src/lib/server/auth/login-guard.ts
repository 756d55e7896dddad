import { clearFailures, failureCount, FREE_FAILURES, recordFailure, retryAfter } from './rate-limit.ts';

/** Failures of one account (from all addresses together) before its guessers are slowed down. */
export const ACCOUNT_FREE_FAILURES = 10;
const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 8000;

const keys = (email: string, address: string) => {
	const account = email.toLowerCase();
	return {
		address: `login:address:${address}`,
		pair: `login:pair:${account}|${address}`,
		account: `login:account:${account}`
	};
};

export type LoginGate = { blockedMs: number; delayMs: number };

/**
 * What a sign-in attempt must wait. Blocks fall only on addresses: one that guesses too much
 * (any account) or one that guessed this account too often. An account itself is never blocked,
 * so nobody can lock a victim out; guessing it from many addresses is slowed by a delay that
 * doubles with the account's failures, and only for addresses that have failed themselves:
 * the right password from an address that has not failed always signs in at once.
 */
export function loginGate(email: string, address: string, now = Date.now()): LoginGate {
	const k = keys(email, address);
	const blockedMs = Math.max(retryAfter(k.address, now), retryAfter(k.pair, now));
	if (blockedMs > 0 || failureCount(k.address, now) === 0) return { blockedMs, delayMs: 0 };
	const over = failureCount(k.account, now) - ACCOUNT_FREE_FAILURES;
	return { blockedMs: 0, delayMs: over < 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** over) };
}

export function recordLoginFailure(email: string, address: string, now = Date.now()): void {
	const k = keys(email, address);
	recordFailure(k.address, FREE_FAILURES.address, now);
	recordFailure(k.pair, FREE_FAILURES.account, now);
	recordFailure(k.account, Number.POSITIVE_INFINITY, now);
}

/**
 * An attempt refused while blocked still counts against (account, address): an address that
 * keeps guessing stays blocked (the block doubles, up to an hour) instead of getting a fresh
 * try each time a block ends. It falls only on that address's tries at that account.
 */
export function recordLoginRefusal(email: string, address: string, now = Date.now()): void {
	recordFailure(keys(email, address).pair, FREE_FAILURES.account, now);
}

/** The address proved itself for this account; failures elsewhere still count. */
export function recordLoginSuccess(email: string, address: string): void {
	clearFailures(keys(email, address).pair);
}
