import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const [path, lang, heading, stepOne] of [
	['/', 'fi', 'Missä kumppanuutemme on nyt', 'Ei yhteistyötä'],
	['/sv/', 'sv', 'Var står vårt partnerskap nu', 'Inget samarbete'],
	['/en/', 'en', 'Where does our partnership stand', 'No cooperation']
] as const) {
	test(`front page explains the stairs in ${lang}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
		// All six steps and all eight traits are explained.
		await expect(page.locator('.stairs > li')).toHaveCount(6);
		await expect(page.locator('.stairs')).toContainText(stepOne);
		await expect(page.locator('.traits dt')).toHaveCount(8);
		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(axe.violations).toEqual([]);
	});
}

test('the language can be switched from the front page', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'På svenska' }).click();
	await expect(page).toHaveURL(/\/sv\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await page.getByRole('link', { name: 'In English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('security headers are sent', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
});

for (const [path, signIn, staffTitle] of [
	['/', 'Kirjaudu', 'Hanketyöntekijöille ja koordinaattoreille'],
	['/sv/', 'Logga in', null],
	['/en/', 'Sign in', null]
] as const) {
	test(`staff find the way in from the front page (${path})`, async ({ page }) => {
		await page.goto(path);
		// The header offers sign-in to a signed-out visitor, and so does the staff section.
		await expect(page.getByRole('banner').getByRole('link', { name: signIn, exact: true })).toBeVisible();
		const staff = page.getByRole('region', { name: staffTitle ?? /./ }).filter({ has: page.getByRole('link', { name: signIn, exact: true }) });
		await expect(staff).toHaveCount(1);
		await staff.getByRole('link', { name: signIn, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page).toHaveURL(/\/login$/);
		// The sign-in page does not link to itself in the header.
		await expect(page.getByRole('banner').getByRole('link', { name: signIn, exact: true })).toHaveCount(0);
	});
}
