import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PairScore } from '../../../src/lib/assessment/aggregate';
import type { Answers, AnswerValue, ItemRef } from '../../../src/lib/assessment/answers';
import { TRAIT_IDS, type QuestionnaireVersion, type Side } from '../../../src/lib/assessment/types';
import { currentVersion as v, versions } from '../../../src/lib/assessment/versions';
import { csvField, toCsv } from '../../../src/lib/server/csv';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { exportFileName, itemColumns, responsesTable, scoresTable, type Cell, type Table } from '../../../src/lib/server/export';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject, getProject, updateProject, type Project } from '../../../src/lib/server/projects';
import { getAnswers, getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { purgeExpiredAnswers } from '../../../src/lib/server/retention';
import { closeRound, getRound, openRound } from '../../../src/lib/server/rounds';
import { toXlsx, xlsxText } from '../../../src/lib/server/xlsx';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const NOW = Date.UTC(2026, 2, 1, 12);
const DAY = 24 * 60 * 60 * 1000;
const FORMULA_START = /^[=+\-@\t\r]/;

restoreDatabaseAfterAll();

let demo: Project;

beforeAll(() => {
	freshDatabase('export');
	demo = getProject(createDemo({ now: NOW }).projectId)!;
});

// ─── Reading the files back ────────────────────────────────────────────────────────────────

/** Parses our CSV: an unquoted empty field is no value, a quoted one an empty text. */
function readCsv(csv: string | Buffer): Cell[][] {
	return parse(csv, { bom: true, cast: (value, context) => (value === '' && !context.quoting ? null : value) }) as Cell[][];
}

async function readXlsx(file: Uint8Array): Promise<Cell[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(file as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0];
	const rows: Cell[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row) => {
		rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value as Cell));
	});
	return rows;
}

/** Undoes the formula guard of a CSV text cell. */
const unguard = (text: string) => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

/** A cell back to the answer it was made of; CSV gives every value as text. */
function answerOf(item: ItemRef, cell: Cell): AnswerValue | undefined {
	if (cell === null) return undefined;
	const text = String(cell);
	if (item.kind === 'agreement' || item.kind === 'step') return text === 'na' ? 'na' : Number(text);
	if (item.kind === 'choice') return text === '' ? [] : text.split(';');
	return unguard(text);
}

interface ExportedResponse {
	roundId: number;
	side: string;
	language: string;
	role: string | null;
	submittedAt: string;
	answers: Answers;
}

/** The rows of a responses export, as responses with answers. */
function responsesFrom(rows: Cell[][], items: ItemRef[]): ExportedResponse[] {
	const [header, ...body] = rows;
	const col = (name: string) => header.indexOf(name);
	return body.map((row) => {
		const answers: Record<string, AnswerValue> = {};
		for (const item of items) {
			const value = answerOf(item, row[col(item.id)]);
			if (value !== undefined) answers[item.id] = value;
		}
		return {
			roundId: Number(row[col('round_id')]),
			side: String(row[col('side')]),
			language: String(row[col('language')]),
			role: row[col('role')] === null ? null : String(row[col('role')]),
			submittedAt: String(row[col('submitted_at')]),
			answers
		};
	});
}

/** Every submitted response of the project as the database has it. */
function storedResponses(projectId: number): ExportedResponse[] {
	const rows = db()
		.prepare(
			`SELECT s.id, s.round_id AS roundId, s.side, s.language, s.role, s.submitted_at AS submittedAt
			 FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
			 WHERE p.project_id = ? AND s.status = 'submitted'`
		)
		.all(projectId) as (Omit<ExportedResponse, 'answers'> & { id: number })[];
	return rows.map(({ id, ...r }) => ({ ...r, answers: getAnswers(id) }));
}

/** Order-free comparison: the export has its own order. */
const byContent = (list: ExportedResponse[]) =>
	[...list].sort((a, b) => {
		const key = (r: ExportedResponse) => JSON.stringify([r.roundId, r.side, r.submittedAt, Object.entries(r.answers).sort()]);
		return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
	});

// ─── Responses ─────────────────────────────────────────────────────────────────────────────

describe('responses export', () => {
	it('gives back every submitted response of the demo exactly as stored, from CSV and from XLSX', async () => {
		const table = responsesTable(demo);
		// The demo's rounds span 2026-1 and 2026-2.
		const items = itemColumns(Object.values(versions));
		const stored = storedResponses(demo.id);
		expect(stored.length).toBeGreaterThan(50);
		expect(table.rows).toHaveLength(stored.length);
		expect(stored.some((r) => r.answers.comment !== undefined)).toBe(true);

		const fromCsv = responsesFrom(readCsv(toCsv(table)), items);
		expect(byContent(fromCsv)).toEqual(byContent(stored));
		const fromXlsx = responsesFrom(await readXlsx(await toXlsx(table, 'responses')), items);
		expect(byContent(fromXlsx)).toEqual(byContent(stored));
	});

	it('gives back awkward answers exactly: no option ticked, "I can\'t say", a comment that looks like a formula', async () => {
		const comment = '=SUM(1,2) "lainaus", rivi\r\ntoinen; ääkköset';
		const awkward: Answers[] = [
			{ 'trust.1': 'na', 'trust.2': 5, activities: [], our_resources: ['volunteer_work', 'contacts'], comment },
			{ 'trust.1': 1, 'stairs.now': 6, 'stairs.target': 6, activities: ['discussion'], comment: '-ei muuta' },
			{}
		];
		const { projectId } = smallProject('Hankala hanke, "lainausmerkit"', { municipality: 2, association: 1 }, (i) => awkward[i]);
		const table = responsesTable(getProject(projectId)!);
		const items = itemColumns([v]);
		const stored = storedResponses(projectId);
		expect(stored.map((r) => r.answers)).toEqual(expect.arrayContaining(awkward));

		expect(byContent(responsesFrom(readCsv(toCsv(table)), items))).toEqual(byContent(stored));
		// A cell's line break is LF in a workbook; everything else is exact.
		const inWorkbook = stored.map((r) => ({ ...r, answers: r.answers.comment ? { ...r.answers, comment: xlsxText(String(r.answers.comment)) } : r.answers }));
		expect(byContent(responsesFrom(await readXlsx(await toXlsx(table, 'responses')), items))).toEqual(byContent(inWorkbook));
	});

	it('has the fixed columns, then one column per item id in questionnaire order, with typed cells', async () => {
		const table = responsesTable(demo);
		expect(table.columns).toEqual([
			'project',
			'pair_id',
			'municipality',
			'association',
			'round_number',
			'round_id',
			'questionnaire_version',
			'side',
			'language',
			'role',
			'submitted_at',
			'answers_erased',
			...itemColumns(Object.values(versions)).map((i) => i.id)
		]);
		const rows = await readXlsx(await toXlsx(table, 'responses'));
		const trust = rows[0].indexOf('trust.1');
		const values = rows.slice(1).map((r) => r[trust]);
		expect(values.every((x) => x === null || x === 'na' || (typeof x === 'number' && x >= 1 && x <= 5))).toBe(true);
		expect(values.some((x) => typeof x === 'number')).toBe(true);
	});

	it('leaves drafts out', () => {
		const drafts = db()
			.prepare(
				`SELECT count(*) FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
				 WHERE p.project_id = ? AND s.status = 'draft'`
			)
			.pluck()
			.get(demo.id) as number;
		expect(drafts).toBeGreaterThan(0);
		const { projectId, roundId, round } = smallProject('Luonnoshanke', { municipality: 1, association: 1 });
		const draft = getResponseByResume(startResponse({ roundId, side: 'association', language: 'sv' }, NOW))!;
		expect(saveAnswers(draft.id, round(), { set: { 'trust.1': 2, comment: 'KESKENERÄINEN LUONNOS' }, clear: [] }, NOW)).toBe('saved');
		const csv = toCsv(responsesTable(getProject(projectId)!));
		expect(csv).not.toContain('KESKENERÄINEN LUONNOS');
		expect(readCsv(csv)).toHaveLength(1 + 2);
	});

	it('keeps the rows of a round whose raw answers retention erased, with empty answers and when they were erased', () => {
		const { projectId, roundId } = smallProject('Säilytyshanke', { municipality: 2, association: 1 });
		closeRound(roundId, NOW + DAY);
		const project = getProject(projectId)!;
		updateProject(projectId, { name: project.name, description: '', minGroupSize: 1, retentionDays: 30 });
		const scoresBefore = scoresTable(getProject(projectId)!, NOW + 40 * DAY);
		const erasedAt = NOW + 40 * DAY;
		expect(purgeExpiredAnswers(erasedAt)).toContain(roundId);

		const table = responsesTable(getProject(projectId)!);
		expect(table.rows).toHaveLength(3);
		const first = table.columns.indexOf('answers_erased') + 1;
		for (const row of table.rows) {
			expect(row[table.columns.indexOf('answers_erased')]).toBe(new Date(erasedAt).toISOString());
			expect(row.slice(first).every((cell) => cell === null)).toBe(true);
		}
		// The scores are the stored aggregate: erasing the raw answers changes nothing there.
		expect(scoresTable(getProject(projectId)!, NOW + 40 * DAY)).toEqual(scoresBefore);
		expect(scoresBefore.rows[0][scoresBefore.columns.indexOf('trust.pair')]).toEqual(expect.any(Number));
	});

	it('has the item columns of every version the rounds used: the first version’s order, then new items', () => {
		const later: QuestionnaireVersion = {
			...v,
			id: 'test-2',
			traitItems: [...v.traitItems.filter((i) => i.id !== 'trust.3'), { id: 'trust.4', trait: 'trust', text: v.traitItems[0].text }],
			comment: { ...v.comment, id: 'comment_2' }
		};
		const ids = itemColumns([v, later]).map((i) => i.id);
		expect(ids.slice(0, itemColumns([v]).length)).toEqual(itemColumns([v]).map((i) => i.id));
		expect(ids.slice(itemColumns([v]).length)).toEqual(['trust.4', 'comment_2']);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

/** A project with one pair and a round, with so many submitted responses a side. */
function smallProject(name: string, counts: Record<Side, number>, answers: (i: number) => Answers = () => ({ 'trust.1': 4, 'trust.2': 4, 'stairs.now': 3 })) {
	const projectId = createProject({ name, description: '' });
	const m = createOrganisation(projectId, { name: `${name} kunta`, kind: 'municipality' });
	const a = createOrganisation(projectId, { name: `${name} yhdistys`, kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	const roundId = openRound(pairId, { closesAt: null, asksRole: false }, NOW - DAY);
	const round = () => getRound(projectId, pairId, roundId)!;
	let i = 0;
	for (const side of ['municipality', 'association'] as const)
		for (let k = 0; k < counts[side]; k++) {
			const response = getResponseByResume(startResponse({ roundId, side, language: 'fi' }, NOW - DAY))!;
			expect(saveAnswers(response.id, round(), { set: answers(i++), clear: [] }, NOW - DAY)).toBe('saved');
			expect(submitResponse(response.id, round(), NOW - DAY + i * 60_000)).toBe('submitted');
		}
	return { projectId, pairId, roundId, round };
}

// ─── CSV ───────────────────────────────────────────────────────────────────────────────────

describe('CSV writer', () => {
	it('writes RFC 4180 with a byte order mark, CRLF line ends and quotes only where needed', () => {
		const csv = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [['x,y', 'say "hi"', 'two\r\nlines', 3.5], [null, '', 'ä', -1]] });
		expect(csv).toBe('\uFEFFa,b,c,d\r\n"x,y","say ""hi""","two\r\nlines",3.5\r\n,"",ä,-1\r\n');
	});

	it('guards text cells that a spreadsheet would run as a formula, and never numbers', () => {
		expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('-1')).toBe("'-1");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tx')).toBe("'\tx");
		expect(csvField('\rx')).toBe(`"'\rx"`);
		expect(csvField(-1)).toBe('-1');
		expect(csvField('a=b')).toBe('a=b');
	});

	const text = fc.oneof(
		fc.string({ unit: 'grapheme' }),
		fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ';', ' ', 'a', 'ä', 'Ö', '€') })
	);
	// -0 is written as 0, which is no loss in a spreadsheet.
	const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
	const cell: fc.Arbitrary<Cell> = fc.oneof(text, fc.integer(), number, fc.constant(null));

	it('any table survives writing, UTF-8 encoding and csv-parse unchanged, but for the formula guard on text', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 5 }).chain((width) =>
					fc.record({
						columns: fc.array(text, { minLength: width, maxLength: width }),
						rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 5 })
					})
				),
				(table: Table) => {
					const parsed = readCsv(Buffer.from(toCsv(table), 'utf8'));
					const expected = [table.columns, ...table.rows].map((row) =>
						row.map((c) => (c === null ? null : typeof c === 'number' ? c : FORMULA_START.test(c) ? `'${c}` : c))
					);
					const got = parsed.map((row, r) => row.map((c, i) => (typeof expected[r]?.[i] === 'number' ? Number(c) : c)));
					expect(got).toEqual(expected);
				}
			),
			{ numRuns: 300 }
		);
	});
});

// ─── XLSX ──────────────────────────────────────────────────────────────────────────────────

describe('XLSX writer', () => {
	it('keeps numbers as numbers and texts as texts, a formula-like text stays text', async () => {
		const rows = await readXlsx(await toXlsx({ columns: ['a', 'b', 'c', 'd'], rows: [['=1+1', 2.5, null, '']] }, 'x'));
		expect(rows).toEqual([
			['a', 'b', 'c', 'd'],
			['=1+1', 2.5, null, '']
		]);
	});

	it('writes line breaks as LF and what XML cannot hold as U+FFFD, so the workbook opens', async () => {
		expect(xlsxText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
		expect(xlsxText('x\u0001y\uD800z😀')).toBe('x\uFFFDy\uFFFDz😀');
		const rows = await readXlsx(await toXlsx({ columns: ['a', 'b'], rows: [['x\u0001\r\ny', 'Ähtäri']] }, 'x'));
		expect(rows[1]).toEqual(['x\uFFFD\ny', 'Ähtäri']);
	});
});

// ─── Scores ────────────────────────────────────────────────────────────────────────────────

interface StoredResult {
	roundId: number;
	municipalityN: number;
	associationN: number;
	result: string;
}

function storedResults(projectId: number): StoredResult[] {
	return db()
		.prepare(
			`SELECT rr.round_id AS roundId, rr.municipality_n AS municipalityN, rr.association_n AS associationN, rr.result
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?`
		)
		.all(projectId) as StoredResult[];
}

/** Checks every scores row against round_results, with sides below `min` withheld. */
function expectScoresMatch(table: Table, projectId: number, min: number): { hidden: number; shown: number } {
	const col = (name: string) => {
		const i = table.columns.indexOf(name);
		expect(i, name).toBeGreaterThanOrEqual(0);
		return i;
	};
	const stored = storedResults(projectId);
	expect(table.rows).toHaveLength(stored.length);
	let hidden = 0;
	let shown = 0;
	for (const s of stored) {
		const row = table.rows.find((r) => r[col('round_id')] === s.roundId)!;
		const score = JSON.parse(s.result) as PairScore;
		expect(row[col('respondents.municipality')]).toBe(s.municipalityN);
		expect(row[col('respondents.association')]).toBe(s.associationN);
		const visible = { municipality: s.municipalityN >= min, association: s.associationN >= min };
		for (const scope of ['municipality', 'association', 'pair'] as const) {
			const group = scope === 'pair' ? score.pair : score.sides[scope];
			const show = scope === 'pair' ? visible.municipality && visible.association : visible[scope];
			if (group && show) shown++;
			if (group && !show) hidden++;
			const expected = (value: number | null) => (show && group ? value : null);
			expect(row[col(`evidence_step.${scope}`)]).toBe(expected(group?.evidence.step ?? null));
			expect(row[col(`self_placed.${scope}`)]).toBe(expected(group?.selfPlaced.mean ?? null));
			expect(row[col(`target.${scope}`)]).toBe(expected(group?.target.mean ?? null));
			for (const trait of TRAIT_IDS) expect(row[col(`${trait}.${scope}`)]).toBe(expected(group?.traits[trait].mean ?? null));
		}
	}
	return { hidden, shown };
}

describe('scores export', () => {
	it('gives the stored round results of every pair and round, hiding sides below the smallest group size', () => {
		expect(demo.minGroupSize).toBe(3);
		const table = scoresTable(demo, NOW);
		const { hidden, shown } = expectScoresMatch(table, demo.id, 3);
		expect(hidden).toBeGreaterThan(0);
		expect(shown).toBeGreaterThan(10);
		const status = table.columns.indexOf('round_status');
		expect(new Set(table.rows.map((r) => r[status]))).toEqual(new Set(['open', 'closed']));
	});

	it('shows every side when the project allows groups of one', () => {
		const { projectId } = smallProject('Pienryhmähanke', { municipality: 1, association: 2 }, (i) => ({ 'trust.1': 1 + i, 'trust.2': 1 + i, 'stairs.now': 2 }));
		expectScoresMatch(scoresTable(getProject(projectId)!, NOW), projectId, 3);
		const project = getProject(projectId)!;
		updateProject(projectId, { name: project.name, description: '', minGroupSize: 1, retentionDays: null });
		const table = scoresTable(getProject(projectId)!, NOW);
		const { hidden } = expectScoresMatch(table, projectId, 1);
		expect(hidden).toBe(0);
		const row = table.rows[0];
		expect(row[table.columns.indexOf('trust.municipality')]).toBe(1);
		expect(row[table.columns.indexOf('trust.association')]).toBe(2.5);
		expect(row[table.columns.indexOf('trust.pair')]).toBe(1.75);
		expect(row[table.columns.indexOf('hidden')]).toBeNull();
	});

	it('names the withheld sides', () => {
		const { projectId } = smallProject('Piilotushanke', { municipality: 3, association: 1 });
		const table = scoresTable(getProject(projectId)!, NOW);
		expect(table.rows[0][table.columns.indexOf('hidden')]).toBe('association');
		expect(table.rows[0][table.columns.indexOf('trust.municipality')]).toBe(4);
		expect(table.rows[0][table.columns.indexOf('trust.association')]).toBeNull();
		expect(table.rows[0][table.columns.indexOf('trust.pair')]).toBeNull();
	});

	it('survives CSV and XLSX with its numbers', async () => {
		const table = scoresTable(demo, NOW);
		const fromXlsx = await readXlsx(await toXlsx(table, 'scores'));
		expect(fromXlsx).toEqual([table.columns, ...table.rows]);
		const fromCsv = readCsv(toCsv(table)).slice(1);
		expect(fromCsv.map((row, r) => row.map((c, i) => (typeof table.rows[r][i] === 'number' ? Number(c) : c)))).toEqual(table.rows);
	});
});

describe('file name', () => {
	it('has the project, the kind and the day in Finland', () => {
		const at = Date.UTC(2026, 10, 25, 23, 30); // 01.30 on the 26th in Helsinki
		expect(exportFileName({ id: 7, name: 'Kehitytään kimpassa – demo' }, 'responses', 'csv', at)).toBe(
			'portaat-kehitytaan-kimpassa-demo-responses-2026-11-26.csv'
		);
		expect(exportFileName({ id: 7, name: '!!!' }, 'scores', 'xlsx', at)).toBe('portaat-project-7-scores-2026-11-26.xlsx');
	});
});
