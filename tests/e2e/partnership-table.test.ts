import { expect, test } from '@playwright/test';
import { cli, createAdmin, expectAccessible, query, setPassword } from './helpers';

test('a project worker records a meeting from the results, and the actions show beside the traits they aim at', async ({ page }) => {
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('sanna.sihteeri@example.fi', 'Sanna'), 'kumppanuuspöytä kokoontuu taas');
	const [pair] = query<{ id: number }>(
		"SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ? AND m.name = 'Keuruun kaupunki'",
		projectId
	);
	await page.goto(`/projects/${projectId}/pairs/${pair.id}`);
	await page.getByRole('link', { name: 'Uusi kumppanuuspöydän kokous' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uusi kumppanuuspöydän kokous');
	// The agenda starts from the latest results' discussion points.
	await expect(page.getByLabel('Asialista')).toHaveValue(/^1\. .+/);
	await expectAccessible(page);

	// An action without its "what" is refused next to the field, and nothing is stored.
	await page.getByLabel('Vastuussa (osapuoli tai organisaatio)').first().fill('Kunta');
	await page.getByRole('button', { name: 'Tallenna kokous' }).click();
	await expect(page.locator('#action_what_0-error')).toHaveText('Tämä tieto tarvitaan.');
	expect(query('SELECT count(*) AS n FROM meetings m WHERE m.pair_id = ? AND m.held_on = date(\'now\')', pair.id)).toEqual([{ n: 0 }]);

	await page.getByLabel('Mitä tehdään').first().fill('Vapaaehtoisten ja kunnan yhteinen perehdytys');
	await page.getByLabel('Mihin se pyrkii vaikuttamaan').first().selectOption({ label: 'Luottamus' });
	await page.getByLabel('Vapaaehtoistyö').first().check();
	await page.getByRole('button', { name: 'Tallenna kokous' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kumppanuuspöytä');
	const row = page.getByRole('row', { name: /Vapaaehtoisten ja kunnan yhteinen perehdytys/ });
	await expect(row).toContainText('Luottamus');
	await expectAccessible(page);

	await row.getByRole('combobox').selectOption({ label: 'käynnissä' });
	await page.getByRole('button', { name: 'Tallenna tilat' }).click();
	await expect(page.getByRole('row', { name: /Vapaaehtoisten ja kunnan yhteinen perehdytys/ }).getByRole('combobox')).toHaveValue('in_progress');

	// The results list the actions with what they aimed at and whether it moved.
	await page.goto(`/projects/${projectId}/pairs/${pair.id}/results`);
	const actions = page.getByRole('region', { name: 'Toimenpiteet ja vaikutus' });
	await expect(actions).toContainText('Luottamus: Vapaaehtoisten ja kunnan yhteinen perehdytys');
	await expect(actions).toContainText('ei vielä tiedossa');
	// The demo's meeting after round 2 is compared with round 3.
	await expect(actions).toContainText(/(nousi|laski|ei muuttunut) \(/);
	await expectAccessible(page);

	// Meetings and actions are exported with the rest.
	const csv = await page.request.get(`/projects/${projectId}/export/actions.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Vapaaehtoisten ja kunnan yhteinen perehdytys');

	// The project view counts each pair's open and done actions.
	await page.goto(`/projects/${projectId}`);
	await expect(page.getByRole('row', { name: /Keuruun kaupunki/ })).toContainText(/\d+ \/ \d+$/);
});
