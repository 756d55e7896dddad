import { actionCounts } from './meetings.ts';
import { pairPage, type PairQuery } from './project-view.ts';

/**
 * What the pair table (PairTable.svelte) shows: one page of the pairs, the query as it applies
 * (the page number as corrected), and the open and done actions of the pairs on the page. The
 * project page shows every pair of the project; a theme's or area's page, its own (`within`).
 */
export function pairTable(projectId: number, query: PairQuery, within: readonly number[] | null = null) {
	const pairs = pairPage(projectId, query, Date.now(), within);
	const onPage = new Set(pairs.rows.map((r) => r.pairId));
	return {
		query: { ...query, page: pairs.page },
		rows: pairs.rows,
		total: pairs.total,
		pages: pairs.pages,
		rounds: pairs.rounds,
		actions: Object.fromEntries([...actionCounts(projectId)].filter(([pairId]) => onPage.has(pairId)))
	};
}
