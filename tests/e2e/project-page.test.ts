import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { DATABASE_PATH, cli, createAdmin, expectAccessible, query, setPassword, waitHydrated } from './helpers';

const password = 'hankkeen parit sivuittain';

function manyPairs(n: number): { projectId: number; name: string } {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'pairs', String(n)], { env: { ...process.env, DATABASE_PATH }, encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

test.describe.configure({ mode: 'serial' });
// Each test sets up its own data through the CLI, which takes long on a busy 2-core machine.
test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
	const page = await browser.newPage();
	await setPassword(page, createAdmin('pirkko.project@example.fi', 'Pirkko'), password);
	await page.close();
});

async function signedIn(browser: import('@playwright/test').Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await page.goto('/login');
	// With JavaScript, hydration would empty a typed e-mail.
	if (javaScriptEnabled) await waitHydrated(page);
	await page.getByLabel('Sähköposti').fill('pirkko.project@example.fi');
	await page.getByLabel('Salasana', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
	await expect(page).toHaveURL(/\/projects$/);
	return page;
}

test('without JavaScript, a big project pages its pairs 50 at a time, and search and sort work', async ({ browser }) => {
	const { projectId, name } = manyPairs(120);
	const page = await signedIn(browser, false);
	await page.goto(`/projects/${projectId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const rows = page.getByRole('table', { name: 'Parit', exact: true }).locator('tbody tr');
	await expect(rows).toHaveCount(50);
	await expect(rows.first()).toContainText('Kunta 000 – Yhdistys 000');
	await expect(page.getByRole('status').filter({ hasText: 'Näkyvissä' })).toHaveText('Näkyvissä 50/120 paria.');

	const pages = page.getByRole('navigation', { name: 'Sivut' });
	await pages.getByRole('link', { name: '3', exact: true }).click();
	await expect(rows).toHaveCount(20);
	await expect(rows.first()).toContainText('Kunta 100');
	await expect(pages.getByRole('link', { name: '3', exact: true })).toHaveAttribute('aria-current', 'page');

	await page.getByLabel('Hae nimellä, teemalla tai alueella').fill('yhdistys 04');
	await page.getByRole('button', { name: 'Näytä' }).click();
	await expect(page).toHaveURL(/q=yhdistys\+04/);
	await expect(rows).toHaveCount(10);
	await expect(rows.last()).toContainText('Kunta 049');
	await expect(page.getByRole('navigation', { name: 'Sivut' })).toHaveCount(0);
	await page.context().close();
});

test('without JavaScript, the status filter shows the pairs whose latest round is open', async ({ browser }) => {
	const projectId = Number(/project (\d+)/.exec(cli('demo', '--again'))![1]);
	const open = query<{ name: string }>(
		`SELECT m.name FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id
		 JOIN rounds r ON r.pair_id = p.id AND r.number = (SELECT max(number) FROM rounds WHERE pair_id = p.id)
		 WHERE p.project_id = ? AND r.closed_at IS NULL ORDER BY m.name`,
		projectId
	).map((r) => r.name);
	expect(open.length).toBeGreaterThan(0);
	const page = await signedIn(browser, false);
	await page.goto(`/projects/${projectId}`);
	await page.getByLabel('Tila').selectOption({ label: 'avoinna' });
	await page.getByRole('button', { name: 'Näytä' }).click();
	await expect(page).toHaveURL(/status=open/);
	const rows = page.getByRole('table', { name: 'Parit', exact: true }).locator('tbody tr th');
	await expect(rows).toHaveCount(open.length);
	for (const [i, name] of open.entries()) await expect(rows.nth(i)).toContainText(name);
	await page.context().close();
});

test('the project page prints on at most two A4 pages: the pair table and the steps by round, no forms or navigation', async ({ browser }, testInfo) => {
	const projectId = Number(/project (\d+)/.exec(cli('demo', '--again'))![1]);
	const page = await signedIn(browser);
	await page.goto(`/projects/${projectId}/pairs/new`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisää pari tai organisaatio');
	await expectAccessible(page);
	await page.goto(`/projects/${projectId}`);
	// The chart is drawn when the reader comes to it.
	await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
	await expect(page.locator('figure.chart canvas')).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('form:visible')).toHaveCount(0);
	await expect(page.locator('nav:visible')).toHaveCount(0);
	const file = testInfo.outputPath('project.pdf');
	await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
	expect(pages).toBeLessThanOrEqual(2);
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	expect(text).toContain('Keuruun kaupunki');
	// The pair table's step columns (their headings may wrap on paper) and the steps by round.
	expect(text).toMatch(/Porras, kierros 1\s+Porras, kierros 2\s+Porras, kierros 3|Porras,\s+Porras,\s+Porras,[\s\S]*kierros 1\s+kierros 2\s+kierros 3/);
	expect(text).toContain('Pareja kullakin portaalla');
	expect(text).toMatch(/Porras 1/);
	for (const absent of ['Kirjaudu ulos', 'Hankkeen asetukset', 'Lisää pari tai organisaatio', 'Hae nimellä', 'Saavutettavuusseloste', 'XLSX'])
		expect(text).not.toContain(absent);
	await page.context().close();
});
