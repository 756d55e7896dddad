import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Cell, Table, TableStream } from './export.ts';

// Code points XML 1.0 cannot hold (most control characters, unpaired surrogates): a workbook
// with them does not open, so they are shown as U+FFFD.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A text as a cell can hold it; a line break in a cell is LF in Excel's own files. */
export function xlsxText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(NOT_IN_XML, '\uFFFD');
}

/**
 * Tables as an Excel workbook, one sheet each: numbers are number cells, texts are text cells,
 * no value is an empty cell. Texts are stored as strings, never as formulas, so a text that
 * starts with = needs no guard here.
 */
export async function toXlsx(sheets: readonly { name: string; table: Table }[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Portaat';
	for (const { name, table } of sheets) {
		const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(table.columns).font = { bold: true };
		for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? xlsxText(cell) : cell)));
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A cell for the streaming writer. Without a shared strings table, exceljs writes a plain text as
 * a formula's result (t="str"), which drops an empty text; as rich text it is a proper inline
 * string (t="inlineStr", as XlsxWriter's constant-memory mode writes them), so "" stays "" and
 * differs from no value, as in the CSV.
 */
function inlineCell(cell: Cell): ExcelJS.CellValue {
	return typeof cell === 'string' ? { richText: [{ text: xlsxText(cell) }] } : cell;
}

/**
 * The same workbook as toXlsx, written out as it is read: exceljs's streaming writer (no shared
 * strings table, which would be held whole), and the next chunk is read only once the reader
 * has taken what was written.
 */
export function xlsxStream(sheets: readonly { name: string; table: TableStream }[]): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
	workbook.creator = 'Portaat';
	let cancelled = false;
	(async () => {
		for (const { name, table } of sheets) {
			const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
			const header = sheet.addRow(table.columns);
			header.font = { bold: true };
			header.commit();
			for (const chunk of table.chunks) {
				if (cancelled) return;
				for (const row of chunk) sheet.addRow(row.map(inlineCell)).commit();
				// Let the zip writer run, and wait while the reader is behind.
				await new Promise((resolve) => setImmediate(resolve));
				if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
			}
			sheet.commit();
		}
		await workbook.commit();
	})().catch((error: unknown) => out.destroy(error as Error));
	out.once('close', () => (cancelled = true));
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
