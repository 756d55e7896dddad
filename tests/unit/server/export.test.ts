import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers, AnswerValue, ItemRef } from '../../../src/lib/assessment/answers';
import type { PairScore } from '../../../src/lib/assessment/privacy';
import { TRAIT_IDS, type QuestionnaireVersion, type Side } from '../../../src/lib/assessment/types';
import { currentVersion as v, versions } from '../../../src/lib/assessment/versions';
import { csvField, csvStream, toCsv } from '../../../src/lib/server/csv';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { collect, commentsStream, commentsTable, exportFileName, itemColumns, responsesStream, responsesTable, scoresStream, scoresTable, type Cell, type Table } from '../../../src/lib/server/export';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject, getProject, updateProject, type Project } from '../../../src/lib/server/projects';
import { getAnswers, getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { purgeExpiredAnswers } from '../../../src/lib/server/retention';
import { closeRound, getRound, openRound } from '../../../src/lib/server/rounds';
import { toXlsx, xlsxStream, xlsxText } from '../../../src/lib/server/xlsx';
import { countedAnswers } from '../../helpers/answers';
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

/** A cell's value; an inline string (what the streaming writer writes) is read as its text. */
function textOf(value: ExcelJS.CellValue): Cell {
	if (value !== null && typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
	return value as Cell;
}

async function readXlsx(file: Uint8Array, sheetIndex = 0): Promise<Cell[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(file as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[sheetIndex];
	const rows: Cell[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row) => {
		rows.push(Array.from({ length: sheet.columnCount }, (_, i) => textOf(row.getCell(i + 1).value)));
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
	submittedOn: string;
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
			submittedOn: String(row[col('submitted_on')]),
			answers
		};
	});
}

/**
 * Every response the export may hold, as the database has it: submitted and counted, in a closed
 * round, on a side with at least the round's smallest group size (or open results); the comment
 * is not among its answers, since comments are a table of their own.
 */
function storedResponses(projectId: number, now = NOW): ExportedResponse[] {
	const rows = db()
		.prepare(
			`SELECT s.id, s.round_id AS roundId, s.side, substr(s.submitted_at, 1, 10) AS submittedOn
			 FROM responses s JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id JOIN round_results rr ON rr.round_id = r.id
			 WHERE p.project_id = ? AND s.status = 'submitted'
			   AND (r.closed_at IS NOT NULL OR r.closes_at <= ?)
			   AND (r.open_results = 1 OR CASE s.side WHEN 'municipality' THEN rr.municipality_n ELSE rr.association_n END >= r.min_group_size)`
		)
		.all(projectId, new Date(now).toISOString()) as (Omit<ExportedResponse, 'answers'> & { id: number })[];
	return rows.map(({ id, ...r }) => {
		const { [v.comment.id]: _comment, ...answers } = getAnswers(id);
		return { ...r, answers };
	});
}

/** Order-free comparison: the export has its own order. */
const byContent = (list: ExportedResponse[]) =>
	[...list].sort((a, b) => {
		const key = (r: ExportedResponse) => JSON.stringify([r.roundId, r.side, r.submittedOn, Object.entries(r.answers).sort()]);
		return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
	});

// ─── Responses ─────────────────────────────────────────────────────────────────────────────

describe('responses export', () => {
	it('gives back every response it may show, exactly as stored, from CSV and from XLSX', async () => {
		const table = responsesTable(demo, NOW);
		// The demo's rounds span 2026-1 and 2026-2.
		const items = itemColumns(Object.values(versions)).filter((i) => i.kind !== 'text');
		const stored = storedResponses(demo.id);
		expect(stored.length).toBeGreaterThan(30);
		expect(table.rows).toHaveLength(stored.length);

		const fromCsv = responsesFrom(readCsv(toCsv(table)), items);
		expect(byContent(fromCsv)).toEqual(byContent(stored));
		const fromXlsx = responsesFrom(await readXlsx(await toXlsx([{ name: 'responses', table }])), items);
		expect(byContent(fromXlsx)).toEqual(byContent(stored));
	});

	it('holds no open round, no side below its round\'s smallest group size, and nothing that singles a person out', () => {
		const table = responsesTable(demo, NOW);
		const roundCol = table.columns.indexOf('round_id');
		const sideCol = table.columns.indexOf('side');
		const rounds = db()
			.prepare(
				`SELECT r.id, r.closed_at AS closedAt, r.min_group_size AS min, r.open_results AS openResults, rr.municipality_n AS m, rr.association_n AS a
				 FROM rounds r JOIN pairs p ON p.id = r.pair_id JOIN round_results rr ON rr.round_id = r.id WHERE p.project_id = ?`
			)
			.all(demo.id) as { id: number; closedAt: string | null; min: number; openResults: number; m: number; a: number }[];
		expect(rounds.some((r) => r.closedAt === null)).toBe(true);
		expect(rounds.some((r) => !r.openResults && (r.m < r.min || r.a < r.min))).toBe(true);
		for (const row of table.rows) {
			const round = rounds.find((r) => r.id === row[roundCol])!;
			expect(round.closedAt).not.toBeNull();
			// A small side's rows only where its respondents agreed to open results.
			if (!round.openResults) expect(row[sideCol] === 'municipality' ? round.m : round.a).toBeGreaterThanOrEqual(round.min);
			expect(String(row[table.columns.indexOf('submitted_on')])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		for (const gone of ['language', 'role', 'submitted_at', v.comment.id]) expect(table.columns).not.toContain(gone);
	});

	it('orders the rows of a side by their answers, not by when they came', () => {
		const { projectId, roundId } = smallProject('Järjestyshanke', { municipality: 3, association: 3 }, (i) =>
			countedAnswers(v, { traits: { trust: [((5 - i) % 5) + 1, 3, 3] as (1 | 2 | 3 | 4 | 5)[] } })
		);
		closeRound(roundId, NOW);
		const table = responsesTable(getProject(projectId)!, NOW);
		const answersOf = (row: Cell[]) => JSON.stringify(row.slice(table.columns.indexOf('answers_erased_on') + 1));
		for (const side of ['municipality', 'association']) {
			const rows = table.rows.filter((r) => r[table.columns.indexOf('side')] === side).map(answersOf);
			expect(rows).toEqual([...rows].sort());
		}
	});

	it('gives back awkward answers exactly: no option ticked, "I can\'t say"; a formula-like comment only in the comments table', async () => {
		const comment = '=SUM(1,2) "lainaus", rivi\r\ntoinen; ääkköset';
		const awkward: Answers[] = [
			{ ...countedAnswers(v, {}), 'trust.1': 'na', 'trust.2': 5, activities: [], our_resources: ['volunteer_work', 'contacts'], comment },
			{ ...countedAnswers(v, {}), 'trust.1': 1, 'stairs.now': 6, 'stairs.target': 6, activities: ['discussion'], comment: '-ei muuta' },
			countedAnswers(v, { traits: { trust: [2, 2, 2] } })
		];
		const { projectId, roundId } = smallProject('Hankala hanke, "lainausmerkit"', { municipality: 2, association: 1 }, (i) => awkward[i], true);
		closeRound(roundId, NOW);
		const project = getProject(projectId)!;
		const table = responsesTable(project, NOW);
		const items = itemColumns([v]).filter((i) => i.kind !== 'text');
		const stored = storedResponses(projectId);
		expect(stored).toHaveLength(3);

		expect(byContent(responsesFrom(readCsv(toCsv(table)), items))).toEqual(byContent(stored));
		expect(byContent(responsesFrom(await readXlsx(await toXlsx([{ name: 'responses', table }])), items))).toEqual(byContent(stored));

		const comments = commentsTable(project, NOW);
		expect(comments.columns).toEqual(['project', 'pair_id', 'municipality', 'association', 'round_number', 'round_id', 'questionnaire_version', 'side', 'comment']);
		const texts = readCsv(toCsv(comments)).slice(1).map((r) => unguard(String(r.at(-1))));
		expect(texts).toEqual(['-ei muuta', comment].sort());
	});

	it('has the fixed columns, then one column per item id in questionnaire order, with typed cells', async () => {
		const table = responsesTable(demo, NOW);
		expect(table.columns).toEqual([
			'project',
			'pair_id',
			'municipality',
			'association',
			'round_number',
			'round_id',
			'questionnaire_version',
			'side',
			'submitted_on',
			'answers_erased_on',
			...itemColumns(Object.values(versions))
				.filter((i) => i.kind !== 'text')
				.map((i) => i.id)
		]);
		const rows = await readXlsx(await toXlsx([{ name: 'responses', table }]));
		const trust = rows[0].indexOf('trust.1');
		const values = rows.slice(1).map((r) => r[trust]);
		expect(values.every((x) => x === null || x === 'na' || (typeof x === 'number' && x >= 1 && x <= 5))).toBe(true);
		expect(values.some((x) => typeof x === 'number')).toBe(true);
	});

	it('leaves drafts out', () => {
		const { projectId, roundId, round } = smallProject('Luonnoshanke', { municipality: 1, association: 1 }, () => countedAnswers(v, {}), true);
		const draft = getResponseByResume(startResponse({ roundId, side: 'association', language: 'sv' }, NOW))!;
		expect(saveAnswers(draft.id, round(), { set: { ...countedAnswers(v, {}), comment: 'KESKENERÄINEN LUONNOS' }, clear: [] }, NOW)).toBe('saved');
		closeRound(roundId, NOW);
		const project = getProject(projectId)!;
		expect(readCsv(toCsv(responsesTable(project, NOW)))).toHaveLength(1 + 2);
		expect(toCsv(commentsTable(project, NOW))).not.toContain('KESKENERÄINEN LUONNOS');
	});

	it('keeps the rows of a round whose raw answers retention erased, with empty answers and the day they were erased', () => {
		const { projectId, roundId } = smallProject('Säilytyshanke', { municipality: 3, association: 3 });
		closeRound(roundId, NOW + DAY);
		const project = getProject(projectId)!;
		updateProject(projectId, { name: project.name, description: '', minGroupSize: 3, retentionDays: 30 });
		const scoresBefore = scoresTable(getProject(projectId)!, NOW + 40 * DAY);
		const erasedAt = NOW + 40 * DAY;
		expect(purgeExpiredAnswers(erasedAt)).toContain(roundId);

		const table = responsesTable(getProject(projectId)!, erasedAt);
		expect(table.rows).toHaveLength(6);
		const first = table.columns.indexOf('answers_erased_on') + 1;
		for (const row of table.rows) {
			expect(row[table.columns.indexOf('answers_erased_on')]).toBe(new Date(erasedAt).toISOString().slice(0, 10));
			expect(row.slice(first).every((cell) => cell === null)).toBe(true);
		}
		// The scores are the stored result: erasing the raw answers changes nothing there.
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

/** A project with one pair and an open round, with so many counted, submitted responses a side. */
function smallProject(name: string, counts: Record<Side, number>, answers: (i: number) => Answers = () => countedAnswers(v, { traits: { trust: [4, 4, 4] }, now: 3 }), openResults = false) {
	const projectId = createProject({ name, description: '' });
	const m = createOrganisation(projectId, { name: `${name} kunta`, kind: 'municipality' });
	const a = createOrganisation(projectId, { name: `${name} yhdistys`, kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	const roundId = openRound(pairId, { closesAt: null, asksRole: false, openResults }, NOW - DAY);
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
	it('writes RFC 4180 with a byte order mark and CRLF line ends, every text quoted (a Finnish Excel splits on ;)', () => {
		const csv = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [['x,y', 'say "hi"', 'two\r\nlines', 3.5], [null, '', 'ä;ö', -1]] });
		expect(csv).toBe('\uFEFF"a","b","c","d"\r\n"x,y","say ""hi""","two\r\nlines",3.5\r\n,"","ä;ö",-1\r\n');
	});

	it('guards text cells that a spreadsheet would run as a formula, and never numbers', () => {
		expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
		expect(csvField('+1')).toBe(`"'+1"`);
		expect(csvField('-1')).toBe(`"'-1"`);
		expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvField('\tx')).toBe(`"'\tx"`);
		expect(csvField('\rx')).toBe(`"'\rx"`);
		expect(csvField(-1)).toBe('-1');
		expect(csvField('a=b')).toBe('"a=b"');
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
		const rows = await readXlsx(await toXlsx([{ name: 'x', table: { columns: ['a', 'b', 'c', 'd'], rows: [['=1+1', 2.5, null, '']] } }]));
		expect(rows).toEqual([
			['a', 'b', 'c', 'd'],
			['=1+1', 2.5, null, '']
		]);
	});

	it('writes line breaks as LF and what XML cannot hold as U+FFFD, so the workbook opens', async () => {
		expect(xlsxText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
		expect(xlsxText('x\u0001y\uD800z😀')).toBe('x\uFFFDy\uFFFDz😀');
		const rows = await readXlsx(await toXlsx([{ name: 'x', table: { columns: ['a', 'b'], rows: [['x\u0001\r\ny', 'Ähtäri']] } }]));
		expect(rows[1]).toEqual(['x\uFFFD\ny', 'Ähtäri']);
	});
});

// ─── Scores ────────────────────────────────────────────────────────────────────────────────

/** Checks every scores row against the stored, disclosed result of a closed round; open rounds have no row. */
function expectScoresMatch(table: Table, projectId: number): { hidden: number; shown: number } {
	const col = (name: string) => {
		const i = table.columns.indexOf(name);
		expect(i, name).toBeGreaterThanOrEqual(0);
		return i;
	};
	const stored = db()
		.prepare(
			`SELECT rr.round_id AS roundId, rr.municipality_n AS municipalityN, rr.association_n AS associationN, rr.result, r.closed_at AS closedAt
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?`
		)
		.all(projectId) as { roundId: number; municipalityN: number; associationN: number; result: string; closedAt: string | null }[];
	expect(table.rows).toHaveLength(stored.filter((s) => s.closedAt !== null).length);
	let hidden = 0;
	let shown = 0;
	for (const s of stored) {
		const row = table.rows.find((r) => r[col('round_id')] === s.roundId);
		if (s.closedAt === null) {
			expect(row).toBeUndefined();
			continue;
		}
		const score = JSON.parse(s.result) as PairScore;
		expect(row![col('respondents.municipality')]).toBe(s.municipalityN);
		expect(row![col('respondents.association')]).toBe(s.associationN);
		for (const scope of ['municipality', 'association', 'pair'] as const) {
			const group = scope === 'pair' ? score.pair : score.sides[scope];
			if (group) shown++;
			if (scope !== 'pair' && score.hidden[scope]) hidden++;
			expect(row![col(`evidence_step.${scope}`)]).toBe(group?.evidence.step ?? null);
			expect(row![col(`self_placed.${scope}`)]).toBe(group?.selfPlaced.mean ?? null);
			expect(row![col(`target.${scope}`)]).toBe(group?.target.mean ?? null);
			for (const trait of TRAIT_IDS) {
				expect(row![col(`${trait}.${scope}`)]).toBe(group?.traits[trait].mean ?? null);
				expect(row![col(`${trait}.${scope}.n`)]).toBe(group && group.traits[trait].n > 0 ? group.traits[trait].n : null);
			}
		}
	}
	return { hidden, shown };
}

describe('scores export', () => {
	it('gives the stored results of every closed round, nothing of an open one, withheld sides empty', () => {
		const table = scoresTable(demo, NOW);
		const { hidden, shown } = expectScoresMatch(table, demo.id);
		expect(hidden).toBeGreaterThan(0);
		expect(shown).toBeGreaterThan(10);
	});

	it('has no float noise: every number is a whole number or has one decimal', () => {
		const table = scoresTable(demo, NOW);
		for (const row of table.rows)
			for (const cell of row) if (typeof cell === 'number') expect(String(cell)).toMatch(/^-?\d+(\.\d)?$/);
		expect(toCsv(table)).not.toMatch(/\d\.\d{2,}/);
	});

	it('keeps a closed round\'s promise when the project\'s smallest group size is lowered later', () => {
		const { projectId, roundId } = smallProject('Lupaushanke', { municipality: 3, association: 1 });
		closeRound(roundId, NOW);
		const before = scoresTable(getProject(projectId)!, NOW);
		expect(before.rows[0][before.columns.indexOf('hidden')]).toBe('association');
		const project = getProject(projectId)!;
		updateProject(projectId, { name: project.name, description: '', minGroupSize: 1, retentionDays: null });
		const after = scoresTable(getProject(projectId)!, NOW);
		expect(after).toEqual(before);
		expect(after.rows[0][after.columns.indexOf('trust.association')]).toBeNull();
		expect(after.rows[0][after.columns.indexOf('trust.pair')]).toBeNull();
		expect(after.rows[0][after.columns.indexOf('trust.municipality')]).toBe(4);
	});

	it('shows small sides of a round opened with open results, the pair the mean of the shown sides', () => {
		const { projectId, roundId } = smallProject('Avoin hanke', { municipality: 1, association: 2 }, (i) => countedAnswers(v, { traits: { trust: [1 + i, 1 + i, 1 + i] as (1 | 2 | 3)[] }, now: 2 }), true);
		closeRound(roundId, NOW);
		const table = scoresTable(getProject(projectId)!, NOW);
		const row = table.rows[0];
		expect(row[table.columns.indexOf('open_results')]).toBe(1);
		expect(row[table.columns.indexOf('hidden')]).toBeNull();
		expect(row[table.columns.indexOf('trust.municipality')]).toBe(1);
		expect(row[table.columns.indexOf('trust.association')]).toBe(2.5);
		expect(row[table.columns.indexOf('trust.pair')]).toBe(1.8); // (1,0 + 2,5) / 2 = 1,75 → 1,8
	});

	it('survives CSV and XLSX with its numbers', async () => {
		const table = scoresTable(demo, NOW);
		const fromXlsx = await readXlsx(await toXlsx([{ name: 'scores', table }]));
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

describe('streamed exports (a big project is written out as it is read)', () => {
	const read = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
	const kinds = { responses: responsesStream, comments: commentsStream, scores: scoresStream } as const;

	it.each(Object.keys(kinds) as (keyof typeof kinds)[])('%s: the same rows in the same order, read one round at a time or 25 at a time', (kind) => {
		const oneByOne = collect(kinds[kind](demo, NOW, 1));
		const whole = collect(kinds[kind](demo, NOW));
		expect(oneByOne.rows.length).toBeGreaterThan(0);
		expect(oneByOne).toEqual(whole);
	});

	it.each(Object.keys(kinds) as (keyof typeof kinds)[])('%s: the streamed CSV is byte for byte the CSV of the whole table', async (kind) => {
		const streamed = await read(csvStream(kinds[kind](demo, NOW, 2)));
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(streamed)).toBe(toCsv(collect(kinds[kind](demo, NOW))));
	});

	it('the streamed workbook holds the responses and the comments sheets as the tables have them', async () => {
		const file = await read(xlsxStream([
			{ name: 'responses', table: responsesStream(demo, NOW, 3) },
			{ name: 'comments', table: commentsStream(demo, NOW, 3) }
		]));
		const responses = responsesTable(demo, NOW);
		const comments = commentsTable(demo, NOW);
		expect(await readXlsx(file, 0)).toEqual([responses.columns, ...responses.rows]);
		expect(await readXlsx(file, 1)).toEqual([comments.columns, ...comments.rows]);
	});

	it('a reader that stops early stops the reading too: later chunks are never read', async () => {
		let read = 0;
		const table = responsesStream(demo, NOW, 1);
		const counted = { columns: table.columns, chunks: (function* () { for (const c of table.chunks) { read++; yield c; } })() };
		const reader = csvStream(counted).getReader();
		await reader.read(); // the header
		await reader.read(); // the first round
		await reader.cancel();
		expect(read).toBeLessThanOrEqual(2);
		expect(collect(responsesStream(demo, NOW, 1)).rows.length).toBeGreaterThan(0);
	});
});
