import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The accessibility statement (Act 306/2019) and the privacy notice, in every language.
const pages = [
	['/accessibility', 'fi', 'Saavutettavuusseloste', 'Etelä-Suomen aluehallintovirasto'],
	['/sv/accessibility', 'sv', 'Tillgänglighetsutlåtande', 'Regionförvaltningsverket i Södra Finland'],
	['/en/accessibility', 'en', 'Accessibility statement', 'Regional State Administrative Agency for Southern Finland'],
	['/privacy', 'fi', 'Tietosuojaseloste', 'Emme tallenna IP-osoitettasi.'],
	['/sv/privacy', 'sv', 'Dataskyddsbeskrivning', 'Vi sparar inte din IP-adress.'],
	['/en/privacy', 'en', 'Privacy notice', 'We do not store your IP address.']
] as const;

for (const [path, lang, heading, sentence] of pages) {
	test(`${path} is readable and accessible in ${lang}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page).toHaveTitle(new RegExp(`^${heading}`));
		await expect(page.locator('main')).toContainText(sentence);
		expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(3);
		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(axe.violations).toEqual([]);
	});
}

test('the accessibility statement gives a feedback address and the enforcement body', async ({ page }) => {
	await page.goto('/en/accessibility');
	const feedback = page.getByRole('link', { name: 'saavutettavuus@example.fi' });
	await expect(feedback).toHaveAttribute('href', 'mailto:saavutettavuus@example.fi');
	// The operator must replace the address: it is shown marked until then.
	await expect(page.locator('mark.placeholder').filter({ has: feedback })).toHaveCount(1);
	await expect(page.getByRole('link', { name: 'webaccessibility.fi' })).toHaveAttribute(
		'href',
		'https://www.webaccessibility.fi'
	);
	await expect(page.locator('main')).toContainText('0295 016 000');
	await expect(page.locator('main')).toContainText('WCAG 2.1');
});

test('the privacy notice points to the Data Protection Ombudsman', async ({ page }) => {
	await page.goto('/privacy');
	await expect(page.getByRole('link', { name: 'tietosuoja.fi' })).toHaveAttribute('href', 'https://tietosuoja.fi');
	await expect(page.locator('main')).toContainText('argon2id');
	await expect(page.locator('main')).toContainText('tietosuojavaltuutetulle');
});
