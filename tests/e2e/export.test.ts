import { expect, test, type APIResponse } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { accessFixture, cli, query, signIn } from './helpers';

const FILES = ['responses.csv', 'responses.xlsx', 'comments.csv', 'comments.xlsx', 'scores.csv', 'scores.xlsx'] as const;
const CONTENT_TYPE = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The rows of a downloaded file, the header row included. */
async function rowsOf(res: APIResponse, format: 'csv' | 'xlsx'): Promise<unknown[][]> {
	const body = await res.body();
	if (format === 'csv') {
		expect([...body.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
		return parse(body, { bom: true });
	}
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const rows: unknown[][] = [];
	// Texts are inline strings (the workbook is written as it is read): read as their text.
	const text = (v: unknown) => (v !== null && typeof v === 'object' && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') : v);
	workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(text)));
	return rows;
}

test('a signed-in administrator downloads the demo project’s responses and scores as CSV and XLSX', async ({ page }) => {
	const projectId = Number(/project (\d+)/.exec(cli('demo', '--again'))![1]);
	const fx = accessFixture();
	await signIn(page, fx.users.admin.email, fx.password);
	await expect(page).toHaveURL(/\/projects$/);

	// What may leave: closed rounds only, and a side's rows only where it is shown under its round's promise.
	const [{ responses }] = query<{ responses: number }>(
		`SELECT count(*) AS responses FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
		 JOIN round_results rr ON rr.round_id = r.id
		 WHERE p.project_id = ? AND s.status = 'submitted' AND r.closed_at IS NOT NULL
		   AND (r.open_results = 1 OR CASE s.side WHEN 'municipality' THEN rr.municipality_n ELSE rr.association_n END >= r.min_group_size)`,
		projectId
	);
	const [{ all }] = query<{ all: number }>(
		`SELECT count(*) AS "all" FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
		 WHERE p.project_id = ? AND s.status = 'submitted'`,
		projectId
	);
	const [{ drafts }] = query<{ drafts: number }>(
		`SELECT count(*) AS drafts FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
		 WHERE p.project_id = ? AND s.status = 'draft'`,
		projectId
	);
	const [{ results }] = query<{ results: number }>(
		'SELECT count(*) AS results FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ? AND r.closed_at IS NOT NULL',
		projectId
	);
	expect(responses).toBeGreaterThan(50);
	expect(all).toBeGreaterThan(responses);
	expect(drafts).toBeGreaterThan(0);
	expect(results).toBe(16); // 18 rounds, two still open

	for (const file of FILES) {
		const [kind, format] = file.split('.') as ['responses' | 'comments' | 'scores', 'csv' | 'xlsx'];
		const res = await page.request.get(`/projects/${projectId}/export/${file}`);
		expect(res.status(), file).toBe(200);
		expect(res.headers()['content-type']).toBe(CONTENT_TYPE[format]);
		expect(res.headers()['content-disposition']).toMatch(
			new RegExp(`^attachment; filename="portaat-kehitytaan-kimpassa-demo-${kind}-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`)
		);
		expect(res.headers()['cache-control']).toBe('no-store');
		const rows = await rowsOf(res, format);
		expect(rows[0].slice(0, 2), file).toEqual(['project', 'pair_id']);
		if (kind === 'comments') expect(rows[0].at(-1)).toBe('comment');
		else expect(rows.length - 1, file).toBe(kind === 'responses' ? responses : results);
		if (kind === 'scores') expect(rows[0]).toEqual(expect.arrayContaining(['trust.municipality', 'trust.association', 'trust.pair']));
	}

	// Handing out data is on record, once per download.
	const audited = query<{ action: string; detail: string }>(
		"SELECT action, detail FROM audit_log WHERE project_id = ? AND action LIKE 'export.%' ORDER BY id",
		projectId
	);
	expect(audited.map((a) => [a.action, JSON.parse(a.detail).format])).toEqual([
		['export.responses', 'csv'],
		['export.responses', 'xlsx'],
		['export.comments', 'csv'],
		['export.comments', 'xlsx'],
		['export.scores', 'csv'],
		['export.scores', 'xlsx']
	]);

	expect((await page.request.get(`/projects/${projectId}/export/answers.json`)).status()).toBe(404);
	expect((await page.request.get(`/projects/${projectId}/export/responses.pdf`)).status()).toBe(404);
});

test('a coordinator exports their own project and gets 404 for another', async ({ page }) => {
	const projectId = Number(/project (\d+)/.exec(cli('demo', '--again'))![1]);
	const fx = accessFixture();
	await signIn(page, fx.users.coordinator.email, fx.password);
	await expect(page).toHaveURL(/\/projects$/);

	for (const file of FILES) {
		const other = await page.request.get(`/projects/${projectId}/export/${file}`);
		expect(other.status(), file).toBe(404);
		expect(await other.text()).not.toContain('Kehitytään');
		const own = await page.request.get(`/projects/${fx.projects.a.projectId}/export/${file}`);
		expect(own.status(), file).toBe(200);
		// Project A's round is open with no answers yet: the header row only.
		expect(await rowsOf(own, file.endsWith('.csv') ? 'csv' : 'xlsx')).toHaveLength(1);
	}
	expect(query("SELECT 1 FROM audit_log WHERE project_id = ? AND action LIKE 'export.%'", projectId)).toEqual([]);
});
