import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireResponse } from '$lib/server/respondent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const context = requireResponse(event);
	if (context.response.status !== 'submitted') redirect(303, localizeHref(`/r/${context.response.resumeToken}/review`));
	return {
		pair: context.pair,
		submittedAt: context.response.submittedAt!,
		closesAt: context.round.closesAt,
		open: context.open
	};
};
