import { z } from 'zod';
import { email } from '$lib/server/auth/schemas';
import { FREE_FAILURES, recordFailure, retryAfter } from '$lib/server/auth/rate-limit';
import { formError, parseForm } from '$lib/server/forms';
import { createPasswordLink, getCredentials } from '$lib/server/users';
import { mailConfigured, mailPasswordLink } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ mail: mailConfigured() });

const schema = z.object({ email });

/** Requests an address may make before it waits, and mails one account may get, per quarter hour. */
const PER_ADDRESS = 5;
const PER_ACCOUNT = 3;

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		if (!mailConfigured()) return formError({ form: 'reset_no_mail' }, {}, 404);
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const address = `reset:address:${getClientAddress()}`;
		const wait = retryAfter(address);
		if (wait > 0) return formError({ form: 'error_rate_limited' }, { email: parsed.data.email }, 429, { minutes: Math.ceil(wait / 60000) });
		recordFailure(address, Math.min(PER_ADDRESS, FREE_FAILURES.address));

		// Whatever happens below, the answer is the same and comes as fast: the mail goes out
		// after it, and an account that has had its mails this quarter hour gets no more.
		const account = `reset:account:${parsed.data.email.toLowerCase()}`;
		const user = getCredentials(parsed.data.email)?.user;
		if (user && !user.disabled && retryAfter(account) === 0) {
			recordFailure(account, PER_ACCOUNT);
			const token = createPasswordLink(user.id, user.hasPassword ? 'reset' : 'invite');
			void mailPasswordLink(url.origin, user, token, user.hasPassword ? 'reset' : 'invite');
		}
		return { sent: parsed.data.email };
	}
};
