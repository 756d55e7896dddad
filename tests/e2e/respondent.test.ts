import { expect, test, type Page } from '@playwright/test';
import { DATABASE_PATH, expectAccessible, query, roundFixture } from './helpers';

const traitIds = ['shared_goal', 'deliberate', 'trust', 'concrete', 'reciprocity', 'mutual_need', 'respect', 'meeting_place'];

async function answerAll(page: Page, prefix: string, count: number, value: string) {
	for (let i = 1; i <= count; i++) await page.locator(`input[name="${prefix}.${i}"][value="${value}"]`).check();
}

async function answerTraits(page: Page, value: string) {
	for (const trait of traitIds) await answerAll(page, trait, 3, value);
}

async function answerPractice(page: Page, values: Record<number, string>) {
	for (const [step, value] of Object.entries(values)) await answerAll(page, `step${step}`, 3, value);
}

function submittedResponses(roundId: number) {
	return query<{ side: string; n: number }>(
		"SELECT side, count(*) AS n FROM responses WHERE round_id = ? AND status = 'submitted' GROUP BY side ORDER BY side",
		roundId
	);
}

test.describe.configure({ mode: 'serial' });

test('a respondent answers, leaves, resumes on another device, switches language and submits (JavaScript on)', async ({ browser }) => {
	const round = roundFixture('--asks-role');
	const phone = await (await browser.newContext()).newPage();
	await phone.goto(`/a/${round.links.municipality}`);
	await expect(phone.getByRole('heading', { level: 1 })).toContainText('Joutsan kunta – Joutsan kyläyhdistys');
	await expect(phone.getByText('Kunnan puoli: Joutsan kunta')).toBeVisible();
	await expect(phone.getByText('vähintään 3 vastausta')).toBeVisible();
	await expectAccessible(phone);
	await phone.getByRole('button', { name: 'Aloita vastaaminen' }).click();

	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuden tunnuspiirteet');
	await answerTraits(phone, '4');
	await expectAccessible(phone);
	// Saved as they answer: wait for the autosave, then leave without pressing anything.
	await expect(phone.getByRole('status').filter({ hasText: 'tallennettu' })).toBeVisible();
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
	await laptop.getByLabel(/Din uppgift i organisationen/).fill('sosiaalityöntekijä');
	await expectAccessible(laptop);
	await laptop.getByRole('button', { name: 'Nästa' }).click();

	await laptop.getByLabel('Yhteiset tapahtumat').or(laptop.locator('input[name="activities"][value="events"]')).first().check();
	await laptop.locator('textarea[name="comment"]').fill('Hyvä alku, mutta tapaamisia saisi olla useammin.');
	await laptop.getByRole('button', { name: 'Granska svaren' }).click();

	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Granskning och sändning');
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
		await expect(page.getByText('1 questions are unanswered')).toBeVisible();
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
		await expect(page.getByText('vastattu 0/24, tarvitaan vähintään 12')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Kumppanuuden tunnuspiirteet' })).toHaveAttribute('href', `/r/${token}/traits`);
		await expect(page.getByRole('button', { name: 'Lähetä vastaukset' })).toHaveCount(0);
		const forced = await page.request.post(`/r/${token}/review?/submit`, { form: {}, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
		expect(forced.status()).toBe(400);
		expect(submittedResponses(round.roundId)).toEqual([]);
		await expectAccessible(page);
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

test('a closed round keeps the answers and takes no submit', async ({ page, request }) => {
	const round = roundFixture();
	await page.goto(`/a/${round.links.municipality}`);
	await page.getByRole('button', { name: 'Aloita vastaaminen' }).click();
	await answerTraits(page, '3');
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
	expect(query('SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ?', round.roundId)).toEqual([{ n: 24 }]);
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
