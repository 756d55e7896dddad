/**
 * Answering on paper: a blank form per side and language printed from the round's questionnaire
 * version, keyed in by a project worker through the respondents' own pages, and stored and scored
 * exactly as the same answers given online.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { currentVersion as v } from '../../src/lib/assessment/versions';
import { accessFixture, expectAccessible, gotoHydrated, query, roundFixture } from './helpers';

// Each test walks a whole journey on a 2-core machine shared with other work.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const traits = v.traits.map((t) => t.id as string);
/** One respondent's ticks on the current questionnaire: item id → value, as they would be ticked on paper or online. */
const ticks: Record<string, string> = {
	...Object.fromEntries(v.traitItems.map((i) => [i.id, i.id === 'trust.2' ? '2' : '4'])),
	...Object.fromEntries(v.practiceItems.map((i) => [i.id, ({ 2: '5', 3: '4', 4: 'na', 5: '2', 6: '1' } as Record<number, string>)[i.step]])),
	[v.selfPlacement.now.id]: '4',
	[v.selfPlacement.target.id]: '5'
};

/** Goes through the questionnaire's pages ticking `ticks`, and submits. */
async function answer(page: Page) {
	for (const [onPage, next] of [
		[(n: string) => traits.includes(n.split('.')[0]), /\/practice$/],
		[(n: string) => n.startsWith('step'), /\/stairs$/],
		[(n: string) => n.startsWith('stairs.'), /\/profile$/]
	] as const) {
		const names = Object.keys(ticks).filter(onPage);
		await expect(page.locator(`input[name="${names[0]}"]`).first()).toBeVisible();
		for (const name of names) await page.locator(`input[name="${name}"][value="${ticks[name]}"]`).check();
		await page.getByRole('button', { name: 'Seuraava' }).click();
		await expect(page).toHaveURL(next);
	}
	await page.getByRole('button', { name: 'Tarkista vastaukset' }).click();
	await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiitos vastauksestasi!');
}

test('a paper form keyed in by a worker is stored and scored exactly like the same answers given online', async ({ browser }, testInfo) => {
	const fx = accessFixture();
	const round = roundFixture();
	const admin = await (await browser.newContext()).newPage();
	await gotoHydrated(admin, '/login');
	await admin.getByLabel('Sähköposti').fill(fx.users.admin.email);
	await admin.getByLabel('Salasana', { exact: true }).fill(fx.password);
	await admin.getByRole('button', { name: 'Kirjaudu sisään' }).click();
	await expect(admin).toHaveURL(/\/projects$/);
	const roundPage = `/projects/${round.projectId}/pairs/${round.pairId}/rounds/${round.roundId}`;

	// The blank form: every statement of the round's version, with the round and the side on it.
	await admin.goto(roundPage);
	const paper = admin.getByRole('region', { name: 'Vastaaminen paperilla' });
	await paper.getByRole('link', { name: 'suomi' }).first().click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden arviointi – paperilomake');
	await expect(admin.getByText('Vastaat puolelta: Kunnan puoli – Joutsan kunta')).toBeVisible();
	await expect(admin.locator('table.grid tbody tr')).toHaveCount(Object.keys(ticks).length - 2);
	await expectAccessible(admin);
	await admin.emulateMedia({ media: 'print' });
	const pdf = testInfo.outputPath('paper.pdf');
	await admin.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
	expect(pages).toBeGreaterThanOrEqual(2);
	expect(pages).toBeLessThanOrEqual(6);
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
	expect(text).toContain('Kierros 1');
	expect(text).toContain('Joutsan kunta – Joutsan kyläyhdistys');
	expect(text).not.toContain('Takaisin kierrokseen');
	execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, testInfo.outputPath('paper')]);
	await admin.emulateMedia({ media: 'screen' });

	// In Swedish, from the version's own Swedish wording.
	await admin.goto(`/sv${roundPage}/paper/association`);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Bedömning av partnerskapet – pappersblankett');
	await expect(admin.getByText('Du svarar för: Föreningens sida – Joutsan kyläyhdistys')).toBeVisible();

	// Online: a respondent ticks the answers.
	const phone = await (await browser.newContext()).newPage();
	await phone.goto(`/a/${round.links.municipality}`);
	await phone.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await answer(phone);

	// On paper: the worker keys in the same ticks through the same pages.
	await admin.goto(roundPage);
	await admin.getByRole('region', { name: 'Vastaaminen paperilla' }).getByRole('button', { name: 'Syötä täytetty lomake' }).first().click();
	await expect(admin).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\/traits$/);
	// The same validation: a value the form does not offer is refused and changes nothing.
	const token = new URL(admin.url()).pathname.split('/')[2];
	const forged = await admin.request.post(`/r/${token}/traits`, { form: { 'trust.1': '7' }, headers: { origin: new URL(admin.url()).origin, accept: 'text/html' } });
	expect(forged.status()).toBe(400);
	await answer(admin);

	const responses = query<{ id: number; paper: number }>(
		"SELECT id, entered_on_paper AS paper FROM responses WHERE round_id = ? AND status = 'submitted' ORDER BY id",
		round.roundId
	);
	expect(responses.map((r) => r.paper)).toEqual([0, 1]);
	const answersOf = (id: number) => query('SELECT item_id, value FROM answers WHERE response_id = ? ORDER BY item_id', id);
	const scoreOf = (id: number) => query<{ score: string }>('SELECT score FROM response_scores WHERE response_id = ?', id)[0].score;
	expect(answersOf(responses[1].id)).toEqual(answersOf(responses[0].id));
	expect(answersOf(responses[0].id)).toHaveLength(Object.keys(ticks).length + v.descriptive.length); // the choice questions, saved empty
	expect(JSON.parse(scoreOf(responses[1].id))).toEqual(JSON.parse(scoreOf(responses[0].id)));

	// Shown as a count only; the log says who keyed it.
	await admin.goto(roundPage);
	const row = admin.getByRole('table', { name: 'Vastaaminen' }).getByRole('row', { name: /Joutsan kunta/ });
	await expect(row.getByRole('cell')).toHaveText(['2', '2', '1', '1']);
	expect(query("SELECT user_id FROM audit_log WHERE action = 'response.paper_entry' AND object_id = ?", round.roundId)).toEqual([{ user_id: fx.users.admin.id }]);
	await expectAccessible(admin);
	await admin.context().close();
	await phone.context().close();
});
