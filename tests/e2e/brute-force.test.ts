import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createAdmin, DATABASE_PATH, setPassword } from './helpers';

const password = 'oikea salasana on pitkä lause';

test.afterEach(() => {
	// The blocks this test causes would also block the other tests, which sign in from the same address.
	const db = new Database(DATABASE_PATH);
	db.prepare('DELETE FROM rate_limits').run();
	db.close();
});

test('a thousand wrong passwords get nothing, and the account is blocked even for the right one', async ({ page, request, baseURL }) => {
	await setPassword(page, createAdmin('bruno.brute@example.fi', 'Bruno'), password);
	const statuses = new Map<number, number>();
	let sessionCookies = 0;
	for (let i = 0; i < 1000; i++) {
		const response = await request.post('/login', {
			form: { email: 'bruno.brute@example.fi', password: `guess number ${i}` },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
		if ((response.headers()['set-cookie'] ?? '').includes('portaat_session=')) sessionCookies++;
	}
	expect(sessionCookies).toBe(0);
	// Five free failures, then every attempt is refused without checking the password.
	expect(Object.fromEntries(statuses)).toEqual({ 400: 5, 429: 995 });

	const right = await request.post('/login', {
		form: { email: 'bruno.brute@example.fi', password },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(right.status()).toBe(429);
	expect(await right.text()).toContain('Liian monta yritystä');
});
