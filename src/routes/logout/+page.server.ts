import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.sessionToken) invalidateSession(locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/login?signed_out'));
	}
};
