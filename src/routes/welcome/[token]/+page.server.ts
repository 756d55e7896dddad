import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { audit } from '$lib/server/audit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { lookupLink } from '$lib/server/auth/link-guard';
import { hashPassword, weakPassword } from '$lib/server/auth/password';
import { newPasswordPair } from '$lib/server/auth/schemas';
import { createSession, invalidateUserSessions } from '$lib/server/auth/sessions';
import { formError, parseForm } from '$lib/server/forms';
import { consumePasswordLink, userForLink } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, getClientAddress }) => {
	const user = lookupLink(getClientAddress(), params.token, (t) => userForLink(t));
	return { email: user?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const linked = lookupLink(getClientAddress(), params.token, (t) => userForLink(t));
		if (!linked) return formError({ form: 'welcome_invalid' }, {}, 404);
		const parsed = parseForm(newPasswordPair, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const weak = weakPassword(parsed.data.password, linked.email);
		if (weak) return formError({ password: weak }, {}, 400);
		const user = consumePasswordLink(params.token, await hashPassword(parsed.data.password));
		if (!user) return formError({ form: 'welcome_invalid' }, {}, 404);
		invalidateUserSessions(user.id);
		audit(user, 'password.set', { type: 'user', id: user.id });
		const session = createSession(user.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, localizeHref('/projects'));
	}
};
