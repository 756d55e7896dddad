import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { scorePair, type PairScore } from '../../src/lib/assessment/privacy';
import type { ResponseScore } from '../../src/lib/assessment/scoring';
import type { Side } from '../../src/lib/assessment/types';
import { getVersion } from '../../src/lib/assessment/versions';
import { cli, createAdmin, expectAccessible, gotoHydrated, query, setPassword } from './helpers';

const fi = (x: number) => x.toFixed(1).replace('.', ',');
const BANDS: Record<string, (x: number) => boolean> = {
	vahvuus: (x) => x >= 4.0,
	keskusteltavaa: (x) => x >= 3.0 && x < 4.0,
	'vaatii huomiota': (x) => x < 3.0
};

/** Every "number band" pair in the trait table agrees with the written thresholds. */
async function expectBandsAgree(page: Page): Promise<number> {
	const cells = await page.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true }).locator('td').allInnerTexts();
	let checked = 0;
	for (const cell of cells) {
		const match = /(\d,\d)\s+(vahvuus|keskusteltavaa|vaatii huomiota)/.exec(cell);
		if (!match) continue;
		expect(BANDS[match[2]](Number(match[1].replace(',', '.'))), cell).toBe(true);
		checked++;
	}
	return checked;
}

function demoProject(): number {
	return Number(/project (\d+)/.exec(cli('demo', '--again'))![1]);
}

test('pair results show the stored, disclosed numbers, every band agrees with its number, and open rounds show counts only', async ({ page }) => {
	// Eighteen result pages, each read and checked: a long journey, not a slow one.
	test.slow();
	const projectId = demoProject();
	await setPassword(page, createAdmin('rita.results@example.fi', 'Rita'), 'tulokset näkyvät portailla');

	const pairs = query<{ id: number; m: string; a: string }>(
		`SELECT p.id, m.name AS m, a.name AS a FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id
		 JOIN organisations a ON a.id = p.association_org_id WHERE p.project_id = ?`,
		projectId
	);
	expect(pairs).toHaveLength(6);
	let checkedVisible = 0;
	let checkedHidden = 0;
	let checkedOpen = 0;
	let bands = 0;
	for (const pair of pairs) {
		const rounds = query<{ id: number; number: number; closed: string | null; version: string; min: number; openResults: number }>(
			'SELECT id, number, closed_at AS closed, questionnaire_version AS version, min_group_size AS min, open_results AS openResults FROM rounds WHERE pair_id = ? ORDER BY number',
			pair.id
		);
		for (const round of rounds) {
			const stored = query<{ side: Side; score: string }>(
				"SELECT r.side, s.score FROM responses r JOIN response_scores s ON s.response_id = r.id WHERE r.round_id = ? AND r.status = 'submitted'",
				round.id
			);
			const [row] = query<{ result: string }>('SELECT result FROM round_results WHERE round_id = ?', round.id);
			const result = JSON.parse(row.result) as PairScore;
			// The stored result is what the scoring library gives for the stored scores under the round's promise.
			expect(result).toEqual(
				scorePair(getVersion(round.version)!, stored.map((s) => ({ side: s.side, tally: (JSON.parse(s.score) as ResponseScore).tally })), {
					minGroupSize: round.min,
					openResults: round.openResults === 1
				})
			);
			await page.goto(`/projects/${projectId}/pairs/${pair.id}/results?round=${round.number}`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(`${pair.m} – ${pair.a}`);
			if (round.closed === null) {
				// No scores of an open round: counts per side against the smallest group size.
				await expect(page.getByRole('heading', { name: 'Kierros on avoinna' })).toBeVisible();
				await expect(page.getByText(`${pair.m}: vastanneita ${result.respondents.municipality}/${round.min}`)).toBeVisible();
				await expect(page.getByRole('table', { name: 'Yhteistyön portaat' })).toHaveCount(0);
				await expect(page.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true })).toHaveCount(0);
				checkedOpen++;
				continue;
			}
			const rows = page.getByRole('table', { name: 'Yhteistyön portaat' }).getByRole('row');
			await expect(rows.nth(1)).toContainText(`${pair.m}${result.respondents.municipality}`);
			await expect(rows.nth(2)).toContainText(`${pair.a}${result.respondents.association}`);
			await expect(page.locator('main')).not.toContainText('%');
			bands += await expectBandsAgree(page);
			if (result.pair) {
				await expect(rows.nth(3)).toContainText(`Pari${result.respondents.municipality + result.respondents.association}${result.pair.evidence.step}`);
				const trust = result.pair.traits.trust.mean!;
				await expect(page.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true }).getByRole('row', { name: /^Luottamus/ })).toContainText(fi(trust));
				checkedVisible++;
			} else {
				await expect(page.getByText(/Piilotettu/).first()).toBeVisible();
				// Nothing was compared: the page says why, and never that the sides see it alike.
				await expect(page.getByText(/vastaajia on alle 3, joten tämän osapuolen tuloksia ei näytetä/)).toBeVisible();
				await expect(page.getByText(/Ei erityisiä havaintoja/)).toHaveCount(0);
				checkedHidden++;
			}
		}
	}
	expect(checkedVisible).toBeGreaterThan(8);
	expect(checkedHidden).toBeGreaterThan(0);
	expect(checkedOpen).toBeGreaterThan(0);
	expect(bands).toBeGreaterThan(100);
	await expectAccessible(page);
	await page.goto(`/en/projects/${projectId}/pairs/${pairs[0].id}/results?round=1`);
	await expectAccessible(page);
});

test('a pair that went 2 → withheld → 4 shows the climb against round 1, the next step as a mean, and where each side stands', async ({ page }) => {
	const projectId = demoProject();
	await setPassword(page, createAdmin('mikko.movement@example.fi', 'Mikko'), 'portaat nousevat kierroksittain');
	const [pair] = query<{ id: number }>(
		"SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ? AND m.name = 'Keuruun kaupunki'",
		projectId
	);
	await page.goto(`/projects/${projectId}/pairs/${pair.id}/results?round=3`);
	await expect(page.getByText('Parin porras käytäntöjen perusteella: 2 kierroksella 1, nyt 4 ↑.')).toBeVisible();
	// Rounds 1–2 answered questionnaire 2026-1, round 3 2026-2: the change is marked where the rounds are compared.
	await expect(page.getByText(/Kysely muuttui kierroksella 3 \(2026-1 → 2026-2\)/)).toBeVisible();
	await expect(page.getByText(/Seuraava porras 5: käytäntöjen keskiarvo \d,\d, tarvitaan 3,5\./)).toBeVisible();
	const picture = page.getByRole('figure', { name: 'Missä osapuolet ja pari ovat portailla' });
	await expect(picture).toContainText('● Pari: käytännöt');
	await expect(page.getByRole('heading', { name: 'Mitä seuraavalta portaalta puuttuu' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mitä teemme yhdessä ja mitä tuomme' })).toBeVisible();
	const points = page.getByRole('heading', { name: 'Keskustelun aiheita kumppanuuspöytään' }).locator('xpath=following-sibling::ol[1]/li');
	expect(await points.count()).toBeLessThanOrEqual(5);
	await expect(points.first()).toContainText('heikoin');
	await expectAccessible(page);
});

// The page hydrated as one long task on a slow phone: it is server HTML now, the chart an SVG.
test('on a phone the chart is there at once, drawn by the server; the page loads only its print button script', async ({ browser }) => {
	const projectId = demoProject();
	const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	await setPassword(page, createAdmin('pekka.phone@example.fi', 'Pekka'), 'puhelimella kumppanuuspöydässä');
	const [pair] = query<{ id: number }>('SELECT id FROM pairs WHERE project_id = ? ORDER BY id LIMIT 1', projectId);
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	await gotoHydrated(page, `/projects/${projectId}/pairs/${pair.id}/results`);
	const chart = page.locator('figure.chart').first();
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('svg').first()).toBeVisible();
	// Both sides and the pair, each a line; the numbers are a table for screen readers.
	await expect(chart.locator('polyline')).toHaveCount(3);
	await expect(chart.getByRole('table', { name: 'Porras käytännön perusteella kierroksittain' })).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Tulosta tai tallenna PDF' })).toBeVisible();
	expect(scripts, 'one small script, no framework and no chart.js').toHaveLength(1);
	// Wide tables scroll in their own box: the page itself is no wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
	expect((await (await page.request.get(scripts[0])).body()).length).toBeLessThan(2048);

	// Without JavaScript the chart is the same, and the print button (which needs it) is not offered.
	const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })).newPage();
	await plain.goto(`/projects/${projectId}/pairs/${pair.id}/results`);
	await expect(plain.locator('figure.chart polyline')).toHaveCount(3);
	await expect(plain.getByRole('button', { name: 'Tulosta tai tallenna PDF' })).toBeHidden();
	await context.close();
});

test('the pair summary prints on one A4 page: project, theme, date printed, the stairs, what is missing, the traits', async ({ page }, testInfo) => {
	test.slow();
	const projectId = demoProject();
	await setPassword(page, createAdmin('paula.print@example.fi', 'Paula'), 'tulostetaan kumppanuuspöytään');
	const pairs = query<{ id: number; name: string; theme: string }>(
		'SELECT p.id, m.name, p.theme FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ?',
		projectId
	);
	for (const pair of pairs) {
		const [latest] = query<{ closed: string | null }>('SELECT closed_at AS closed FROM rounds WHERE pair_id = ? ORDER BY number DESC LIMIT 1', pair.id);
		if (latest.closed === null) continue;
		await page.goto(`/projects/${projectId}/pairs/${pair.id}/results`);
		// The chart comes drawn with the page.
		await expect(page.locator('figure.chart polyline').first()).toBeAttached();
		await page.emulateMedia({ media: 'print' });
		const file = testInfo.outputPath(`summary-${pair.id}.pdf`);
		await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
		await page.emulateMedia({ media: 'screen' });
		expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), pair.name).toMatch(/Pages:\s+1\n/);
		const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		expect(text).toContain(pair.name);
		expect(text).toContain('Kehitytään kimpassa – demo');
		expect(text).toContain(pair.theme);
		expect(text).toMatch(/Tulostettu \d{1,2}\.\d{1,2}\.\d{4}/);
		expect(text).toContain('Missä osapuolet ja pari ovat portailla');
		for (const trait of ['Yhteinen tavoite', 'Luottamus', 'Paikka ja rakenne tapaamisille']) expect(text).toContain(trait);
		expect(text).not.toContain('%');
		// No navigation on paper.
		expect(text).not.toContain('Kirjaudu ulos');
		expect(text).not.toContain('Saavutettavuusseloste');
		if (pair.name === 'Keuruun kaupunki') {
			expect(text).toContain('Mitä seuraavalta portaalta puuttuu');
			// The open action the demo's table agreed after round 1 travels on the paper.
			expect(text).toContain('Yhteinen tapaaminen kuukausittain');
		}
	}
});

test("after the round, a side's invitation link shows the pair's summary, and before it does not", async ({ page }) => {
	const projectId = demoProject();
	const links = query<{ token: string; closed: string | null; name: string }>(
		`SELECT i.token, r.closed_at AS closed, m.name FROM invitations i JOIN rounds r ON r.id = i.round_id JOIN pairs p ON p.id = r.pair_id
		 JOIN organisations m ON m.id = p.municipality_org_id
		 WHERE p.project_id = ? AND i.side = 'association' AND i.revoked_at IS NULL AND r.number = 3`,
		projectId
	);
	const closed = links.find((l) => l.name === 'Keuruun kaupunki')!;
	expect(closed.closed).not.toBeNull();
	await page.goto(`/a/${closed.token}`);
	const summary = page.getByRole('region', { name: 'Parin yhteenveto' });
	await expect(summary).toBeVisible();
	await expect(summary.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true })).toBeVisible();
	await expect(summary).toContainText(/Porras \d: /);
	await expectAccessible(page);

	const open = links.find((l) => l.closed === null)!;
	await page.goto(`/a/${open.token}`);
	await expect(page.getByRole('region', { name: 'Parin yhteenveto' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Aloita vastaaminen' })).toBeVisible();
});
