/**
 * Running a round: handing out the links (copy, message, e-mail draft, QR code, printed sheet),
 * replacing a link and closing the round with a confirmation, what old and unknown links say,
 * one device shared by several respondents, and the limit on starting responses.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { accessFixture, DATABASE_PATH, expectAccessible, query, roundFixture, waitHydrated, type AccessFixture } from './helpers';

/** Complete responses submitted on a side, as respondents would (through the repositories). */
function submitResponses(roundId: number, side: 'municipality' | 'association', count: number) {
	execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'submit', '--round', String(roundId), '--side', side, '--count', String(count)], {
		env: { ...process.env, DATABASE_PATH }
	});
}

// Each test walks a whole journey on a 2-core machine shared with other work.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let fx: AccessFixture;
test.beforeAll(() => {
	fx = accessFixture();
});

const roundPath = () => `/projects/${fx.projects.a.projectId}/pairs/${fx.projects.a.pairId}/rounds/${fx.projects.a.roundId}`;

function signedInWorker(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	return signedIn(browser, fx.users.worker.email, options);
}

async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto('/login');
	// With JavaScript, hydration would empty a typed e-mail.
	if (options.javaScriptEnabled !== false) await waitHydrated(page);
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Salasana', { exact: true }).fill(fx.password);
	await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
	await expect(page).toHaveURL(/\/projects$/);
	return page;
}

/** Decodes the one QR code on a PNG image. */
function decodeQr(png: Buffer): string | undefined {
	const image = PNG.sync.read(png);
	return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

test('a worker hands out the links: copy, message in three languages, e-mail draft, QR code and a one-page printed sheet', async ({ browser }, testInfo) => {
	const page = await signedInWorker(browser);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(roundPath());
	const origin = new URL(page.url()).origin;
	const link = `${origin}/a/${fx.projects.a.links.municipality}`;
	const card = page.getByRole('article', { name: /^Kunnan puoli:/ });

	await expect(card.getByLabel('Kutsulinkki')).toHaveValue(link);
	const message = card.getByLabel('Kutsuviesti: Kunnan puoli');
	await expect(message).toHaveValue(/10–15 minuuttia/);
	await expect(message).toHaveValue(/vähintään 3 vastausta/);
	await expect(message).toHaveValue(new RegExp(`Vastaa tästä linkistä:\\n${link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
	await expect(message).toHaveValue(/nimettömiä/);
	const mailto = await card.getByRole('link', { name: 'Avaa sähköpostiluonnoksena' }).getAttribute('href');
	expect(mailto).toMatch(/^mailto:\?subject=/);
	const draft = new URLSearchParams(mailto!.slice('mailto:?'.length));
	expect(draft.get('subject')).toContain('Kumppanuuden arviointi: Kunta A');
	expect(draft.get('body')).toContain(link);

	// The copy button copies the link itself.
	await card.getByRole('button', { name: 'Kopioi' }).first().click();
	await expect(card.getByRole('status').first()).toHaveText('Kopioitu leikepöydälle.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

	// The QR code on the page opens the same link.
	const qr = card.getByRole('img', { name: 'QR-koodi, joka avaa kutsulinkin: Kunnan puoli' });
	expect(decodeQr(await qr.screenshot())).toBe(link);
	await expectAccessible(page);

	// The same message in Swedish, for a Swedish-speaking side.
	await page.getByRole('navigation', { name: 'Viestin kieli' }).getByRole('link', { name: 'svenska' }).click();
	await expect(card.getByLabel('Kutsuviesti: Kunnan puoli')).toHaveValue(/Svara via den här länken:/);

	// The printable sheet: one A4 page, the link in text, and a QR code that decodes to it.
	await card.getByRole('link', { name: 'Tulostettava kutsu (A4)' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbjudan till bedömning av partnerskapet');
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	const pdf = testInfo.outputPath('invitation.pdf');
	await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
	expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
	expect(text.replace(/\s+/g, '')).toContain(link);
	expect(text).toContain('Kommunens sida: Kunta A');
	expect(text).not.toContain('Tillbaka till omgången');
	const png = testInfo.outputPath('invitation');
	execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, png]);
	expect(decodeQr(readFileSync(`${png}.png`))).toBe(link);
	await page.context().close();
});

test('replacing a link and closing the round ask first and say what happens, without JavaScript', async ({ browser }) => {
	const page = await signedInWorker(browser, { javaScriptEnabled: false });
	await page.goto(roundPath());
	const live = () => query<{ token: string }>("SELECT token FROM invitations WHERE round_id = ? AND side = 'municipality' AND revoked_at IS NULL", fx.projects.a.roundId);
	const old = fx.projects.a.links.municipality;

	// Per side: answered, and how many more before results can be shown; and the way to the results.
	const progress = page.getByRole('table', { name: 'Vastaaminen' });
	await expect(progress.getByRole('columnheader', { name: 'Vielä tarvitaan' })).toBeVisible();
	await expect(progress.getByRole('row', { name: /^Kunta A/ }).getByRole('cell')).toHaveText(['0', '0', '3', '0']);
	await expect(page.getByRole('link', { name: 'Kierroksen tulokset' })).toHaveAttribute('href', /\/results\?round=1$/);

	const card = page.getByRole('article', { name: /^Kunnan puoli:/ });
	await card.getByRole('button', { name: 'Vaihda linkki…' }).click();
	const confirm = page.getByRole('region', { name: 'Vaihdetaanko linkki: Kunnan puoli (Kunta A' });
	await expect(confirm).toContainText('lakkaa toimimasta heti');
	await expect(confirm).toContainText('Jo aloitetut vastaukset säilyvät');
	expect(live()).toEqual([{ token: old }]);
	await confirm.getByRole('link', { name: 'Peruuta' }).click();
	await expect(page.getByRole('heading', { name: /Vaihdetaanko linkki/ })).toHaveCount(0);
	expect(live()).toEqual([{ token: old }]);

	await card.getByRole('button', { name: 'Vaihda linkki…' }).click();
	await page.getByRole('button', { name: 'Kyllä, vaihda linkki' }).click();
	await expect(page.getByText('Linkki vaihdettiin.')).toBeVisible();
	const [fresh] = live();
	expect(fresh.token).not.toBe(old);
	await expect(page.getByRole('article', { name: /^Kunnan puoli:/ }).getByLabel('Kutsulinkki')).toHaveValue(new RegExp(`/a/${fresh.token}$`));
	expect(query("SELECT action FROM audit_log WHERE action = 'invitation.replace' AND object_id = ?", fx.projects.a.roundId)).toHaveLength(1);

	// The old link has its own page, in the visitor's language; an unknown link too.
	const visitor = await (await browser.newContext()).newPage();
	for (const [prefix, title, text] of [
		['', 'Tämä linkki ei ole enää käytössä', 'Pyydä uusi linkki henkilöltä, joka lähetti sinulle tämän.'],
		['/sv', 'Den här länken används inte längre', 'Be personen som skickade länken till dig om en ny.'],
		['/en', 'This link is no longer in use', 'Ask the person who sent it to you for a new one.']
	]) {
		const response = await visitor.goto(`${prefix}/a/${old}`);
		expect(response!.status()).toBe(410);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(visitor.getByText(text)).toBeVisible();
	}
	await expectAccessible(visitor);
	const unknown = await visitor.goto(`/sv/a/${'x'.repeat(43)}`);
	expect(unknown!.status()).toBe(404);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Länken hittas inte');
	await expect(visitor.getByText('Be personen som skickade länken till dig om en ny.')).toBeVisible();
	await expectAccessible(visitor);

	// Closing: the confirmation says what happens to submitted and unfinished answers.
	await page.getByRole('button', { name: 'Sulje kierros…' }).click();
	const closing = page.getByRole('region', { name: 'Suljetaanko kierros?' });
	await expect(closing).toContainText('Keskeneräisiä vastauksia (0) ei lasketa');
	// axe needs JavaScript: the same confirmations, checked in a browser that has it.
	const checker = await signedInWorker(browser);
	await checker.goto(roundPath());
	await checker.getByRole('button', { name: 'Sulje kierros…' }).click();
	await expect(checker.getByRole('region', { name: 'Suljetaanko kierros?' })).toBeVisible();
	await expectAccessible(checker);
	await checker.getByRole('article', { name: /^Yhdistyksen puoli:/ }).getByRole('button', { name: 'Vaihda linkki…' }).click();
	await expect(checker.getByRole('region', { name: /Vaihdetaanko linkki: Yhdistyksen puoli/ })).toBeVisible();
	await expectAccessible(checker);
	await checker.context().close();
	expect(query('SELECT closed_at FROM rounds WHERE id = ?', fx.projects.a.roundId)).toEqual([{ closed_at: null }]);
	await closing.getByRole('button', { name: 'Kyllä, sulje kierros' }).click();
	await expect(page.getByText('suljettu', { exact: true })).toBeVisible();
	expect(query<{ closed: number }>('SELECT closed_at IS NOT NULL AS closed FROM rounds WHERE id = ?', fx.projects.a.roundId)).toEqual([{ closed: 1 }]);

	// A closed round's link shows the pair's summary first, not the invitation.
	await visitor.goto(`/a/${fx.projects.a.links.association}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Parin yhteenveto');
	await expect(visitor.getByRole('button', { name: 'Aloita vastaaminen' })).toHaveCount(0);
	await expectAccessible(visitor);
	await page.context().close();
	await visitor.context().close();
});

test('one device, two people: the second sees no draft until choosing, and can start their own', async ({ browser }) => {
	const link = `/a/${fx.projects.b.links.municipality}`;
	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\/traits$/);
	const first = new URL(page.url()).pathname.split('/')[2];
	await page.locator('input[name="trust.1"][value="2"]').check();
	await page.getByRole('button', { name: 'Seuraava' }).click();
	await expect(page).toHaveURL(/\/practice$/);

	// Someone else opens the same link on the same laptop.
	await page.goto(link);
	await expect(page.getByText('Tällä laitteella on jo aloitettu vastaus')).toBeVisible();
	expect(await page.content()).not.toContain(first);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Olen joku muu: aloita uusi vastaus' }).click();
	await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\/traits$/);
	const second = new URL(page.url()).pathname.split('/')[2];
	expect(second).not.toBe(first);
	await expect(page.locator('input[name="trust.1"][value="2"]')).not.toBeChecked();

	// Continuing on this device now continues the second person's response.
	await page.goto(link);
	await page.getByRole('button', { name: 'Jatka vastaustasi' }).click();
	await expect(page).toHaveURL(new RegExp(`/r/${second}/`));
	// The first person's own resume link still opens theirs.
	await page.goto(`/r/${first}/traits`);
	await expect(page.locator('input[name="trust.1"][value="2"]')).toBeChecked();
	await page.context().close();
});

test('starting responses on one link is limited per address, with a clear message; the round page shows it', async ({ browser, baseURL }) => {
	const link = `/a/${fx.projects.b.links.association}`;
	const context = await browser.newContext();
	const post = () => context.request.post(`${link}?/start`, { form: { start: '1' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	const statuses: number[] = [];
	for (let i = 0; i < 40; i++) statuses.push((await post()).status());
	expect(statuses.every((s) => s === 303)).toBe(true);
	const before = query('SELECT count(*) AS n FROM responses');
	const refused = await post();
	expect(refused.status()).toBe(429);
	expect(query('SELECT count(*) AS n FROM responses')).toEqual(before);

	const page = await context.newPage();
	await context.clearCookies();
	await page.goto(link);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await expect(page.getByRole('alert')).toContainText('uusien aloittaminen on tauolla');
	await expect(page.getByRole('alert')).toContainText(/noin \d+ minuutin kuluttua/);

	// The project's administrator sees the starts far exceed the submits.
	const admin = await signedIn(browser, fx.users.admin.email);
	await admin.goto(`/projects/${fx.projects.b.projectId}/pairs/${fx.projects.b.pairId}/rounds/${fx.projects.b.roundId}`);
	await expect(admin.getByText('Yhdistyksen puoli: vastauksia on aloitettu paljon enemmän kuin lähetetty (40 aloitettu, 0 lähetetty)')).toBeVisible();
	await context.close();
	await admin.context().close();
});

test('at the table: the projector shows both QR codes and live counts, and closing shows the results there', async ({ browser }) => {
	const round = roundFixture();
	const path = `/projects/${round.projectId}/pairs/${round.pairId}/rounds/${round.roundId}`;
	const page = await signedIn(browser, fx.users.admin.email);
	await page.goto(path);
	await page.getByRole('link', { name: 'Näytä kokouksessa' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joutsan kunta – Joutsan kyläyhdistys');
	const origin = new URL(page.url()).origin;
	const municipality = page.getByRole('region', { name: /^Kunnan puoli/ });
	const association = page.getByRole('region', { name: /^Yhdistyksen puoli/ });
	for (const [region, token] of [
		[municipality, round.links.municipality],
		[association, round.links.association]
	] as const)
		expect(decodeQr(await region.getByRole('img', { name: /QR-koodi/ }).screenshot())).toBe(`${origin}/a/${token}`);
	await expect(municipality).toContainText('0 / 3 vastausta');
	await expect(municipality).toContainText('Vielä 3 vastausta');
	await expect(page.getByText('Luvut päivittyvät itsestään.')).toBeVisible();
	await expectAccessible(page);

	// People answer on their phones: the numbers follow without a reload.
	submitResponses(round.roundId, 'municipality', 3);
	submitResponses(round.roundId, 'association', 4);
	// The page refreshes its numbers every 5 s: one period and the request may take more than the default 10 s on a busy machine.
	await expect(municipality).toContainText('3 / 3 vastausta', { timeout: 20_000 });
	await expect(association).toContainText('4 / 3 vastausta', { timeout: 20_000 });
	await expect(association).toContainText('Tulokset voidaan näyttää.');

	// Without JavaScript, a reload link does the same.
	const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
	await plain.goto(`${path}/present`);
	await expect(plain.getByRole('link', { name: 'Päivitä luvut' })).toBeVisible();
	await expect(plain.getByRole('region', { name: /^Kunnan puoli/ })).toContainText('3 / 3 vastausta');
	await plain.context().close();

	await page.getByRole('button', { name: 'Sulje kierros ja näytä tulokset…' }).click();
	await expect(page.getByRole('region', { name: 'Suljetaanko kierros?' })).toContainText('Tuloksiin lasketaan lähetetyt vastaukset (7)');
	await page.getByRole('button', { name: 'Kyllä, sulje ja näytä tulokset' }).click();
	const results = page.getByRole('region', { name: 'Tulokset: Kierros 1' });
	await expect(results).toBeVisible();
	await expect(results.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true })).toBeVisible();
	await expect(results).toContainText(/Porras \d: /);
	// The stairs picture marks the pair's step.
	await expect(results.locator('.stairs [aria-current="step"]')).toHaveCount(1);
	await expect(page.getByRole('img', { name: /QR-koodi/ })).toHaveCount(0);
	expect(query<{ closed: number }>('SELECT closed_at IS NOT NULL AS closed FROM rounds WHERE id = ?', round.roundId)).toEqual([{ closed: 1 }]);
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('present-results.png'), fullPage: true });
	await page.context().close();
});
