import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';

const PAGES = [
	{ path: '/method', heading: 'Miten tulokset lasketaan', example: 'pari on portaalla 3' },
	{ path: '/sv/method', heading: 'Hur resultaten räknas', example: 'paret står på steg 3' },
	{ path: '/en/method', heading: 'How Portaat turns answers into results', example: 'the pair reaches step' }
];

for (const { path, heading, example } of PAGES) {
	test(`how results are calculated, in the reader's language (${path}), with the worked example`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('main')).toContainText(example);
		await expect(page.getByRole('table').first()).toBeVisible();
		await expectAccessible(page);
	});
}

test('the page is found from every page footer', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Miten tulokset lasketaan' }).click();
	await expect(page).toHaveURL(/\/method$/);
});
