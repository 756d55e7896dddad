import { requireAdmin } from '$lib/server/access';
import { listAudit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const before = Number(event.url.searchParams.get('before'));
	const entries = listAudit(200, Number.isSafeInteger(before) && before > 0 ? before : undefined);
	return { entries, next: entries.length === 200 ? entries.at(-1)!.id : null };
};
