import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { accessFixture, cli, createAdmin, expectAccessible, query, setPassword, signIn, waitHydrated } from './helpers';

const KEURUU = 'Keuruun kaupunki – Keurusseudun Sydänyhdistys ry';
const TOIVAKKA = 'Toivakan kunta – Toivakan Työtupa ry';
const MEMORY = 'Keski-Suomen Muistiyhdistys ry';

/** Prints the page as the browser would to A4 and gives the page count and the text. */
async function printed(page: Page, file: string): Promise<{ pages: number; text: string }> {
	await page.emulateMedia({ media: 'print' });
	await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
	await page.emulateMedia({ media: 'screen' });
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

test('a project worker sets up a theme table of five organisations, prints its agenda from the results and open actions, and records meetings with a task for every member', async ({ page, browser }, testInfo) => {
	// A long journey on a busy 2-core machine.
	test.setTimeout(180_000);
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('sanna.sihteeri@example.fi', 'Sanna'), 'kumppanuuspöytä kokoontuu taas');

	// The project page warns of the demo table's rules whose review date has passed.
	await page.goto(`/projects/${projectId}`);
	await expect(page.getByRole('note')).toContainText('Kumppanuuspöydän pelisäännöt');
	await page.getByRole('link', { name: 'Kumppanuuspöydät' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuspöydät');
	// Hydration would empty what is typed into the form before it.
	await waitHydrated(page);

	// A table needs a theme or an area: refused with a message, nothing stored.
	const before = query<{ n: number }>('SELECT count(*) AS n FROM partnership_tables WHERE project_id = ?', projectId)[0].n;
	await page.getByLabel('Pöydän nimi').fill('Keuruun ja Toivakan kumppanuuspöytä');
	await page.getByRole('button', { name: 'Perusta pöytä' }).click();
	await expect(page.locator('#field-theme-error')).toHaveText('Anna teema tai alue.');
	expect(query<{ n: number }>('SELECT count(*) AS n FROM partnership_tables WHERE project_id = ?', projectId)[0].n).toBe(before);
	await expectAccessible(page);

	// The area offers the project's declared areas, and the hint names them.
	const KEURUU_AREA = 'Keuruun keskusta ja Haapamäki';
	await expect(page.locator(`#declared-areas option[value="${KEURUU_AREA}"]`)).toHaveCount(1);
	await expect(page.locator('#field-area-hint')).toContainText(KEURUU_AREA);
	// The page after the refused post: hydration would put back the empty area, theme and goal.
	await waitHydrated(page);
	await page.getByLabel('Alue', { exact: true }).fill('  keuruun KESKUSTA ja  haapamäki ');
	await page.getByLabel('Teema').fill('Ikäihmisten arki ja yhteinen tekeminen');
	await page.getByLabel('Yhteinen tavoite').fill('Jokainen jäsen järjestää yhden kohtaamisen vuodessa.');
	await page.getByRole('button', { name: 'Perusta pöytä' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keuruun ja Toivakan kumppanuuspöytä');
	const tableUrl = page.url();

	for (const pair of [KEURUU, TOIVAKKA]) {
		await page.getByLabel('Lisää arvioiva pari pöytään').selectOption({ label: pair });
		await page.getByRole('button', { name: 'Lisää pari' }).click();
		await expect(page.getByRole('region', { name: 'Parit pöydässä' }).getByRole('link', { name: pair })).toBeVisible();
	}
	await page.getByLabel('Lisää jäsenorganisaatio').selectOption({ label: MEMORY });
	await page.getByLabel('Ketkä osallistuvat (rooleina)').fill('toiminnanohjaaja');
	await page.getByRole('button', { name: 'Tallenna jäsen' }).click();
	const members = page.getByRole('region', { name: 'Jäsenet' }).getByRole('row');
	await expect(members).toHaveCount(6);
	// The typed variant of a declared area was stored in the declared spelling, so the table shows under that area.
	await expect(page.getByLabel('Alue', { exact: true })).toHaveValue(KEURUU_AREA);
	expect(query<{ area: string }>('SELECT area FROM partnership_tables WHERE project_id = ? AND name = ?', projectId, 'Keuruun ja Toivakan kumppanuuspöytä')[0].area).toBe(KEURUU_AREA);
	await expectAccessible(page);

	// The first meeting: an action needs a member of the table.
	await page.getByRole('link', { name: 'Uusi kumppanuuspöydän kokous' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tapaaminen 1');
	await expect(page.getByLabel('Asialista')).toHaveValue(/^1\. (Keuruun|Toivakan) .+/);
	await page.getByLabel('Mitä tehdään').first().fill('Kartoitetaan kohtaamispaikat');
	await page.getByRole('button', { name: 'Tallenna kokous' }).click();
	await expect(page.locator('#action_member_0-error')).toHaveText('Valitse vastuussa oleva jäsenorganisaatio.');
	expect(query<{ n: number }>("SELECT count(*) AS n FROM table_actions WHERE what = 'Kartoitetaan kohtaamispaikat'")[0].n).toBe(0);
	await expectAccessible(page);

	const names = ['Keurusseudun Sydänyhdistys ry', 'Keuruun kaupunki', MEMORY, 'Toivakan kunta', 'Toivakan Työtupa ry'];
	// The page after the refused post: hydration would empty the decisions typed below.
	await waitHydrated(page);
	for (const [i, name] of names.entries()) {
		await page.getByLabel('Mitä tehdään').nth(i).fill(`Tehtävä ${i + 1}: ${name}`);
		await page.getByLabel('Vastuuorganisaatio').nth(i).selectOption({ label: name });
		await page.getByLabel('Mihin se pyrkii vaikuttamaan').nth(i).selectOption({ label: 'Luottamus' });
	}
	await page.getByLabel('Puheenjohtaja').selectOption({ label: 'Keuruun kaupunki' });
	await page.getByLabel('Sihteeri').selectOption({ label: 'Toivakan kunta' });
	await page.getByLabel('Päätökset').fill('Kohtaamisten vuorot jaetaan jäsenten kesken.');
	await page.getByRole('button', { name: 'Tallenna kokous' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tapaaminen 1, \d+\.\d+\.\d{4}$/);
	for (const name of names) await expect(page.getByRole('row', { name: new RegExp(`Tehtävä \\d: ${name}`) })).toContainText(name);
	await expect(page.getByText('Tässä tapaamisessa ei sovittu tehtävää')).toHaveCount(0);
	await expectAccessible(page);
	const first = page.getByRole('row', { name: /Tehtävä 1:/ });
	await first.getByRole('combobox').selectOption({ label: 'tehty' });
	await page.getByRole('button', { name: 'Tallenna tilat' }).click();
	await expect(page.getByRole('row', { name: /Tehtävä 1:/ }).getByRole('combobox')).toHaveValue('done');

	// The agenda of meeting 2: the four open actions, both pairs' closed-round results, the member with no task.
	await page.goto(tableUrl);
	await page.getByRole('link', { name: 'Seuraavan tapaamisen asialista' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tapaaminen 2, /);
	const carried = page.getByRole('table', { name: 'Edellisten tapaamisten avoimet tehtävät' });
	await expect(carried.getByRole('row')).toHaveCount(5);
	await expect(carried).not.toContainText('Tehtävä 1:');
	await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${KEURUU} \\(Kierros \\d\\)$`) })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${TOIVAKKA} \\(Kierros \\d\\)$`) })).toBeVisible();
	await expect(page.getByText('Ilman tehtävää vielä: Keurusseudun Sydänyhdistys ry.')).toBeVisible();
	await expectAccessible(page);
	const agenda = await printed(page, testInfo.outputPath('agenda.pdf'));
	expect(agenda.pages).toBe(1);
	for (const text of ['Tehtävä 2: Keuruun kaupunki', 'Tehtävä 5: Toivakan Työtupa ry', KEURUU, TOIVAKKA]) expect(agenda.text).toContain(text);
	expect(agenda.text).not.toContain('Kirjaudu ulos');

	// The results of the Keuruu pair show the table's actions and what they aimed at.
	const [pair] = query<{ id: number }>(
		"SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ? AND m.name = 'Keuruun kaupunki'",
		projectId
	);
	await page.goto(`/projects/${projectId}/pairs/${pair.id}/results`);
	const actions = page.getByRole('region', { name: 'Toimenpiteet ja vaikutus' });
	await expect(actions).toContainText('Luottamus: Tehtävä 3: Keski-Suomen Muistiyhdistys ry');
	await expect(actions).toContainText('ei vielä tiedossa');

	// Minutes export, through the same writers as the project's exports.
	const meeting = query<{ id: number; table_id: number }>("SELECT m.id, m.table_id FROM table_meetings m JOIN table_actions a ON a.meeting_id = m.id WHERE a.what LIKE 'Tehtävä 1:%'")[0];
	const csv = await page.request.get(`/projects/${projectId}/tables/${meeting.table_id}/meetings/${meeting.id}/minutes/csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Tehtävä 4: Toivakan kunta');

	// A member sends an agenda item through the table link, without an account; the secretary accepts it.
	await page.goto(tableUrl);
	await page.getByRole('button', { name: 'Luo pöydän linkki' }).click();
	const link = (await page.locator('code.link').textContent())!;
	const guest = await browser.newContext();
	const member = await guest.newPage();
	await member.goto(new URL(link).pathname);
	await expect(member.getByRole('heading', { level: 1 })).toHaveText('Ehdota asiaa kumppanuuspöydän asialistalle');
	await waitHydrated(member);
	// Only spaces pass the browser's check but not the server's: refused, nothing stored.
	await member.getByLabel('Organisaatio, jonka puolesta ehdotat').fill('   ');
	await member.getByLabel('Asia, jota ehdotat').fill('Tyhjä lähettäjä');
	await member.getByRole('button', { name: 'Lähetä ehdotus' }).click();
	await expect(member.locator('#field-sender-error')).toHaveText('Tämä tieto tarvitaan.');
	expect(query<{ n: number }>("SELECT count(*) AS n FROM agenda_items WHERE text = 'Tyhjä lähettäjä'")[0].n).toBe(0);
	// The page after the refused post: hydration would put back what was sent.
	await waitHydrated(member);
	await member.getByLabel('Organisaatio, jonka puolesta ehdotat').fill('Keuruun kirjasto');
	await member.getByLabel('Asia, jota ehdotat').fill('Lukupiiri kotona asuville');
	await member.getByRole('button', { name: 'Lähetä ehdotus' }).click();
	await expect(member.getByRole('status')).toContainText('Kiitos');
	await expectAccessible(member);
	await guest.close();
	await page.reload();
	await page.getByRole('button', { name: 'Hyväksy' }).click();
	await page.goto(`${tableUrl}/agenda`);
	await expect(page.getByRole('listitem').filter({ hasText: /^Lukupiiri kotona asuville \(Keuruun kirjasto\)$/ })).toBeVisible();
});

test('a coordinator sees a table and prints the minutes on one A4 page, without the forms', async ({ page }, testInfo) => {
	const fx = accessFixture();
	const a = fx.projects.a;
	await signIn(page, fx.users.coordinator.email, fx.password);
	await expect(page).toHaveURL(/\/projects$/);
	await page.goto(`/projects/${a.projectId}/tables/${a.tableId}/meetings/${a.meetingId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tapaaminen 1, /);
	await expect(page.getByRole('button', { name: 'Tallenna tilat' })).toHaveCount(0);
	await expect(page.getByRole('combobox')).toHaveCount(0);
	await expectAccessible(page);
	const minutes = await printed(page, testInfo.outputPath('minutes.pdf'));
	expect(minutes.pages).toBe(1);
	expect(minutes.text).toMatch(/Mitä tehdään\s+Vastuuorganisaatio/);
	expect(minutes.text).toContain('Toimenpide A');
	expect(minutes.text).not.toContain('Uusi toimenpide');
	// The table page hides the table link from coordinators.
	await page.goto(`/projects/${a.projectId}/tables/${a.tableId}`);
	await expect(page.locator('code.link')).toHaveCount(0);
	expect(await page.content()).not.toContain(a.tableLink);
});
