import { error } from '@sveltejs/kit';
import { lookupLink } from '$lib/server/auth/link-guard';
import { recordFailure, retryAfter } from '$lib/server/auth/rate-limit';
import { formError, parseForm } from '$lib/server/forms';
import { sentItemSchema } from '$lib/server/table-form';
import { addAgendaItem, getTableByLink, listMembers } from '$lib/server/tables';
import type { Actions, PageServerLoad } from './$types';

/** Items one address may send to one table before it waits; the wait doubles after that (see rate-limit.ts). */
const FREE_ITEMS = 10;

/** A member's page for sending agenda items to a table, through the table link: no account. Shows only the table's name and members. */
export const load: PageServerLoad = ({ params, getClientAddress }) => {
	const table = lookupLink(getClientAddress(), params.token, (t) => getTableByLink(t));
	if (!table) error(404, 'Not found');
	return { table: { name: table.name, theme: table.theme, area: table.area }, members: listMembers(table.id).map((x) => x.name) };
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const address = getClientAddress();
		const table = lookupLink(address, params.token, (t) => getTableByLink(t));
		if (!table) error(404, 'Not found');
		const key = `agenda:${table.id}:address:${address}`;
		const wait = retryAfter(key);
		if (wait > 0) return formError({ form: 'error_rate_limited' }, {}, 429, { minutes: Math.ceil(wait / 60_000) });
		const parsed = parseForm(sentItemSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		addAgendaItem(table.id, { source: 'link', sender: parsed.data.sender, text: parsed.data.text });
		// Every item sent counts: a link shared too widely cannot flood the secretary.
		recordFailure(key, FREE_ITEMS);
		return { done: 'sent' };
	}
};
