import { expect, test, type Page } from '@playwright/test';
import { DATABASE_PATH, expectAccessible, query, roundFixture, waitHydrated } from './helpers';

/** Ticks `value` for every statement on the page whose id starts with `prefix`; returns how many. */
async function answerAll(page: Page, prefix: string, value: string): Promise<number> {
	const named = prefix ? `[name^="${prefix}"]` : '';
	const selector = `input[type="radio"]${named}[value="${value}"]`;
	// all() does not wait: a page still arriving (just after a button press) has none or some of its
	// questions. Wait for this page's questions and for the end of its form (its save status line).
	await page.locator(selector).first().waitFor({ state: 'attached' });
	await page.locator('#questionnaire [data-saving]').waitFor({ state: 'attached' });
	const inputs = await page.locator(selector).all();
	for (const input of inputs) await input.check();
	return inputs.length;
}

/** Answers every statement of the first page; returns how many there are. */
async function answerTraits(page: Page, value: string): Promise<number> {
	return answerAll(page, '', value);
}

async function answerPractice(page: Page, values: Record<number, string>) {
	for (const [step, value] of Object.entries(values)) await answerAll(page, `step${step}.`, value);
}

function submittedResponses(roundId: number) {
	return query<{ side: string; n: number }>(
		"SELECT side, count(*) AS n FROM responses WHERE round_id = ? AND status = 'submitted' GROUP BY side ORDER BY side",
		roundId
	);
}

test.describe.configure({ mode: 'serial' });

test('a respondent answers, leaves, resumes on another device, switches language and submits (JavaScript on)', async ({ browser }) => {
	// Some seventy clicks, each saved as it is given: more than the default 30 s on a shared two-core machine.
	test.slow();
	const round = roundFixture('--asks-role');
	const phone = await (await browser.newContext()).newPage();
	await phone.goto(`/a/${round.links.municipality}`);
	await expect(phone.getByRole('heading', { level: 1 })).toContainText('Joutsan kunta – Joutsan kyläyhdistys');
	// The side is named by its organisation, with its kind as the role.
	await expect(phone.locator('.facts dd').first()).toHaveText('Joutsan kunta, kunta');
	await expect(phone.getByText('vähintään 3 vastausta')).toBeVisible();
	await expectAccessible(phone);
	await phone.getByRole('button', { name: 'Aloita vastaaminen' }).click();

	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	const statements = await answerTraits(phone, '4');
	await expectAccessible(phone);
	// Saved as they answer: wait for the autosave, then leave without pressing anything.
	await expect(phone.getByRole('status').filter({ hasText: 'tallennettu' })).toBeVisible();
	// What the notice promised: every answer ticked is stored before the phone is closed.
	await expect
		.poll(() => query('SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ?', round.roundId))
		.toEqual([{ n: statements }]);
	const resume = await phone.getByLabel('Oma jatkolinkkisi').inputValue();
	await phone.close();

	const laptop = await (await browser.newContext()).newPage();
	await laptop.goto(new URL(resume).pathname);
	// The resume link continues at the first page with unanswered questions.
	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Mitä yhteistyössä tapahtuu');
	await answerPractice(laptop, { 2: '5', 3: '4' });
	await laptop.getByRole('button', { name: 'På svenska' }).click();
	await expect(laptop).toHaveURL(/\/sv\/r\/[^/]+\/practice$/);
	await expect(laptop.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(laptop.locator('input[name="step2.1"][value="5"]')).toBeChecked();
	await answerPractice(laptop, { 4: '3', 5: '2', 6: '1' });
	await laptop.getByRole('button', { name: 'Nästa' }).click();

	await expect(laptop.getByRole('heading', { level: 1 })).toContainText('Samarbetstrappan');
	await laptop.locator('input[name="stairs.now"][value="4"]').check();
	await laptop.locator('input[name="stairs.target"][value="5"]').check();
	// The optional role is asked on the last page, with the other questions about the partnership.
	await expect(laptop.getByLabel(/Din uppgift i organisationen/)).toHaveCount(0);
	await expectAccessible(laptop);
	await laptop.getByRole('button', { name: 'Nästa' }).click();

	await laptop.getByLabel(/Din uppgift i organisationen/).fill('sosiaalityöntekijä');

	await laptop.getByLabel('Yhteiset tapahtumat').or(laptop.locator('input[name="activities"][value="events"]')).first().check();
	await laptop.locator('textarea[name="comment"]').fill('Hyvä alku, mutta tapaamisia saisi olla useammin.');
	await laptop.getByRole('button', { name: 'Granska svaren' }).click();

	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Granska och skicka');
	await expect(laptop.getByText('Hyvä alku, mutta tapaamisia saisi olla useammin.')).toBeVisible();
	await expectAccessible(laptop);
	await laptop.getByRole('button', { name: 'Skicka svaren' }).click();
	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Tack för ditt svar!');
	await expectAccessible(laptop);

	// Back button and a second submit both keep exactly one response.
	await laptop.goBack();
	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Tack för ditt svar!');
	const token = new URL(resume).pathname.split('/')[2];
	const again = await laptop.request.post(`/sv/r/${token}/review?/submit`, { form: {}, headers: { origin: new URL(resume).origin, accept: 'text/html' } });
	expect(again.status()).toBeLessThan(500);
	expect(submittedResponses(round.roundId)).toEqual([{ side: 'municipality', n: 1 }]);

	const stored = query<{ item_id: string; value: string }>(
		"SELECT item_id, value FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ? AND item_id IN ('trust.1', 'step2.3', 'stairs.now')",
		round.roundId
	);
	expect(Object.fromEntries(stored.map((r) => [r.item_id, JSON.parse(r.value)]))).toEqual({ 'trust.1': 4, 'step2.3': 5, 'stairs.now': 4 });
	expect(query("SELECT role, language FROM responses WHERE round_id = ?", round.roundId)).toEqual([{ role: 'sosiaalityöntekijä', language: 'sv' }]);
	const score = query<{ score: string }>('SELECT score FROM response_scores s JOIN responses r ON r.id = s.response_id WHERE r.round_id = ?', round.roundId);
	const tally = JSON.parse(score[0].score).tally;
	expect(tally.respondents).toBe(1);
	expect(tally.items['step2.3']).toEqual({ sum: 5, count: 1 });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a respondent on the association side answers every page and submits', async ({ page }) => {
		const round = roundFixture();
		await page.goto(`/en/a/${round.links.association}`);
		await page.getByRole('button', { name: 'Start answering' }).click();
		await answerTraits(page, '5');
		await page.getByRole('button', { name: 'Next' }).click();
		await answerPractice(page, { 2: '4', 3: '4', 4: '4', 5: '4', 6: '2' });
		await page.getByRole('button', { name: 'Next' }).click();
		await page.locator('input[name="stairs.now"][value="5"]').check();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Review your answers' }).click();
		await expect(page.getByText('Unanswered questions: 1.')).toBeVisible();
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your response!');
		expect(submittedResponses(round.roundId)).toEqual([{ side: 'association', n: 1 }]);
	});

	test('an empty response cannot be submitted: the review page says what is missing, and a forced post changes nothing', async ({ page }) => {
		const round = roundFixture();
		await page.goto(`/a/${round.links.municipality}`);
		await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
		const token = new URL(page.url()).pathname.split('/')[2];
		await page.goto(`/r/${token}/review`);
		await expect(page.getByText(/Vastauksesi voidaan laskea mukaan, kun olet vastannut/)).toBeVisible();
		await expect(page.getByText('vastattu 0/28, tarvitaan vähintään 14')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Kumppanuuden tunnuspiirteet', exact: true })).toHaveAttribute('href', `/r/${token}/traits`);
		await expect(page.getByRole('button', { name: 'Lähetä vastaukset' })).toHaveCount(0);
		const forced = await page.request.post(`/r/${token}/review?/submit`, { form: {}, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
		expect(forced.status()).toBe(400);
		expect(submittedResponses(round.roundId)).toEqual([]);
	});

	test('switching language keeps what was ticked on the page', async ({ page }) => {
		const round = roundFixture();
		await page.goto(`/a/${round.links.municipality}`);
		await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
		await page.locator('input[name="trust.2"][value="2"]').check();
		await page.getByRole('button', { name: 'In English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('input[name="trust.2"][value="2"]')).toBeChecked();
	});
});

// The page's texts come from the server in the respondent's language (its JavaScript carries no
// messages): what the page writes itself as answers are given must be in that language too.
test('in Swedish, the count and the save notice the page updates while answering are Swedish', async ({ page }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByRole('link', { name: 'Dataskyddsbeskrivning' })).toBeVisible();
	const total = await page.locator('fieldset.agreement').count();
	const counter = page.getByRole('navigation', { name: 'Hur långt du har kommit' }).getByText(/^Besvarade \d+\/\d+$/).first();
	await expect(counter).toHaveText(`Besvarade 0/${total}`);
	await page.locator('input[name="trust.2"][value="2"]').check();
	await expect(counter).toHaveText(`Besvarade 1/${total}`);
	await expect(page.getByRole('status').filter({ hasText: /^Svaren sparades kl\. \d{2}[.:]\d{2}\.$/ })).toBeVisible();
});

// Hydrating the page's some 170 inputs was one long task on a slow phone: the page is server HTML,
// and one small script of its own keeps the count and the autosave (the test above).
test('the first page loads one small script and no framework to hydrate', async ({ page }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	// As the resume link opens it: a fresh load of the page.
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	await page.goto(page.url());
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	expect(scripts).toHaveLength(1);
	const script = await page.request.get(scripts[0]);
	expect((await script.body()).length).toBeLessThan(4096);
});

// On a slow line a respondent may tick answers before the page's script has arrived (the CI run of
// stop 18 did exactly that): the count must still be right, and those answers saved as well.
test('answers ticked before the page script has loaded are counted and saved', async ({ page }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	// Hold the script back until the answers are ticked.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let wasHeld = false;
	await page.route(/questionnaire[^/]*\.js$/, async (route) => {
		wasHeld = true;
		await held;
		await route.continue();
	});
	// A module script holds back DOMContentLoaded: wait for the form as the user sees it instead.
	await page.goto(page.url(), { waitUntil: 'commit' });
	await expect(page.getByRole('button', { name: 'Seuraava' })).toBeVisible();
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	const total = await page.locator('fieldset.agreement').count();
	await page.locator('input[name="trust.2"][value="4"]').check();
	await page.locator('input[name="reciprocity.1"][value="3"]').check();
	// The script really was the one held back (its file name matched the route).
	expect(wasHeld).toBe(true);
	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const counter = page.getByRole('navigation').getByText(/^Vastattu \d+\/\d+$/).first();
	await expect(counter).toHaveText(`Vastattu 2/${total}`);
	await expect(page.getByRole('status').filter({ hasText: /^Vastaukset tallennettu klo \d{2}[.:]\d{2}\.$/ })).toBeVisible();
	await page.unroute(/questionnaire[^/]*\.js$/);
	await page.goto(page.url());
	await expect(page.locator('input[name="trust.2"][value="4"]')).toBeChecked();
	await expect(page.locator('input[name="reciprocity.1"][value="3"]')).toBeChecked();
});

// "Saved at 10.42" must never stand while a newer answer still waits for its save: a respondent
// who leaves on seeing it would lose that answer.
test('the save notice says "saving" from the moment an answer is given until the save that carries it is done', async ({ page }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	await waitHydrated(page);
	// Hold each autosave until the test lets it go.
	const held: (() => void)[] = [];
	await page.route(
		(url) => url.pathname.endsWith('/traits'),
		async (route) => {
			if (route.request().method() !== 'POST') return route.continue();
			await new Promise<void>((resolve) => held.push(resolve));
			await route.continue();
		}
	);
	const status = page.locator('#questionnaire [data-saving]');
	// Count the save answers the page has read, once it has acted on each (a task later).
	await page.evaluate(() => {
		const w = window as unknown as { read: number };
		w.read = 0;
		const json = Response.prototype.json;
		Response.prototype.json = async function (this: Response) {
			const body = await json.call(this);
			setTimeout(() => w.read++);
			return body;
		};
	});
	const read = () => page.evaluate(() => (window as unknown as { read: number }).read);
	await page.locator('input[name="trust.1"][value="4"]').check();
	await expect(status).toHaveText('Tallennetaan…');
	await expect.poll(() => held.length).toBe(1);
	// A second answer while the first save is still out: it waits for that save (one at a time,
	// so that older answers never reach the server last), and that save's success does not claim
	// the second answer saved.
	await page.locator('input[name="trust.2"][value="3"]').check();
	held[0]();
	await expect.poll(read).toBe(1);
	await expect(status).toHaveText('Tallennetaan…');
	await expect.poll(() => held.length).toBe(2);
	held[1]();
	await expect.poll(read).toBe(2);
	await expect(status).toHaveText(/^Vastaukset tallennettu klo \d{2}[.:]\d{2}\.$/);
	await page.unroute((url) => url.pathname.endsWith('/traits'));
	await page.reload();
	await expect(page.locator('input[name="trust.2"][value="3"]')).toBeChecked();
});

test('a closed round keeps the answers and takes no submit', async ({ page, request }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	const statements = await answerTraits(page, '3');
	await page.getByRole('button', { name: 'Seuraava' }).click();
	const path = new URL(page.url()).pathname;
	const token = path.split('/')[2];
	// Close the round as its project worker would.
	const { execFileSync } = await import('node:child_process');
	execFileSync('npx', ['tsx', '-e', `import('./src/lib/server/rounds.ts').then(r => r.closeRound(${round.roundId}))`], {
		env: { ...process.env, DATABASE_PATH }
	});
	await page.goto(`/r/${token}/review`);
	await expect(page.getByText('Kierros on suljettu. Vastauksesi ovat tallessa')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lähetä vastaukset' })).toHaveCount(0);
	const forced = await request.post(`/r/${token}/review?/submit`, { form: {}, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
	expect(forced.status()).toBe(409);
	expect(submittedResponses(round.roundId)).toEqual([]);
	expect(query('SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ?', round.roundId)).toEqual([{ n: statements }]);
});

test('bad input gets a clear 4xx and changes nothing', async ({ page, request, browser }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	const token = new URL(page.url()).pathname.split('/')[2];
	const origin = new URL(page.url()).origin;
	const post = (form: Record<string, string>) => request.post(`/r/${token}/traits`, { form, headers: { origin, accept: 'text/html' } });

	expect((await post({ 'trust.1': '9' })).status()).toBe(400);
	expect((await post({ 'no.such.item': '3' })).status()).toBe(400);
	expect((await post({ 'trust.1': '4', 'step2.1': '4' })).status()).toBe(400);
	expect(query('SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ?', round.roundId)).toEqual([{ n: 0 }]);

	// The error is shown next to the question, in the respondent's language (a plain form post, as without JavaScript).
	const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await plain.goto(`/en/r/${token}/traits`);
	await plain.locator('input[name="trust.1"][value="5"]').evaluate((input: HTMLInputElement) => {
		input.value = '7';
		input.checked = true;
	});
	await plain.getByRole('button', { name: 'Next' }).click();
	await expect(plain.locator('#trust\\.1-error')).toHaveText('Choose one of the given options.');

	expect((await request.get(`/a/${'x'.repeat(43)}`)).status()).toBe(404);
	expect((await request.get(`/r/not-a-token/traits`)).status()).toBe(404);
	// Another round's resume token does not open this round's pages, and vice versa: tokens are per response.
	expect((await request.get(`/r/${round.links.municipality}/traits`)).status()).toBe(404);
});

test('on a phone, the stairs question reads in one order: each step with its description right under it', async ({ browser }) => {
	test.slow();
	const round = roundFixture('--asks-role');
	const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
	await phone.goto(`/a/${round.links.association}`);
	await phone.getByRole('button', { name: 'Aloita vastaaminen' }).click();

	// The first page: statements under their trait's name, and the count follows the answers.
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	const traitHeadings = phone.getByRole('heading', { level: 2 }).filter({ hasNotText: 'Jatka myöhemmin' });
	await expect(traitHeadings).toHaveText(['Yhteinen tavoite', 'Harkittu yhteistyö', 'Luottamus', 'Konkreettinen tekeminen', 'Vastavuoroisuus', 'Molemminpuolinen tarve', 'Kunnioitus', 'Paikka ja rakenne tapaamisille']);
	// The page's script runs once the whole page is there: count the statements after it, not mid-page.
	await waitHydrated(phone);
	const total = await phone.locator('fieldset.agreement').count();
	const counter = phone.getByRole('navigation').getByText(/^Vastattu \d+\/\d+$/).first();
	await expect(counter).toHaveText(`Vastattu 0/${total}`);
	await phone.locator('fieldset.agreement').first().getByRole('radio').first().check();
	await expect(counter).toHaveText(`Vastattu 1/${total}`);
	// Questions laid out only near the screen still take the phone's width, never more.
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	// The intro says who "we" and "the other party" are.
	await expect(phone.locator('.lead')).toContainText('omaa organisaatiotasi (Joutsan kyläyhdistys)');
	await expect(phone.locator('.lead')).toContainText('kumppanianne (Joutsan kunta)');

	await phone.goto(phone.url().replace(/\/traits$/, '/stairs'));
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Yhteistyön portaat');
	await expect(phone.getByLabel(/Tehtäväsi organisaatiossa/)).toHaveCount(0);
	for (const question of ['stairs.now', 'stairs.target']) {
		let previousBottom = 0;
		for (let step = 1; step <= 6; step++) {
			const radio = phone.locator(`input[name="${question}"][value="${step}"]`);
			const option = phone.locator('label', { has: radio });
			const description = phone.locator(`[id="${question}-step${step}"]`);
			await expect(radio).toHaveAttribute('aria-describedby', `${question}-step${step}`);
			const o = (await option.boundingBox())!;
			const d = (await description.boundingBox())!;
			// Directly under its own option, below the step before it, and beside nothing.
			expect(d.y, `${question} step ${step}`).toBeGreaterThanOrEqual(o.y + o.height - 1);
			expect(d.y - (o.y + o.height), `${question} step ${step}`).toBeLessThan(12);
			expect(o.y).toBeGreaterThan(previousBottom - 1);
			expect(d.x + d.width).toBeLessThanOrEqual(360);
			previousBottom = d.y + d.height;
		}
	}
	await expect(phone.locator('[id="stairs.now-step6"]')).toContainText('tähtäävät');
	await expectAccessible(phone);
	await phone.screenshot({ path: 'test-results/stairs-phone.png', fullPage: true });

	// The optional role is on the last page.
	await phone.getByRole('button', { name: 'Seuraava' }).click();
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Mitä teette yhdessä');
	await expect(phone.getByLabel(/Tehtäväsi organisaatiossa/)).toBeVisible();
	await expect(phone.getByRole('group', { name: /Mitä voimavaroja oma organisaatiosi tuo/ })).toBeVisible();
	await expect(phone.getByRole('group', { name: /Mitä voimavaroja toinen osapuoli tuo/ })).toBeVisible();
	await expect(phone.getByRole('group', { name: /Rajautuuko yhteistyönne/ })).toBeVisible();
	await expectAccessible(phone);
});
