import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { safeNext, setSessionCookie } from '$lib/server/auth/cookie';
import { PASSWORD_MAX, verifyPassword } from '$lib/server/auth/password';
import { clearFailures, FREE_FAILURES, recordFailure, retryAfter } from '$lib/server/auth/rate-limit';
import { email } from '$lib/server/auth/schemas';
import { createSession } from '$lib/server/auth/sessions';
import { formError, parseForm } from '$lib/server/forms';
import { getCredentials } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/projects')));
	return { signedOut: url.searchParams.has('signed_out') };
};

const schema = z.object({
	email,
	password: z.string().min(1, 'error_required').max(PASSWORD_MAX, 'error_password_long')
});

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(schema, form);
		if (!parsed.ok) return parsed.failure;
		const { email, password } = parsed.data;
		const keys = [`login:account:${email.toLowerCase()}`, `login:address:${getClientAddress()}`] as const;
		const wait = Math.max(...keys.map((k) => retryAfter(k)));
		if (wait > 0) return formError({ form: 'error_rate_limited' }, { email }, 429, { minutes: Math.ceil(wait / 60000) });

		const credentials = getCredentials(email);
		const valid = (await verifyPassword(credentials?.passwordHash, password)) && credentials && !credentials.user.disabled;
		if (!valid) {
			recordFailure(keys[0], FREE_FAILURES.account);
			recordFailure(keys[1], FREE_FAILURES.address);
			// The same answer whether or not the e-mail exists.
			return formError({ form: 'error_login_failed' }, { email }, 400);
		}
		clearFailures(keys[0]);
		const session = createSession(credentials.user.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeNext(form.get('next')?.toString(), localizeHref('/projects')));
	}
};
