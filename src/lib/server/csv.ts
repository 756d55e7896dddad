import type { Cell, Table, TableStream } from './export.ts';

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

const encoder = new TextEncoder();

/**
 * The same CSV as toCsv, written out a chunk at a time as the reader takes it: the next chunk is
 * read from the database only when the previous one has been sent on.
 */
export function csvStream(table: TableStream): ReadableStream<Uint8Array> {
	const line = (row: readonly Cell[]) => row.map(csvField).join(',') + '\r\n';
	const chunks = table.chunks[Symbol.iterator]();
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode('\uFEFF' + line(table.columns)));
		},
		pull(controller) {
			const next = chunks.next();
			if (next.done) controller.close();
			else if (next.value.length > 0) controller.enqueue(encoder.encode(next.value.map(line).join('')));
		},
		cancel() {
			chunks.return?.();
		}
	});
}
