import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createAdmin, DATABASE_PATH, query, roundFixture, setPassword } from './helpers';
import { start } from './separate-server';

const controlMessage = 'Tekstissä on ohjausmerkkejä';
const dateMessage = 'Anna päivämäärä muodossa vvvv-kk-pp.';

test.describe.configure({ mode: 'serial' });

test('names, texts and dates are checked in every form: control characters and impossible dates get a message and change nothing', async ({ page, baseURL }) => {
	await setPassword(page, createAdmin('ilmari.input@example.fi', 'Ilmari'), 'puhtaat syötteet ovat hyvä asia');
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(path, { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });

	for (const name of ['Hanke\u0000nolla', 'Hanke\u001bpako', 'Hanke \u202eesrevert', 'Hanke\u0085']) {
		const reply = await post('/projects?/create', { name, description: '' });
		expect(reply.status(), JSON.stringify(name)).toBe(400);
		expect(await reply.text()).toContain(controlMessage);
	}
	expect(query("SELECT count(*) AS n FROM projects WHERE name LIKE 'Hanke%'")).toEqual([{ n: 0 }]);
	// Tabs and line breaks are text, not control characters: a description may have paragraphs.
	expect((await post('/projects?/create', { name: 'Hanke rivein', description: 'Eka rivi\r\nToka\trivi' })).status()).toBe(303);

	const round = roundFixture();
	// A respondent's comment too.
	const resume = await start(baseURL!, round.links.municipality, []);
	const comment = await page.request.post(`/r/${resume}/profile`, {
		form: { _choices: 'activities', comment: 'Hyvä\u0000kommentti', nav: 'review' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(comment.status()).toBe(400);
	expect(await comment.text()).toContain(controlMessage);
	expect(query("SELECT count(*) AS n FROM answers WHERE item_id = 'comment' AND response_id = (SELECT id FROM responses WHERE round_id = ?)", round.roundId)).toEqual([{ n: 0 }]);

	// The pair's round closed, so that a new one may be opened.
	const db = new Database(DATABASE_PATH);
	db.prepare("UPDATE rounds SET closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(round.roundId);
	db.close();
	const pairPath = `/projects/${round.projectId}/pairs/${round.pairId}`;
	for (const closes_on of ['2026-02-30', '2027-02-29', '2026-13-01']) {
		const reply = await post(`${pairPath}?/openRound`, { closes_on });
		expect(reply.status(), closes_on).toBe(400);
		expect(await reply.text()).toContain(dateMessage);
	}
	// A partnership table's meeting on a day that does not exist.
	const table = await post(`/projects/${round.projectId}/tables?/create`, { name: 'Kyläpöytä', theme: '', area: 'Kylä', goal: '' });
	expect(table.status()).toBe(303);
	const tableId = Number(/\/tables\/(\d+)/.exec(table.headers()['location'] ?? '')![1]);
	const meeting = await post(`/projects/${round.projectId}/tables/${tableId}/meetings/new`, { held_on: '2026-02-30', participants: '', agenda: '', notes: '' });
	expect(meeting.status()).toBe(400);
	expect(await meeting.text()).toContain(dateMessage);
	expect(query('SELECT count(*) AS n FROM table_meetings WHERE table_id = ?', tableId)).toEqual([{ n: 0 }]);
});

test('a name stored before these checks, with a right-to-left override, cannot reverse the text around it', async ({ page }) => {
	await setPassword(page, createAdmin('rtl.reader@example.fi', 'Rita'), 'suunta pysyy oikeana aina');
	const round = roundFixture();
	const db = new Database(DATABASE_PATH);
	db.prepare('UPDATE projects SET name = ? WHERE id = ?').run('Ylösalaisin \u202eesrevert', round.projectId);
	db.close();
	await page.goto(`/projects/${round.projectId}`);
	// The title isolates the name (FSI … PDI), so " – Portaat" after it reads as written.
	expect(await page.title()).toBe('\u2068Ylösalaisin \u202eesrevert\u2069 – Portaat');
	await page.goto('/projects');
	const link = page.getByRole('link', { name: /Ylösalaisin/ });
	expect(await link.evaluate((a) => getComputedStyle(a).unicodeBidi)).toBe('isolate');

	// Headings too: the pair's page, its round and the respondent's first page name both sides,
	// each isolated, so the override in one name cannot carry the dash and the other name with it.
	const rtl = 'Kunta \u202etnemtrapeD';
	const db2 = new Database(DATABASE_PATH);
	db2.prepare('UPDATE organisations SET name = ? WHERE id = (SELECT municipality_org_id FROM pairs WHERE id = ?)').run(rtl, round.pairId);
	db2.close();
	for (const path of [`/projects/${round.projectId}/pairs/${round.pairId}`, `/projects/${round.projectId}/pairs/${round.pairId}/rounds/${round.roundId}`, `/a/${round.links.municipality}`]) {
		await page.goto(path);
		const names = page.locator('h1 bdi');
		await expect(names, path).toHaveCount(2);
		expect(await names.first().textContent(), path).toBe(rtl);
		expect(await names.first().evaluate((e) => getComputedStyle(e).unicodeBidi), path).toBe('isolate');
	}
});
