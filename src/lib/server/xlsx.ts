import ExcelJS from 'exceljs';
import type { Table } from './export.ts';

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
