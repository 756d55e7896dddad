import { error } from '@sveltejs/kit';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { csvStream } from '$lib/server/csv';
import { actionsTable, commentsStream, exportFileName, responsesStream, scoresStream, type ExportKind, type TableStream } from '$lib/server/export';
import { xlsxStream } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

const FILE = /^(responses|comments|scores|actions)\.(csv|xlsx)$/;

const CONTENT_TYPE = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** The project's responses, scores or partnership-table actions as CSV or XLSX, for anyone who may read the project (coordinators export). */
export const GET: RequestHandler = async (event) => {
	const { user, project } = requireProject(event);
	const match = FILE.exec(event.params.file);
	if (!match) error(404, 'Not found');
	const kind = match[1] as ExportKind;
	const format = match[2] as keyof typeof CONTENT_TYPE;
	const actions = (): TableStream => {
		const { columns, rows } = actionsTable(project);
		return { columns, chunks: [rows] };
	};
	const table = { responses: responsesStream, comments: commentsStream, scores: scoresStream, actions }[kind](project);
	// The workbook of responses carries the comments as a sheet of their own, never beside the answers.
	const sheets = kind === 'responses' ? [{ name: kind, table }, { name: 'comments', table: commentsStream(project) }] : [{ name: kind, table }];
	// Written out as it is read (a big project's file is never held whole), so recorded as it starts.
	const body = format === 'csv' ? csvStream(table) : xlsxStream(sheets);
	// Handing out data is recorded like changing it.
	audit(user, `export.${kind}`, { type: 'project', id: project.id, projectId: project.id }, { format });
	return new Response(body, {
		headers: {
			'Content-Type': CONTENT_TYPE[format],
			'Content-Disposition': `attachment; filename="${exportFileName(project, kind, format)}"`,
			'Cache-Control': 'no-store'
		}
	});
};
