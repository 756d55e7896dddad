import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { safeNext, setSessionCookie } from '$lib/server/auth/cookie';
import { PASSWORD_MAX, verifyPassword } from '$lib/server/auth/password';
import { loginGate, recordLoginFailure, recordLoginRefusal, recordLoginSuccess } from '$lib/server/auth/login-guard';
import { email } from '$lib/server/auth/schemas';
import { createSession } from '$lib/server/auth/sessions';
import { formError, parseForm } from '$lib/server/forms';
import { getCredentials, voidPasswordLinks } from '$lib/server/users';
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
		const address = getClientAddress();
		const gate = loginGate(email, address);
		if (gate.blockedMs > 0) {
			recordLoginRefusal(email, address);
			return formError({ form: 'error_rate_limited' }, { email }, 429, { minutes: Math.ceil(gate.blockedMs / 60000) });
		}
		if (gate.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, gate.delayMs));

		const credentials = getCredentials(email);
		const valid = (await verifyPassword(credentials?.passwordHash, password)) && credentials && !credentials.user.disabled;
		if (!valid) {
			recordLoginFailure(email, address);
			// The same answer whether or not the e-mail exists.
			return formError({ form: 'error_login_failed' }, { email }, 400);
		}
		recordLoginSuccess(email, address);
		// Signed in with a password they know: a reset link still lying in a mailbox is void.
		voidPasswordLinks(credentials.user.id);
		const session = createSession(credentials.user.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeNext(form.get('next')?.toString(), localizeHref('/projects')));
	}
};
