import { error } from '@sveltejs/kit';
import { looksLikeToken } from '../tokens.ts';
import { FREE_FAILURES, recordFailure, retryAfter } from './rate-limit.ts';

/**
 * Looks up a bearer link (invitation, resume, password link). Only unknown tokens count, as
 * failures of the caller's address, and an address that guesses too much is refused for a while
 * for unknown tokens only: a valid link always opens, so one noisy device behind an office's
 * shared address cannot lock out everyone else there.
 */
export function lookupLink<T>(address: string, token: string, find: (token: string) => T | undefined): T | undefined {
	const found = looksLikeToken(token) ? find(token) : undefined;
	if (found !== undefined) return found;
	const key = `link:address:${address}`;
	if (retryAfter(key) > 0) error(429, 'Too many attempts');
	recordFailure(key, FREE_FAILURES.address);
	return undefined;
}
