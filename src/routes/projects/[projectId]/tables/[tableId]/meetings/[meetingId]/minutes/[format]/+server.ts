import { error } from '@sveltejs/kit';
import { idParam, requireTable } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { toCsv } from '$lib/server/csv';
import { getMeeting } from '$lib/server/meetings';
import { minutesTable } from '$lib/server/table-export';
import { toXlsx } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

const CONTENT_TYPE = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** A meeting's minutes (one row per agreed action, with the meeting's facts) as CSV or XLSX, for anyone who may read the project. */
export const GET: RequestHandler = async (event) => {
	const { user, project, table } = requireTable(event);
	const meeting = getMeeting(table.id, idParam(event.params.meetingId));
	const format = event.params.format;
	if (!meeting || (format !== 'csv' && format !== 'xlsx')) error(404, 'Not found');
	const sheet = minutesTable(table, meeting);
	const body = format === 'csv' ? toCsv(sheet) : await toXlsx(sheet, 'minutes');
	audit(user, 'export.minutes', { type: 'meeting', id: meeting.id, projectId: project.id }, { format, rows: sheet.rows.length });
	return new Response(body, {
		headers: {
			'Content-Type': CONTENT_TYPE[format],
			'Content-Disposition': `attachment; filename="portaat-minutes-${table.id}-${meeting.number}-${meeting.heldOn}.${format}"`,
			'Cache-Control': 'no-store'
		}
	});
};
