import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { closeDb, db } from '$lib/server/db';

export const init: ServerInit = () => {
	// Open and migrate at start, so a bad database stops the server with a clear message.
	db();
	process.on('sveltekit:shutdown', closeDb);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(i18n, headers);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = randomUUID();
	console.error(`[error ${errorId}] ${event.request.method} ${event.route.id ?? event.url.pathname}`, error);
	return { message: 'Internal error', errorId };
};
