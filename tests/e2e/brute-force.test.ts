import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createAdmin, DATABASE_PATH, setPassword } from './helpers';

const password = 'oikea salasana on pitkä lause';
// The test server reads the client's address from this header (ADDRESS_HEADER in playwright.config.ts).
const guesser = { 'x-test-client-address': '203.0.113.66' };
const victim = { 'x-test-client-address': '198.51.100.23' };

test.afterEach(() => {
	// The blocks this test causes would also block the other tests, which sign in from the same address.
	const db = new Database(DATABASE_PATH);
	db.prepare('DELETE FROM rate_limits').run();
	db.close();
});

test('a thousand wrong passwords from one address block that address, and the owner still signs in at once from another', async ({ page, request, playwright, baseURL }) => {
	// A thousand requests: minutes, not seconds, on a busy 2-core machine.
	test.setTimeout(300_000);
	await setPassword(page, createAdmin('bruno.brute@example.fi', 'Bruno'), password);
	const attempt = (pw: string, address: Record<string, string>) =>
		request.post('/login', {
			form: { email: 'bruno.brute@example.fi', password: pw },
			headers: { origin: baseURL!, accept: 'text/html', ...address },
			maxRedirects: 0
		});
	const statuses: number[] = [];
	let sessionCookies = 0;
	for (let i = 0; i < 1000; i++) {
		const response = await attempt(`guess number ${i}`, guesser);
		statuses.push(response.status());
		if ((response.headers()['set-cookie'] ?? '').includes('portaat_session=')) sessionCookies++;
	}
	expect(sessionCookies).toBe(0);
	// Five free failures for this account from this address, then every attempt is refused
	// unchecked (each refused one extends the block, so it never ends while the guessing goes on).
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses.slice(5).every((s) => s === 429)).toBe(true);

	// The owner, elsewhere (in a browser of their own): signed in on the first try, with no block and no delay.
	const owner = await playwright.request.newContext({ baseURL });
	const right = await owner.post('/login', {
		form: { email: 'bruno.brute@example.fi', password },
		headers: { origin: baseURL!, accept: 'text/html', ...victim },
		maxRedirects: 0
	});
	expect(right.status()).toBe(303);
	expect(right.headers()['location']).toBe('/projects');
	expect(right.headers()['set-cookie']).toContain('portaat_session=');
	await owner.dispose();

	// The guessing address stays limited, even with the right password.
	const again = await attempt(password, guesser);
	expect(again.status()).toBe(429);
	expect(await again.text()).toContain('Liian monta yritystä');
});
