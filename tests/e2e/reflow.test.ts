import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cli, createAdmin, expectAccessible, query, setPassword } from './helpers';

/**
 * WCAG 2.1 1.4.10 (reflow): at 320 CSS px nothing needs scrolling sideways but a table, which
 * scrolls in its own box; that box is a named region the keyboard can reach.
 */
async function reflows(page: Page): Promise<{ overflow: number; boxes: { tabindex: string | null; role: string | null; named: boolean }[] }> {
	return page.evaluate(() => ({
		overflow: document.documentElement.scrollWidth - window.innerWidth,
		boxes: [...document.querySelectorAll('main *')]
			.filter((el) => el.scrollWidth > el.clientWidth && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
			.map((box) => ({ tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), named: (box.getAttribute('aria-label') ?? '').trim() !== '' }))
	}));
}

test('every page a project worker opens in the demo project reflows on a 320 px phone', async ({ page }) => {
	test.setTimeout(240_000);
	const out = cli('demo', '--again');
	const projectId = Number(/project (\d+)/.exec(out)![1]);
	await setPassword(page, createAdmin('pia.puhelin@example.fi', 'Pia'), 'kapealla näytöllä luettava');
	const [pair] = query<{ id: number }>('SELECT id FROM pairs WHERE project_id = ? ORDER BY id LIMIT 1', projectId);
	const [round] = query<{ id: number }>('SELECT id FROM rounds WHERE pair_id = ? ORDER BY number DESC LIMIT 1', pair.id);
	const [table] = query<{ id: number }>('SELECT id FROM partnership_tables WHERE project_id = ? ORDER BY id LIMIT 1', projectId);
	// The pages that lead everywhere, and every page of this app they link to.
	const hubs = [`/projects/${projectId}`, `/projects/${projectId}/groups`, `/projects/${projectId}/pairs/${pair.id}`, `/projects/${projectId}/pairs/${pair.id}/rounds/${round.id}`, `/projects/${projectId}/tables/${table.id}`, '/admin'];
	const paths = new Set(['/projects', '/account', '/accessibility', '/privacy', '/method', ...hubs]);
	for (const hub of hubs) {
		await page.goto(hub);
		for (const href of await page.$$eval('main a[href^="/"]', (links) => links.map((a) => a.getAttribute('href')!)))
			if (!/\/export\/|logout|\.(csv|xlsx)$/.test(href)) paths.add(href.split('#')[0]);
	}
	expect(paths.size).toBeGreaterThan(25);
	await page.setViewportSize({ width: 320, height: 800 });
	for (const path of paths) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBeLessThan(400);
		const { overflow, boxes } = await reflows(page);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
		for (const box of boxes) expect(box, `${path}: a box that scrolls`).toEqual({ tabindex: '0', role: 'region', named: true });
	}
	// Pages with many tables, checked with axe at this width too; each table's box is a region of its
	// own name, not a second region named like the section around it.
	const [group] = query<{ id: number }>('SELECT id FROM project_groups WHERE project_id = ? ORDER BY id LIMIT 1', projectId);
	for (const path of [`/projects/${projectId}/pairs/${pair.id}/results`, `/projects/${projectId}/groups/${group.id}`]) {
		await page.goto(path);
		await expectAccessible(page);
		const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
		expect(landmarks.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), path).toEqual([]);
	}
});
