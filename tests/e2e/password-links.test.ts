import { expect, test, type Page } from '@playwright/test';
import { createAdmin, gotoHydrated, setPassword, signIn } from './helpers';

const invalid = 'Linkki ei ole voimassa';

/** Asks for a password link for the user of this e-mail on the administration page; returns its path. */
async function passwordLink(admin: Page, email: string): Promise<string> {
	await gotoHydrated(admin, '/admin');
	await admin.locator('article', { hasText: email }).getByRole('button', { name: 'Uusi salasanalinkki' }).click();
	const link = await admin.getByLabel('Kertakäyttöinen linkki salasanan asettamiseen').inputValue();
	return new URL(link).pathname;
}

async function choosePassword(page: Page, path: string, password: string) {
	await gotoHydrated(page, path);
	await page.getByLabel(/^Uusi salasana$/).fill(password);
	await page.getByLabel('Uusi salasana uudelleen').fill(password);
	await page.getByRole('button', { name: 'Tallenna salasana ja kirjaudu' }).click();
}

test('common passwords and passwords with the e-mail name are refused; a reset link is void after a sign-in or a password change', async ({ page, browser }) => {
	await setPassword(page, createAdmin('ansa.admin@example.fi', 'Ansa'), 'ylläpito on palvelutehtävä');
	await gotoHydrated(page, '/admin');
	await page.getByLabel('Nimi').fill('Kalle Koordinaattori');
	await page.getByLabel('Sähköposti').fill('kalle.koordinaattori@example.fi');
	await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
	const invitation = new URL(await page.getByLabel('Kertakäyttöinen linkki salasanan asettamiseen').inputValue()).pathname;

	const kalle = await (await browser.newContext()).newPage();
	await choosePassword(kalle, invitation, 'qwerty123456');
	await expect(kalle.getByText('yleisimpien salasanojen listalla')).toBeVisible();
	await choosePassword(kalle, invitation, 'koordinaattori2026');
	await expect(kalle.getByText('osa sähköpostiosoitteesi nimestä')).toBeVisible();
	const password = 'pöydän ääressä sovitaan';
	await choosePassword(kalle, invitation, password);
	await expect(kalle).toHaveURL(/\/projects$/);

	// A reset link, then Kalle remembers the password and signs in: the link is void.
	const afterSignIn = await passwordLink(page, 'kalle.koordinaattori@example.fi');
	const other = await (await browser.newContext()).newPage();
	await signIn(other, 'kalle.koordinaattori@example.fi', password);
	await expect(other).toHaveURL(/\/projects$/);
	await gotoHydrated(kalle, afterSignIn);
	await expect(kalle.getByRole('alert')).toContainText(invalid);

	// Another reset link, then Kalle changes the password on the account page: void too.
	const afterChange = await passwordLink(page, 'kalle.koordinaattori@example.fi');
	await gotoHydrated(other, '/account');
	await other.getByLabel('Nykyinen salasana').fill(password);
	await other.getByLabel(/^Uusi salasana$/).fill('uusi lause kokouksen jälkeen');
	await other.getByLabel('Uusi salasana uudelleen').fill('uusi lause kokouksen jälkeen');
	await other.getByRole('button', { name: 'Vaihda salasana' }).click();
	await expect(other.getByRole('status')).toBeVisible();
	await gotoHydrated(kalle, afterChange);
	await expect(kalle.getByRole('alert')).toContainText(invalid);
});
