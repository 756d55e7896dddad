import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cli, createAdmin, DATABASE_PATH, expectAccessible, gotoHydrated, query, roundFixture, setPassword, waitHydrated } from './helpers';

function mapFixture(actors: number): { projectId: number; groupId: number } {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'map', '--actors', String(actors)], { env: { ...process.env, DATABASE_PATH }, encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** The drawn labels' boxes as the browser lays them out: none may overlap another or leave the drawing. */
async function expectLabelsApart(page: Page, count: number) {
	const { boxes, svg } = await page.evaluate(() => {
		const svg = document.querySelector('figure.partnership-map svg[role="img"]')!;
		const rect = (e: Element) => {
			const r = e.getBoundingClientRect();
			return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent ?? '' };
		};
		return { boxes: [...svg.querySelectorAll('text[data-label]')].map(rect), svg: rect(svg) };
	});
	expect(boxes.filter((b) => b.text).length).toBeGreaterThanOrEqual(count + 1);
	const tolerance = 0.5;
	for (const [i, a] of boxes.entries()) {
		expect(a.x, a.text).toBeGreaterThanOrEqual(svg.x - tolerance);
		expect(a.x + a.w, a.text).toBeLessThanOrEqual(svg.x + svg.w + tolerance);
		expect(a.y, a.text).toBeGreaterThanOrEqual(svg.y - tolerance);
		expect(a.y + a.h, a.text).toBeLessThanOrEqual(svg.y + svg.h + tolerance);
		for (const b of boxes.slice(i + 1)) {
			const apart = a.x + a.w <= b.x + tolerance || b.x + b.w <= a.x + tolerance || a.y + a.h <= b.y + tolerance || b.y + b.h <= a.y + tolerance;
			expect(apart, `"${a.text}" and "${b.text}" overlap`).toBe(true);
		}
	}
}

/** Prints the page as a browser saves it as PDF, checks that it is one landscape A4 page, and gives its text. */
async function printedOnOneLandscapePage(page: Page, path: string): Promise<string> {
	await page.emulateMedia({ media: 'print' });
	await page.pdf({ path, preferCSSPageSize: true });
	const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
	expect(info).toMatch(/Pages:\s+1\n/);
	expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/);
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('a project worker declares an area, builds its map from nothing in a plain form, and bad input changes nothing', async ({ page }, testInfo) => {
	test.setTimeout(180_000);
	const fx = roundFixture();
	await setPassword(page, createAdmin('kaisa.kartta@example.fi', 'Kaisa'), 'toimijat pöydän ympärillä');
	await page.goto(`/projects/${fx.projectId}`);
	await page.getByRole('link', { name: 'Teemat, alueet ja kumppanuuskartat' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teemat ja alueet');
	// The pair's free-text area is offered for declaring.
	await page.getByRole('button', { name: 'Kirjaa: Joutsa' }).click();
	await expect(page.getByRole('status')).toContainText('Kirjattu: Joutsa');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Muokkaa kumppanuuskarttaa: Joutsa' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuskartta: Joutsa');
	await expect(page.getByText('Kartalla ei ole vielä toimijoita.')).toBeVisible();

	// No name, and a pair relation without a pair: refused next to the fields, nothing stored.
	await page.getByLabel('Sektori').selectOption({ label: 'yritys' });
	await page.getByLabel('Suhde').selectOption({ label: 'Arvioidussa parissa' });
	await page.getByRole('button', { name: 'Lisää toimija' }).click();
	await expect(page.locator('#field-name-error')).toBeVisible();
	await expect(page.locator('#field-pair_id-error')).toHaveText('Valitse pari, kun toimija on arvioidussa parissa.');
	const actorsHere = () =>
		query('SELECT count(*) AS n FROM map_actors a JOIN project_groups g ON g.id = a.group_id WHERE g.project_id = ?', fx.projectId);
	expect(actorsHere()).toEqual([{ n: 0 }]);

	const add = async (name: string, sector: string, relation: string, resources: string[], pair?: string) => {
		// Each add follows a post: hydration would empty the name and untick the boxes.
		await waitHydrated(page);
		await page.getByLabel('Toimija', { exact: true }).fill(name);
		await page.getByLabel('Sektori').selectOption({ label: sector });
		await page.getByLabel('Suhde').selectOption({ label: relation });
		if (pair) await page.getByLabel('Arvioitu pari').selectOption({ label: pair });
		for (const r of resources) await page.getByLabel(r).check();
		await page.getByRole('button', { name: 'Lisää toimija' }).click();
		await expect(page.getByRole('status')).toContainText(`Tallennettu: ${name}`);
	};
	await add('Joutsan kunta', 'kunta', 'Arvioidussa parissa', ['Julkista rahaa', 'Tiloja'], 'Joutsan kunta – Joutsan kyläyhdistys');
	await add('Joutsan seurakunta', 'seurakunta', 'Pitäisi kutsua', ['Tiloja', 'Vapaaehtoistyötä']);
	await add('Kyläkauppa', 'yritys', 'Ei mukana', ['Kohderyhmien tavoittamista']);

	const table = page.getByRole('table', { name: 'Kartan toimijat' });
	await expect(table.getByRole('row', { name: /Joutsan seurakunta/ })).toContainText('Pitäisi kutsua');
	await expect(table.getByRole('row', { name: /Joutsan kunta/ })).toContainText('Joutsan kunta – Joutsan kyläyhdistys');
	const map = page.getByRole('img', { name: 'Kumppanuuskartta: Joutsa' });
	await expect(map).toBeVisible();
	await expect(map.locator('text[data-label="actor"]')).toHaveText(['Joutsan kunta', 'Joutsan seurakunta', 'Kyläkauppa']);
	await expectLabelsApart(page, 3);
	await expectAccessible(page);
	expect(actorsHere()).toEqual([{ n: 3 }]);

	// A change is dated; one dated in the future is refused.
	await table.getByRole('link', { name: 'Muokkaa: Joutsan seurakunta' }).click();
	await expect(page.getByRole('heading', { name: 'Muokkaa toimijaa Joutsan seurakunta' })).toBeVisible();
	// Hydration would put back the day the page came with.
	await waitHydrated(page);
	await page.getByLabel('Suhde').selectOption({ label: 'Ollut mukana aiemmin' });
	await page.getByLabel('Päivä, josta muutos on voimassa').fill('2999-01-01');
	await page.getByRole('button', { name: 'Tallenna muutos' }).click();
	await expect(page.locator('#field-effective_on-error')).toBeVisible();
	expect(query("SELECT relation FROM map_actors WHERE name = 'Joutsan seurakunta'")).toEqual([{ relation: 'invite' }]);
	await waitHydrated(page);
	await page.getByLabel('Päivä, josta muutos on voimassa').fill(new Date().toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Tallenna muutos' }).click();
	await expect(page.getByRole('status')).toContainText('Tallennettu: Joutsan seurakunta');
	expect(query("SELECT relation FROM map_actors WHERE name = 'Joutsan seurakunta'")).toEqual([{ relation: 'earlier' }]);
	expect(query("SELECT count(*) AS n FROM map_changes c JOIN map_actors a ON a.id = c.actor_id WHERE a.name = 'Joutsan seurakunta'")).toEqual([{ n: 2 }]);

	// An actor to invite becomes one side of a new pair, after a confirmation of what will happen.
	await add('Joutsan koulu', 'oppilaitos', 'Pitäisi kutsua', ['Tiloja']);
	const pairs = () => query<{ n: number }>('SELECT count(*) AS n FROM pairs WHERE project_id = ?', fx.projectId)[0].n;
	const pairsBefore = pairs();
	const needed = page.getByRole('region', { name: 'Keitä vielä tarvitaan' });
	const invitePair = needed.getByRole('form', { name: 'Kutsu pariin: Joutsan koulu' });
	await invitePair.getByLabel('Parin toinen osapuoli').selectOption({ label: 'Joutsan kunta (kunta)' });
	// A school's side is not clear from its sector: without a choice, a message and nothing changed.
	await invitePair.getByRole('button', { name: 'Kutsu pariin: Joutsan koulu' }).click();
	await expect(page.getByRole('alert')).toHaveText('Valitse, kummalle puolelle toimija tulee parissa: kunnan vai yhdistyksen.');
	await invitePair.getByLabel('Parin toinen osapuoli').selectOption({ label: 'Joutsan kunta (kunta)' });
	await invitePair.getByLabel('Toimijan puoli parissa').selectOption({ label: 'Yhdistyksen puoli' });
	await invitePair.getByRole('button', { name: 'Kutsu pariin: Joutsan koulu' }).click();
	const confirm = page.getByRole('region', { name: 'Muodostetaanko pari Joutsan koulu ja Joutsan kunta?' });
	await expect(confirm).toContainText('Uusi pari: kunnan puolella Joutsan kunta, yhdistyksen puolella Joutsan koulu.');
	await expect(confirm).toContainText('Parin alue: Joutsa.');
	await expect(confirm).toContainText('Joutsan koulu lisätään hankkeen organisaatioksi.');
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('pair-confirm.png'), fullPage: true });
	expect(pairs()).toBe(pairsBefore);
	await confirm.getByRole('button', { name: 'Muodosta pari' }).click();
	// The pair is named municipality first, as everywhere else.
	await expect(page.getByRole('status')).toContainText('Pari Joutsan kunta – Joutsan koulu on muodostettu, ja kartta on päivitetty.');
	await expect(table.getByRole('row', { name: /Joutsan koulu/ })).toContainText('Arvioidussa parissa');
	await expect(table.getByRole('row', { name: /Joutsan koulu/ })).toContainText('Joutsan kunta – Joutsan koulu');
	expect(query("SELECT o.name AS association, o.kind, p.area FROM pairs p JOIN organisations o ON o.id = p.association_org_id WHERE p.project_id = ? ORDER BY p.id DESC LIMIT 1", fx.projectId)).toEqual([
		{ association: 'Joutsan koulu', kind: 'school', area: 'Joutsa' }
	]);
	expect(query("SELECT json_extract(c.state, '$.relation') AS relation FROM map_changes c JOIN map_actors a ON a.id = c.actor_id WHERE a.name = 'Joutsan koulu' ORDER BY c.id")).toEqual([
		{ relation: 'invite' },
		{ relation: 'pair' }
	]);
	await page.getByRole('link', { name: 'Avaa pari ja aloita arviointikierros' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Joutsan koulu');

	// The new-pair form offers the declared area; typed in another case, the pair still groups under it.
	await gotoHydrated(page, `/projects/${fx.projectId}/pairs/new`);
	await page.getByLabel('Organisaation nimi').fill('Joutsan Martat ry');
	await page.getByLabel('Tyyppi').selectOption({ label: 'yhdistys tai järjestö' });
	await page.getByRole('button', { name: 'Lisää organisaatio' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	// The page after the post: hydration would empty the area typed below.
	await waitHydrated(page);
	const area = page.getByRole('combobox', { name: 'Alue' });
	await expect(page.locator('#field-area-hint')).toHaveText('Valitse jokin hankkeen alueista (Joutsa) tai kirjoita uusi.');
	await expect(page.locator('datalist#declared-areas option')).toHaveAttribute('value', 'Joutsa');
	await page.getByLabel('Kunnan puoli').selectOption({ label: 'Joutsan kunta (kunta)' });
	await page.getByLabel('Yhdistyksen puoli').selectOption({ label: 'Joutsan Martat ry (yhdistys tai järjestö)' });
	await page.screenshot({ path: testInfo.outputPath('new-pair.png'), fullPage: true });
	await area.fill('  JOUTSA ');
	// Typing opens the declared values' list; Escape closes it, as a user would before going on.
	await area.press('Escape');
	await page.getByRole('button', { name: 'Luo pari' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joutsan kunta – Joutsan Martat ry');
	await page.goto(`/projects/${fx.projectId}/groups`);
	// Pairs of the declared area: the fixture's, the one formed from the map, and this one.
	await expect(page.getByRole('row', { name: /^Joutsa / }).getByRole('cell').nth(1)).toHaveText('3');
	expect(query("SELECT area FROM pairs WHERE project_id = ? ORDER BY id DESC LIMIT 1", fx.projectId)).toEqual([{ area: 'Joutsa' }]);
});

test('mistakes on the map, without JavaScript: nothing assumed, an impossible day or a second entry refused, a removal confirmed first, one “who we still need” item', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const fx = mapFixture(5);
	const setupContext = await browser.newContext();
	const setup = await setupContext.newPage();
	await setPassword(setup, createAdmin('mikko.mappi@example.fi', 'Mikko'), 'virheet kartalla korjataan');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Sähköposti').fill('mikko.mappi@example.fi');
	await page.getByLabel('Salasana', { exact: true }).fill('virheet kartalla korjataan');
	await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
	await expect(page).toHaveURL(/\/projects$/);
	const mapPath = `/projects/${fx.projectId}/groups/${fx.groupId}/map`;
	await page.goto(mapPath);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kumppanuuskartta');
	// A print button that could do nothing without JavaScript is not offered; the way to the form is.
	await expect(page.getByRole('button', { name: 'Tulosta kartta' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Lisää toimija' })).toHaveAttribute('href', '#actor-form');
	const changes = () => query<{ n: number }>('SELECT count(*) AS n FROM map_changes c JOIN map_actors a ON a.id = c.actor_id WHERE a.group_id = ?', fx.groupId)[0].n;
	const before = changes();

	// Sector and relation are asked, never assumed ("should be invited" put actors on the agenda unnoticed).
	await page.getByLabel('Toimija', { exact: true }).fill('Jämsän kirjasto');
	await page.getByRole('button', { name: 'Lisää toimija' }).click();
	await expect(page.locator('#field-sector-error')).toBeVisible();
	await expect(page.locator('#field-relation-error')).toBeVisible();
	await expect(page.getByLabel('Toimija', { exact: true })).toHaveValue('Jämsän kirjasto');
	// A day not on the calendar, as a date field cannot send it but a post can: refused with a message.
	const posted = await page.request.post(`${mapPath}?/save`, {
		form: { name: 'Jämsän kirjasto', sector: 'municipality', relation: 'invite', effective_on: '2026-02-30' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(posted.status()).toBe(400);
	expect(await posted.text()).toContain('Anna päivämäärä muodossa vvvv-kk-pp.');
	expect(changes()).toBe(before);

	await page.getByLabel('Sektori').selectOption({ label: 'kunta' });
	await page.getByLabel('Suhde').selectOption({ label: 'Pitäisi kutsua' });
	await page.getByRole('button', { name: 'Lisää toimija' }).click();
	await expect(page.getByRole('status')).toContainText('Tallennettu: Jämsän kirjasto');
	await expect(page.getByRole('link', { name: 'Lisää seuraava toimija' })).toHaveAttribute('href', '#actor-form');
	// The same actor again, in other letters: refused next to the name.
	await page.getByLabel('Toimija', { exact: true }).fill('  jämsän KIRJASTO ');
	await page.getByLabel('Sektori').selectOption({ label: 'kunta' });
	await page.getByLabel('Suhde').selectOption({ label: 'Ei mukana' });
	await page.getByRole('button', { name: 'Lisää toimija' }).click();
	await expect(page.locator('#field-name-error')).toHaveText('Kartalla on jo samanniminen toimija. Muokkaa sitä, tai anna tälle toimijalle nimi, josta sen erottaa.');
	expect(changes()).toBe(before + 1);

	// Removing an actor entered by mistake asks for a confirmation first, then takes it and its history away.
	const table = page.getByRole('table', { name: 'Kartan toimijat' });
	await table.getByRole('link', { name: 'Muokkaa: Yrittäjät ry 5' }).click();
	const remove = page.getByRole('form', { name: 'Poista toimija kartalta' });
	await expect(remove).toContainText('Poisto vie myös toimijan muutoshistorian.');
	// axe needs JavaScript: the same edit view, checked where it runs.
	await setup.goto(page.url());
	await expect(setup.getByRole('form', { name: 'Poista toimija kartalta' })).toBeVisible();
	await expectAccessible(setup);
	await remove.getByRole('button', { name: 'Poista kartalta' }).click();
	await expect(page.getByText('Vahvista poisto rastittamalla ruutu.')).toBeVisible();
	await expect(page.getByLabel('Toimija', { exact: true })).toHaveValue('Yrittäjät ry 5');
	expect(query('SELECT count(*) AS n FROM map_actors WHERE group_id = ?', fx.groupId)).toEqual([{ n: 6 }]);
	await page.getByRole('form', { name: 'Poista toimija kartalta' }).getByLabel('Poistan toimijan Yrittäjät ry 5 ja sen muutoshistorian').check();
	await page.getByRole('form', { name: 'Poista toimija kartalta' }).getByRole('button', { name: 'Poista kartalta' }).click();
	await expect(page.getByRole('status')).toContainText('Poistettu kartalta: Yrittäjät ry 5');
	await expect(table.getByRole('row', { name: /Yrittäjät ry 5/ })).toHaveCount(0);
	expect(query("SELECT count(*) AS n FROM map_actors WHERE name = 'Yrittäjät ry 5' AND group_id = ?", fx.groupId)).toEqual([{ n: 0 }]);

	// "Who we still need" sent twice to the theme's table is one item on its coming agenda, up to date.
	const needed = page.getByRole('region', { name: 'Keitä vielä tarvitaan' });
	await expect(needed.getByLabel('Kumppanuuspöytä').first()).toHaveValue(/\d+/);
	await needed.getByRole('button', { name: 'Vie asialistalle' }).click();
	await expect(page.getByRole('status')).toContainText('Lisätty asialistalle: Jämsän ikäihmisten pöytä.');
	await page.getByRole('region', { name: 'Keitä vielä tarvitaan' }).getByRole('button', { name: 'Vie asialistalle' }).click();
	await expect(page.getByRole('status')).toContainText('Asialistalla jo ollut kohta on päivitetty: Jämsän ikäihmisten pöytä.');
	const items = query<{ text: string }>("SELECT i.text FROM agenda_items i JOIN partnership_tables t ON t.id = i.table_id WHERE t.project_id = ? AND i.source = 'map'", fx.projectId);
	expect(items).toHaveLength(1);
	expect(items[0].text).toMatch(/Jämsän kirjasto/);
	expect(items[0].text).toMatch(/Kansalaisopisto 4/);
	await page.screenshot({ path: testInfo.outputPath('map-mistakes.png'), fullPage: true });
	await context.close();
	await setupContext.close();
});

test('the map stays readable at 40 actors: no label box overlaps another', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const fx = mapFixture(40);
	await setPassword(page, createAdmin('nelli.nelkyt@example.fi', 'Nelli'), 'neljäkymmentä toimijaa kartalla');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/projects/${fx.projectId}/groups/${fx.groupId}/map`);
	await expect(page.getByRole('table', { name: 'Kartan toimijat' }).getByRole('row')).toHaveCount(41);
	await expectLabelsApart(page, 40);
	await page.screenshot({ path: testInfo.outputPath('map-40.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 800 });
	await expectLabelsApart(page, 40);

	// Printed, the map with its table of 40 actors keeps to one landscape A4 page.
	const text = (await printedOnOneLandscapePage(page, testInfo.outputPath('map-40.pdf'))).replace(/\s+/g, ' ');
	expect(text).toContain('Kartan toimijat');
	const names = query<{ name: string }>('SELECT name FROM map_actors WHERE group_id = ?', fx.groupId).map((r) => r.name);
	expect(names.filter((name) => text.includes(name))).toEqual(names);
});

test('a coordinator prints a theme with its map and step distribution on one A4 page, and the map alone on one landscape page', async ({ page }, testInfo) => {
	test.setTimeout(180_000);
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('kerttu.koordinaattori@example.fi', 'Kerttu'), 'yhteenveto rahoittajalle');
	const [group] = query<{ id: number }>("SELECT id FROM project_groups WHERE project_id = ? AND name = 'Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy'", projectId);
	// Server HTML with one small script for its print button: no framework to load and hydrate.
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	await page.goto(`/projects/${projectId}/groups/${group.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy');
	await expect(page.getByRole('button', { name: 'Tulosta yhteenveto' })).toBeVisible();
	expect(scripts).toHaveLength(1);
	await expect(page.getByRole('img', { name: /Kumppanuuskartta/ })).toBeVisible();
	await expectAccessible(page);
	const distribution = page.getByRole('table', { name: 'Parit portaittain kierroksittain' });
	await expect(distribution.getByRole('columnheader')).toHaveText(['Porras', 'Kierros 1', 'Kierros 2', 'Kierros 3']);
	// Two pairs share this theme; the last row counts the pairs whose step may be shown in each round.
	await expect(page.getByRole('table', { name: 'Ryhmän parit ja portaat' }).getByRole('row')).toHaveCount(3);
	await expect(distribution.getByRole('row').last()).toHaveText(/Pareja, joiden porras näytetään\s*2\s*1\s*2/);
	// What the pairs do together and bring: from the latest closed round, each column with its n.
	const activities = page.getByRole('table', { name: 'Mitä teette yhdessä toisen osapuolen kanssa? Valitse kaikki sopivat.' });
	await expect(activities.getByRole('columnheader')).toHaveText(['Vaihtoehto', 'Pareja (n = 2)', 'Kunnan puoli (n = 2)', 'Yhdistyksen puoli (n = 2)']);
	await page.screenshot({ path: testInfo.outputPath('theme-page.png'), fullPage: true });
	// On a laptop and on a phone (WCAG reflow, 320 px) the page never scrolls sideways: a table that
	// does not fit scrolls in its own box, which the keyboard can reach and a screen reader names.
	for (const width of [1200, 320]) {
		await page.setViewportSize({ width, height: 900 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `at ${width} px`).toBeLessThanOrEqual(0);
		const boxes = await page.evaluate(() =>
			[...document.querySelectorAll('main table')]
				.map((t) => t.parentElement!)
				.filter((box) => box.scrollWidth > box.clientWidth)
				.map((box) => ({ tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), named: (box.getAttribute('aria-label') ?? '').trim() !== '' }))
		);
		for (const box of boxes) expect(box, `at ${width} px`).toEqual({ tabindex: '0', role: 'region', named: true });
	}
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('theme-page-320.png'), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });

	await page.emulateMedia({ media: 'print' });
	const summary = testInfo.outputPath('theme-summary.pdf');
	await page.pdf({ path: summary, format: 'A4', preferCSSPageSize: true });
	expect(execFileSync('pdfinfo', [summary], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
	const text = execFileSync('pdftotext', ['-layout', summary, '-'], { encoding: 'utf8' });
	for (const expected of ['Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy', 'Parit portaittain kierroksittain', 'Heikoimmat tunnuspiirteet', 'Keurusseudun Sydänyhdistys ry', 'Keitä vielä tarvitaan'])
		expect(text).toContain(expected);
	// What the pairs do and bring, with the n of each column (table cells wrap: compare the words).
	const words = execFileSync('pdftotext', [summary, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	for (const expected of ['Mitä parit tekevät yhdessä ja mitä kumpikin puoli tuo', 'Yhteistä keskustelua', 'Yhdistyksen puoli (n = 2)', 'esimerkiksi kunnan varoja'])
		expect(words).toContain(expected);
	expect(text).not.toContain('Kirjaudu ulos');
	expect(text).not.toContain('Tulosta yhteenveto');

	await page.emulateMedia({ media: 'screen' });
	await page.goto(`/projects/${projectId}/groups/${group.id}/map`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumppanuuskartta: Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy');
	// The map grew between its two days: actors were added and some of the invited came closer.
	const growth = page.getByRole('region', { name: 'Miten kartta on kasvanut' });
	await expect(growth).toContainText(/Uusia toimijoita: [1-9]/);
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('map-demo.png'), fullPage: true });
	// From the map to the table: who we still need goes onto a table's agenda, and one actor is invited in one step.
	const [table] = query<{ id: number; name: string }>('SELECT id, name FROM partnership_tables WHERE project_id = ? ORDER BY id LIMIT 1', projectId);
	const wanted = query<{ name: string }>("SELECT name FROM map_actors WHERE group_id = ? AND relation = 'invite' ORDER BY name", group.id).map((r) => r.name);
	expect(wanted.length).toBeGreaterThanOrEqual(2);
	const needed = page.getByRole('region', { name: 'Keitä vielä tarvitaan' });
	await needed.getByLabel('Kumppanuuspöytä').first().selectOption(String(table.id));
	await needed.getByRole('button', { name: 'Vie asialistalle' }).click();
	await expect(page.getByRole('status')).toContainText(`Lisätty asialistalle: ${table.name}.`);
	await needed.getByLabel('Kumppanuuspöytä').nth(1).selectOption(String(table.id));
	await needed.getByRole('button', { name: `Kutsu pöytään: ${wanted[0]}` }).click();
	await expect(page.getByRole('status')).toContainText(`${table.name}: uusi jäsen ${wanted[0]}.`);
	await expect(page.getByRole('table', { name: 'Kartan toimijat' }).getByRole('row', { name: new RegExp(wanted[0]) })).toContainText('Kumppanuuspöydässä');
	await page.goto(`/projects/${projectId}/tables/${table.id}`);
	for (const name of wanted) await expect(page.getByText(new RegExp(`Keitä vielä tarvitaan.*${name}`))).toBeVisible();
	await expect(page.getByText(wanted[0]).first()).toBeVisible();
	expect(query('SELECT count(*) AS n FROM table_members m JOIN organisations o ON o.id = m.org_id WHERE m.table_id = ? AND o.name = ?', table.id, wanted[0])).toEqual([{ n: 1 }]);

	await page.goto(`/projects/${projectId}/groups/${group.id}/map`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kumppanuuskartta');
	const mapText = await printedOnOneLandscapePage(page, testInfo.outputPath('map.pdf'));
	expect(mapText).toContain('Keuruun kaupunki');
	expect(mapText).toContain('Kartan toimijat');
	expect(mapText).not.toContain('Lisää toimija');
	expect(mapText).not.toContain('Kirjaudu ulos');
});

test('a project worker moves a pair to another theme on the pair page, without JavaScript, and finds it under that theme', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(180_000);
	const fx = roundFixture();
	await setPassword(page, createAdmin('teemu.teema@example.fi', 'Teemu'), 'pari siirtyy toiseen ryhmään');
	// A theme declared for the project, as the groups page does it.
	await gotoHydrated(page, `/projects/${fx.projectId}/groups`);
	await page.getByLabel('Nimi').fill('Ikäihmisten hyvinvointi');
	await page.getByRole('button', { name: 'Kirjaa', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Ikäihmisten hyvinvointi');

	// The pair page's form, with the declared theme offered (axe runs only where JavaScript does).
	const pairPage = `/projects/${fx.projectId}/pairs/${fx.pairId}`;
	await page.goto(pairPage);
	await expect(page.getByRole('region', { name: 'Teema ja alue' }).getByRole('combobox', { name: 'Teema' })).toHaveValue('Kylien elinvoima');
	await expectAccessible(page);

	// The same session with JavaScript off: the form is a plain post.
	const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
	await plain.addCookies(await page.context().cookies());
	const tab = await plain.newPage();
	await tab.goto(pairPage);
	const section = tab.getByRole('region', { name: 'Teema ja alue' });
	const theme = section.getByRole('combobox', { name: 'Teema' });
	await expect(theme).toHaveValue('Kylien elinvoima');
	await expect(section.locator('#field-theme-hint')).toHaveText('Valitse jokin hankkeen teemoista (Ikäihmisten hyvinvointi) tai kirjoita uusi.');
	await expect(section.locator('datalist#declared-themes option')).toHaveAttribute('value', 'Ikäihmisten hyvinvointi');
	// Typed in another case and spacing, it is stored in the declared spelling.
	await theme.fill('  ikäihmisten   HYVINVOINTI ');
	await section.getByRole('button', { name: 'Tallenna teema ja alue' }).click();
	await expect(tab.getByRole('status')).toHaveText('Tallennettu.');
	await expect(theme).toHaveValue('Ikäihmisten hyvinvointi');
	await tab.screenshot({ path: testInfo.outputPath('pair-theme.png'), fullPage: true });
	expect(query('SELECT theme, area FROM pairs WHERE id = ?', fx.pairId)).toEqual([{ theme: 'Ikäihmisten hyvinvointi', area: 'Joutsa' }]);
	expect(query("SELECT json_extract(detail, '$.was.theme') AS was, json_extract(detail, '$.theme') AS theme FROM audit_log WHERE action = 'pair.update' AND object_id = ?", fx.pairId)).toEqual([
		{ was: 'Kylien elinvoima', theme: 'Ikäihmisten hyvinvointi' }
	]);

	// The groups page counts it under the theme, and the theme's page lists it.
	await tab.goto(`/projects/${fx.projectId}/groups`);
	await expect(tab.getByRole('row', { name: /^Ikäihmisten hyvinvointi / }).getByRole('cell').nth(1)).toHaveText('1');
	await tab.getByRole('link', { name: 'Ikäihmisten hyvinvointi', exact: true }).click();
	await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Ikäihmisten hyvinvointi');
	await expect(tab.getByRole('table', { name: 'Ryhmän parit ja portaat' }).getByRole('rowheader')).toHaveText([/Joutsan kunta – /]);
	await plain.close();
	// Saved again with JavaScript on: the page with its notice is accessible too.
	await page.goto(pairPage);
	await page.getByRole('button', { name: 'Tallenna teema ja alue' }).click();
	await expect(page.getByRole('status')).toHaveText('Tallennettu.');
	await expectAccessible(page);

	// Too long, or with a control character: a message, and nothing changes.
	const post = (form: Record<string, string>) =>
		page.request.post(`/projects/${fx.projectId}/pairs/${fx.pairId}?/setGroups`, { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	const long = await post({ theme: 'x'.repeat(201), area: 'Joutsa' });
	expect(long.status()).toBe(400);
	expect(await long.text()).toContain('Teksti on liian pitkä.');
	const control = await post({ theme: 'Kylien\u0000elinvoima', area: '' });
	expect(control.status()).toBe(400);
	expect(await control.text()).toContain('Tekstissä on ohjausmerkkejä');
	expect(query('SELECT theme, area FROM pairs WHERE id = ?', fx.pairId)).toEqual([{ theme: 'Ikäihmisten hyvinvointi', area: 'Joutsa' }]);
});
