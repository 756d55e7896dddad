import { expect, test } from '@playwright/test';
import { createRound, freshDatabase, removeDatabase, startServer } from './separate-server';

test.describe.configure({ mode: 'serial' });

test('without ORIGIN the app takes forms at any address it is reached at over http, and still refuses other sites', async ({ browser }) => {
	const databasePath = freshDatabase('any-address');
	const round = createRound(databasePath);
	const server = await startServer(databasePath, undefined, { ORIGIN: '' });
	try {
		for (const host of ['127.0.0.1', 'localhost']) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`http://${host}:${server.port}/a/${round.links.municipality}`);
			await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
			expect(new URL(page.url()).host).toBe(`${host}:${server.port}`);
			await context.close();
		}
		const crossSite = await fetch(`${server.origin}/a/${round.links.municipality}?/start`, {
			method: 'POST',
			body: '',
			redirect: 'manual',
			headers: { origin: 'http://attacker.example', 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(crossSite.status).toBe(403);
		// A forged protocol header does not make an http request look like https.
		const forged = await fetch(`${server.origin}/a/${round.links.municipality}?/start`, {
			method: 'POST',
			body: '',
			redirect: 'manual',
			headers: { origin: `https://127.0.0.1:${server.port}`, 'x-portaat-protocol': 'https', 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(forged.status).toBe(403);
	} finally {
		await server.stop('SIGTERM');
		removeDatabase(databasePath);
	}
});

const permissionsPolicy = /camera=\(\).*geolocation=\(\).*microphone=\(\)/;

test('pages, static files and early refusals carry the security headers; over http no HSTS', async ({ request, baseURL }) => {
	const replies = {
		page: await request.get('/login'),
		asset: await request.get('/favicon.svg'),
		notAForm: await request.post('/login', { data: '{}', headers: { origin: baseURL!, 'content-type': 'application/json' } }),
		unreadable: await request.post('/login', {
			data: '--x\r\nbroken',
			headers: { origin: baseURL!, 'content-type': 'multipart/form-data; boundary=y' }
		})
	};
	expect(replies.notAForm.status()).toBe(415);
	expect(replies.unreadable.status()).toBe(400);
	for (const [what, reply] of Object.entries(replies)) {
		const headers = reply.headers();
		expect(headers['permissions-policy'], what).toMatch(permissionsPolicy);
		expect(headers['x-content-type-options'], what).toBe('nosniff');
		expect(headers['referrer-policy'], what).toBe('same-origin');
		expect(headers['x-frame-options'], what).toBe('DENY');
		expect(headers['strict-transport-security'], what).toBeUndefined();
	}
});

test('a form body over the size limit gets 413 with a message in the user’s language', async ({ request, baseURL }) => {
	const reply = await request.post('/login', {
		form: { email: 'someone@example.fi', password: 'x'.repeat(600 * 1024) },
		headers: { origin: baseURL! }
	});
	expect(reply.status()).toBe(413);
	expect(await reply.text()).toContain('liian suuri');
	expect(reply.headers()['permissions-policy']).toMatch(permissionsPolicy);
});

test('the address decides the language: a path without /sv or /en is Finnish, whatever the language cookie says', async ({ request }) => {
	for (const [path, lang] of [['/login', 'fi'], ['/sv/login', 'sv'], ['/en/login', 'en']] as const) {
		const reply = await request.get(path, { headers: { cookie: 'PARAGLIDE_LOCALE=sv' } });
		expect(reply.status(), path).toBe(200);
		expect(await reply.text(), path).toContain(`<html lang="${lang}"`);
	}
});

test('reached over https (ORIGIN), every response carries Strict-Transport-Security', async () => {
	const databasePath = freshDatabase('https');
	const server = await startServer(databasePath, undefined, { ORIGIN: 'https://portaat.example.fi' });
	try {
		for (const path of ['/', '/favicon.svg']) {
			const reply = await fetch(server.origin + path);
			expect(reply.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
			expect(reply.headers.get('permissions-policy'), path).toMatch(permissionsPolicy);
		}
	} finally {
		await server.stop('SIGTERM');
		removeDatabase(databasePath);
	}
});
