import { expect, test, type Page } from '@playwright/test';
import { createAdmin, expectAccessible, gotoHydrated, setPassword, signIn, signOut, waitHydrated } from './helpers';

const password = 'kumppanuus on prosessi 2026';

async function createProject(page: Page, name: string) {
	await gotoHydrated(page, '/projects');
	await page.getByLabel('Hankkeen nimi').fill(name);
	await page.getByRole('button', { name: 'Luo hanke' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return Number(/\/projects\/(\d+)/.exec(page.url())![1]);
}

async function addOrganisation(page: Page, name: string, kind: string) {
	// Hydration would empty the typed name (the page comes after a link or a post).
	await waitHydrated(page);
	await page.getByLabel('Organisaation nimi').fill(name);
	await page.getByLabel('Tyyppi').selectOption({ label: kind });
	await page.getByRole('button', { name: 'Lisää organisaatio' }).click();
	await expect(page.getByRole('status')).toContainText('Tallennettu');
}

async function inviteAndSetRole(page: Page, name: string, email: string, projectName: string, role: string) {
	await gotoHydrated(page, '/admin');
	await page.getByLabel('Nimi').fill(name);
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
	const link = await page.getByLabel('Kertakäyttöinen linkki salasanan asettamiseen').inputValue();
	const card = page.getByRole('article', { name });
	await card.getByLabel('Hanke').selectOption({ label: projectName });
	await card.getByLabel('Rooli').selectOption({ label: role });
	await card.getByRole('button', { name: 'Aseta rooli' }).click();
	await expect(page.getByRole('article', { name })).toContainText(`${projectName}: ${role}`);
	return new URL(link).pathname;
}

test.describe.configure({ mode: 'serial' });

test('an administrator sets up a project, a pair and a round, and staff see only their own project', async ({ page, browser }) => {
	// The first administrator comes from the CLI's one-time link.
	await setPassword(page, createAdmin('aino.admin@example.fi', 'Aino Admin'), password);
	await expectAccessible(page);

	const projectName = 'Kehitytään kimpassa';
	const projectId = await createProject(page, projectName);
	await page.getByRole('link', { name: 'Lisää pari tai organisaatio' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisää pari tai organisaatio');
	await addOrganisation(page, 'Keuruun kaupunki', 'kunta');
	await addOrganisation(page, 'Keurusseudun sydänyhdistys', 'yhdistys tai järjestö');
	await waitHydrated(page);
	await page.getByLabel('Kunnan puoli', { exact: true }).selectOption({ label: 'Keuruun kaupunki (kunta)' });
	await page.getByLabel('Yhdistyksen puoli', { exact: true }).selectOption({ label: 'Keurusseudun sydänyhdistys (yhdistys tai järjestö)' });
	await page.getByLabel('Teema').fill('Ikäihmisten hyvinvointi');
	await page.getByRole('button', { name: 'Luo pari' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keuruun kaupunki – Keurusseudun sydänyhdistys');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Avaa kierros' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kierros 1');
	const municipalityLink = await page.getByLabel('Kutsulinkki').first().inputValue();
	expect(municipalityLink).toMatch(/\/a\/[A-Za-z0-9_-]{43}$/);
	await expectAccessible(page);

	// A second project that the staff below are not part of.
	const otherId = await createProject(page, 'Toinen hanke');

	const workerLink = await inviteAndSetRole(page, 'Pekka Projekti', 'pekka@example.fi', projectName, 'hanketyöntekijä');
	const coordinatorLink = await inviteAndSetRole(page, 'Kaisa Koordinaattori', 'kaisa@example.fi', projectName, 'koordinaattori');
	await expectAccessible(page);
	await signOut(page);

	const worker = await browser.newPage();
	await setPassword(worker, workerLink, password);
	await expect(worker.getByRole('link', { name: projectName })).toBeVisible();
	await expect(worker.getByRole('link', { name: 'Toinen hanke' })).toHaveCount(0);
	expect((await worker.goto(`/projects/${otherId}`))!.status()).toBe(404);
	expect((await worker.goto('/admin'))!.status()).toBe(404);
	await worker.goto(`/projects/${projectId}/pairs/new`);
	await expect(worker.getByRole('button', { name: 'Lisää organisaatio' })).toBeVisible();

	const coordinator = await browser.newPage();
	await setPassword(coordinator, coordinatorLink, password);
	await coordinator.goto(`/projects/${projectId}`);
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(projectName);
	// Coordinators read; they do not manage.
	await expect(coordinator.getByRole('link', { name: 'Lisää pari tai organisaatio' })).toHaveCount(0);
	expect((await coordinator.goto(`/projects/${projectId}/pairs/new`))!.status()).toBe(404);
	expect((await coordinator.goto(`/projects/${projectId}/settings`))!.status()).toBe(404);
	expect((await coordinator.goto(`/projects/${otherId}`))!.status()).toBe(404);
});

test('signing in with a wrong password says nothing about whether the e-mail exists', async ({ page }) => {
	await signIn(page, 'aino.admin@example.fi', 'not the right password');
	const known = await page.getByRole('alert').textContent();
	await signIn(page, 'nobody@example.fi', 'not the right password');
	expect(await page.getByRole('alert').textContent()).toBe(known);
	await signIn(page, 'aino.admin@example.fi', password);
	await expect(page).toHaveURL(/\/projects$/);
});

test('staff pages send a signed-out visitor to sign in', async ({ page }) => {
	await page.goto('/projects/1');
	await expect(page).toHaveURL(/\/login\?next=%2Fprojects%2F1/);
	await expectAccessible(page);
});
