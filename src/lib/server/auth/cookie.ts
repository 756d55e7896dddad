import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions.ts';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Only a path on this site may be a place to return to after sign-in. Browsers drop tabs and
 * newlines from URLs ("/\t/evil.example" is "//evil.example"), so anything but printable
 * ASCII is refused, and the result must resolve to this origin.
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
	if (!next || !/^\/[\x21-\x7e]*$/.test(next) || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	const url = new URL(next, 'http://portaat.invalid');
	// Dot segments resolve away ("/.//evil.example" is "//evil.example"): check the result too.
	const path = url.pathname + url.search;
	return url.origin === 'http://portaat.invalid' && !path.startsWith('//') && !path.startsWith('/\\') ? path : fallback;
}
