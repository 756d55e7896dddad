import { z } from 'zod';
import { requireUser } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { hashPassword, PASSWORD_MAX, verifyPassword, weakPassword } from '$lib/server/auth/password';
import { newPasswordPair } from '$lib/server/auth/schemas';
import { createSession, invalidateUserSessions } from '$lib/server/auth/sessions';
import { formError, parseForm } from '$lib/server/forms';
import { getPasswordHash, setPasswordHash } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { user: { name: user.name, email: user.email } };
};

const schema = z.intersection(
	z.object({ current_password: z.string().min(1, 'error_required').max(PASSWORD_MAX, 'error_password_long') }),
	newPasswordPair
);

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await verifyPassword(getPasswordHash(user.id), parsed.data.current_password)))
			return formError({ current_password: 'error_password_wrong' }, {}, 400);
		const weak = weakPassword(parsed.data.password, user.email);
		if (weak) return formError({ password: weak }, {}, 400);
		setPasswordHash(user.id, await hashPassword(parsed.data.password));
		// A changed password ends every session, this one included; a fresh one continues here.
		invalidateUserSessions(user.id);
		const session = createSession(user.id);
		setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		audit(user, 'password.change', { type: 'user', id: user.id });
		return { changed: true };
	}
};
