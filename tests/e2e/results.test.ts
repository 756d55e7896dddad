import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { scorePair } from '../../src/lib/assessment/aggregate';
import type { ResponseScore } from '../../src/lib/assessment/scoring';
import type { Side } from '../../src/lib/assessment/types';
import { cli, createAdmin, expectAccessible, query, setPassword } from './helpers';

test('pair results show the numbers the scoring library gives for the demo data, and hide small sides', async ({ page }) => {
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('rita.results@example.fi', 'Rita'), 'tulokset näkyvät portailla');

	const pairs = query<{ id: number; name: string }>(
		`SELECT p.id, m.name || ' – ' || a.name AS name FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id
		 JOIN organisations a ON a.id = p.association_org_id WHERE p.project_id = ?`,
		projectId
	);
	expect(pairs).toHaveLength(6);
	let checkedVisible = 0;
	for (const pair of pairs) {
		const rounds = query<{ id: number; number: number }>('SELECT id, number FROM rounds WHERE pair_id = ? ORDER BY number', pair.id);
		for (const round of rounds) {
			const stored = query<{ side: Side; score: string }>(
				"SELECT r.side, s.score FROM responses r JOIN response_scores s ON s.response_id = r.id WHERE r.round_id = ? AND r.status = 'submitted'",
				round.id
			);
			if (stored.length === 0) continue;
			const expected = scorePair(stored.map((s) => ({ side: s.side, score: JSON.parse(s.score) as ResponseScore })));
			await page.goto(`/projects/${projectId}/pairs/${pair.id}/results?round=${round.number}`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(pair.name);
			const rows = page.getByRole('table', { name: 'Yhteistyön portaat' }).getByRole('row');
			const n = { municipality: expected.sides.municipality?.respondents ?? 0, association: expected.sides.association?.respondents ?? 0 };
			await expect(rows.nth(1)).toContainText(`Kunnan puoli${n.municipality}`);
			await expect(rows.nth(2)).toContainText(`Yhdistyksen puoli${n.association}`);
			if (n.municipality >= 3 && n.association >= 3) {
				// Visible: the pair's step and the trust mean are the library's.
				await expect(rows.nth(3)).toContainText(`Pari${n.municipality + n.association}${expected.pair!.evidence.step}`);
				const trust = expected.pair!.traits.trust.mean!.toFixed(1).replace('.', ',');
				await expect(page.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true }).getByRole('row', { name: /^Luottamus/ })).toContainText(trust);
				checkedVisible++;
			} else {
				await expect(page.getByText(/Piilotettu/).first()).toBeVisible();
			}
		}
	}
	expect(checkedVisible).toBeGreaterThan(3);
	await expectAccessible(page);
	await page.goto(`/en/projects/${projectId}/pairs/${pairs[0].id}/results?round=1`);
	await expectAccessible(page);
});

test('the pair summary prints on one A4 page with the step and the trait table', async ({ page }, testInfo) => {
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('paula.print@example.fi', 'Paula'), 'tulostetaan kumppanuuspöytään');
	// Keuruu: the demo's pair with enough respondents on both sides in its last round.
	const [pair] = query<{ id: number }>(
		"SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ? AND m.name = 'Keuruun kaupunki'",
		projectId
	);
	await page.goto(`/projects/${projectId}/pairs/${pair.id}/results`);
	await expect(page.locator('figure.chart canvas')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const file = testInfo.outputPath('summary.pdf');
	await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
	expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	expect(text).toContain('Keuruun kaupunki');
	expect(text).toMatch(/Porras \d: /);
	for (const trait of ['Yhteinen tavoite', 'Luottamus', 'Paikka ja rakenne tapaamisille']) expect(text).toContain(trait);
	// The open action the demo's table agreed after round 2 travels on the paper.
	expect(text).toContain('Yhteinen tapaaminen kuukausittain');
	// No navigation on paper.
	expect(text).not.toContain('Kirjaudu ulos');
	expect(text).not.toContain('Saavutettavuusseloste');
});

test("after the round, a side's invitation link shows the pair's summary, and before it does not", async ({ page }) => {
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	const links = query<{ token: string; closed: string | null; name: string }>(
		`SELECT i.token, r.closed_at AS closed, m.name FROM invitations i JOIN rounds r ON r.id = i.round_id JOIN pairs p ON p.id = r.pair_id
		 JOIN organisations m ON m.id = p.municipality_org_id
		 WHERE p.project_id = ? AND i.side = 'association' AND i.revoked_at IS NULL AND r.number = 3`,
		projectId
	);
	const closed = links.find((l) => l.name === 'Keuruun kaupunki')!;
	expect(closed.closed).not.toBeNull();
	await page.goto(`/a/${closed.token}`);
	const summary = page.getByRole('region', { name: 'Parin yhteenveto' });
	await expect(summary).toBeVisible();
	await expect(summary.getByRole('table', { name: 'Kumppanuuden tunnuspiirteet', exact: true })).toBeVisible();
	await expect(summary).toContainText(/Porras \d: /);
	await expectAccessible(page);

	const open = links.find((l) => l.closed === null)!;
	await page.goto(`/a/${open.token}`);
	await expect(page.getByRole('region', { name: 'Parin yhteenveto' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Aloita vastaaminen' })).toBeVisible();
});
