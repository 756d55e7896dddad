import type { Cell, Table } from './export.ts';

// A text cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. A text that a spreadsheet would run as a formula gets a leading ' (OWASP's
 * advice against CSV injection); numbers are written as they are, so -1 stays a number.
 * No value is an empty field and an empty text is "" (as PostgreSQL's CSV has it), so that a
 * choice answered with no option ticked differs from a choice not answered.
 */
export function csvField(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A table as RFC 4180 CSV: comma separated, CRLF line ends, with a UTF-8 byte order mark so that
 * Excel reads ä, ö and å right when the file is opened with a double click.
 */
export function toCsv(table: Table): string {
	const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
	return '\uFEFF' + lines.map((line) => line + '\r\n').join('');
}
