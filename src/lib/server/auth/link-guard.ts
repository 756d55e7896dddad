import { error } from '@sveltejs/kit';
import { looksLikeToken } from '../tokens.ts';
import { FREE_FAILURES, recordFailure, retryAfter } from './rate-limit.ts';

/**
 * Looks up a bearer link (invitation, resume, password link). Unknown tokens count as failures
 * of the caller's address, and an address that guesses too much is refused for a while.
 */
export function lookupLink<T>(address: string, token: string, find: (token: string) => T | undefined): T | undefined {
	const key = `link:address:${address}`;
	if (retryAfter(key) > 0) error(429, 'Too many attempts');
	const found = looksLikeToken(token) ? find(token) : undefined;
	if (found === undefined) recordFailure(key, FREE_FAILURES.address);
	return found;
}
