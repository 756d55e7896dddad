import { getLocale } from '$lib/paraglide/runtime';
import { requirePair } from '$lib/server/access';
import { pairSummary } from '$lib/server/pair-summary';
import type { PageServerLoad } from './$types';

// Server HTML only: the summary hydrated as one long task on a slow phone, and nothing on it
// needs the framework (the chart is SVG; print-button.js wires the print button).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { project, pair } = requirePair(event);
	const round = Number(event.url.searchParams.get('round')) || undefined;
	return {
		project: { id: project.id, name: project.name },
		pair,
		...pairSummary(pair.id, getLocale(), round)
	};
};
