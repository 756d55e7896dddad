import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { baseLocale, getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage, toLocale } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { securityHeaders } from '$lib/security-headers';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/sessions';
import { closeDb, db } from '$lib/server/db';
import { rescoreOutdated } from '$lib/server/rescore';
import { purgeExpiredAnswers } from '$lib/server/retention';
import { looksLikeToken } from '$lib/server/tokens';
import { countUsers } from '$lib/server/users';

/** The store getLocale() reads on the server: paraglide's own, created here if its middleware has not run yet. */
function localeStore() {
	let store = getServerAsyncLocalStorage();
	if (!store) overwriteServerAsyncLocalStorage((store = new AsyncLocalStorage()));
	return store;
}

export const init: ServerInit = () => {
	// Open and migrate at start, so a bad database stops the server with a clear message.
	db();
	process.on('sveltekit:shutdown', closeDb);
	// Results stored by earlier scoring rules are brought up to date once, before any page reads them.
	const rescored = rescoreOutdated();
	if (rescored.recomputed + rescored.kept > 0)
		console.log(
			`Scoring rules changed: recomputed ${rescored.recomputed} round(s) from their answers; ` +
				`${rescored.kept} round(s) whose answers were erased keep their earlier numbers, marked with their scoring version.`
		);
	// Retention runs at start and then every six hours; the timer never keeps the process alive.
	const purge = () => {
		const purged = purgeExpiredAnswers();
		if (purged.length > 0) console.log(`Erased the raw answers of ${purged.length} round(s) past their retention time.`);
	};
	purge();
	setInterval(purge, 6 * 60 * 60 * 1000).unref();
	if (countUsers() === 0)
		console.log('Portaat has no users yet. Create the first administrator:\n  npm run portaat -- create-admin --email you@example.fi --name "Your Name"');
};

const withLang = (locale: string) => ({ transformPageChunk: ({ html }: { html: string }) => html.replace('%paraglide.lang%', locale) });
const finnish = withLang(baseLocale);

/**
 * A path without a locale prefix is Finnish, whatever the cookie says (the url strategy comes
 * first and its Finnish pattern matches every path), and needs no rewriting: paraglide's
 * middleware would still copy the request, body and all, on every submit and page post. Such
 * requests only get the locale paraglide would give them; /sv/… and /en/… go through it.
 */
const i18n: Handle = ({ event, resolve }) => {
	if (toLocale(event.url.pathname.split('/', 2)[1]) === undefined)
		return localeStore().run({ locale: baseLocale, origin: event.url.origin, messageCalls: new Set() }, () => resolve(event, finnish));
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, withLang(locale));
	});
};

/** The session is checked once here; every load and action checks authorisation itself. */
const session: Handle = ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const valid = token && looksLikeToken(token) ? validateSession(token) : null;
	event.locals.user = valid?.user ?? null;
	event.locals.sessionToken = valid ? token! : null;
	if (token && !valid) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders(event.url.protocol === 'https:'))) response.headers.set(name, value);
	// Staff pages and respondents' own pages must never be cached by a shared cache.
	if (event.locals.user || event.route.id?.startsWith('/r/') || event.route.id?.startsWith('/a/'))
		response.headers.set('Cache-Control', 'no-store');
	return response;
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** adapter-node's BODY_SIZE_LIMIT in bytes (512K unless set; K, M and G as it reads them). */
function bodyLimit(value = process.env.BODY_SIZE_LIMIT ?? '512K'): number {
	if (value === 'Infinity') return Infinity;
	const match = /^(\d+)([KMG]?)$/i.exec(value.trim());
	if (!match) return 512 * 1024;
	return Number(match[1]) * ({ '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[match[2].toUpperCase()];
}
const BODY_LIMIT = bodyLimit();
const tooLarge = () => new Response(m.error_body_too_large(), { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Form posts that no action can read are refused before they reach one: a body that is not a
 * form (415) or does not parse (400), and action names SvelteKit would look up on the actions
 * object's prototype (`?/constructor`, `?/toString`) or the reserved `default` (404).
 */
const formGuard: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || event.route.id === null || event.url.pathname.includes('/export/')) return resolve(event);
	const action = [...event.url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1);
	if (action !== undefined && (action === 'default' || action in Object.prototype)) return new Response('Not found', { status: 404 });
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return new Response('Send the form as a form post.', { status: 415 });
	// A urlencoded body always parses (bad escapes stay as text); only multipart can fail, so only it is read twice.
	// An oversized one is refused here with a message in the user's language, before adapter-node would.
	if (type !== 'multipart/form-data') return Number(event.request.headers.get('content-length')) > BODY_LIMIT ? tooLarge() : resolve(event);
	try {
		await event.request.clone().formData();
	} catch (e) {
		// adapter-node's BODY_SIZE_LIMIT: say so in the user's language rather than "cannot be read".
		if ((e as { status?: number }).status === 413) return tooLarge();
		return new Response('The form could not be read.', { status: 400 });
	}
	return resolve(event);
};

// headers before formGuard, so that its refusals carry them too.
export const handle = sequence(i18n, headers, formGuard, session);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// A 4xx is the request's fault, not ours: say so plainly, with no error id to report.
	if (status < 500) return { message };
	const errorId = randomUUID();
	console.error(`[error ${errorId}] ${event.request.method} ${event.route.id ?? event.url.pathname}`, error);
	return { message: 'Internal error', errorId };
};
