import { z } from 'zod';
import { requireAdmin } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { email, name } from '$lib/server/auth/schemas';
import { activeSessionCount, invalidateUserSessions } from '$lib/server/auth/sessions';
import { formError, parseForm } from '$lib/server/forms';
import { mailPasswordLink } from '$lib/server/mail';
import { getProject, listAllProjects } from '$lib/server/projects';
import {
	createPasswordLink,
	createUser,
	EmailTakenError,
	getUser,
	listUsers,
	setDisabled,
	setMembership
} from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		users: listUsers().map((u) => ({ ...u, sessions: activeSessionCount(u.id) })),
		projects: listAllProjects()
	};
};

const userId = z.coerce.number().int().positive();

function targetUser(form: FormData) {
	const parsed = userId.safeParse(form.get('user_id'));
	const user = parsed.success ? getUser(parsed.data) : undefined;
	return user;
}

const inviteSchema = z.object({ email, name, is_admin: z.literal('on').optional() });
const membershipSchema = z.object({
	user_id: userId,
	project_id: z.coerce.number().int().positive(),
	role: z.enum(['project_worker', 'coordinator', 'none'])
});

/**
 * A new password link goes to the user by e-mail where mail is set up; otherwise, or when the
 * mail server refuses it, the administrator sees it once to pass on.
 */
async function handOver(origin: string, user: { email: string; name: string }, userId: number, purpose: 'invite' | 'reset') {
	const token = createPasswordLink(userId, purpose);
	const mail = await mailPasswordLink(origin, user, token, purpose);
	if (mail === 'mailed') return { mailed: { email: user.email } };
	return { link: { userId, token, email: user.email }, mailFailed: mail === 'failed' };
}

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(inviteSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			const id = createUser({ email: parsed.data.email, name: parsed.data.name, isAdmin: parsed.data.is_admin === 'on' });
			audit(admin, 'user.invite', { type: 'user', id }, { email: parsed.data.email, admin: parsed.data.is_admin === 'on' });
			return await handOver(event.url.origin, { email: parsed.data.email, name: parsed.data.name }, id, 'invite');
		} catch (error) {
			if (error instanceof EmailTakenError)
				return formError({ email: 'admin_email_taken' }, { email: parsed.data.email, name: parsed.data.name }, 400);
			throw error;
		}
	},
	membership: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(membershipSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { user_id, project_id, role } = parsed.data;
		if (!getUser(user_id) || !getProject(project_id)) return formError({ form: 'error_not_found' }, {}, 404);
		setMembership(user_id, project_id, role === 'none' ? null : role);
		audit(admin, role === 'none' ? 'membership.remove' : 'membership.set', { type: 'user', id: user_id, projectId: project_id }, { role });
		return { done: 'membership' };
	},
	endSessions: async (event) => {
		const admin = requireAdmin(event);
		const user = targetUser(await event.request.formData());
		if (!user) return formError({ form: 'error_not_found' }, {}, 404);
		const ended = invalidateUserSessions(user.id);
		audit(admin, 'user.end_sessions', { type: 'user', id: user.id }, { ended });
		return { done: 'sessions' };
	},
	disable: async (event) => {
		const admin = requireAdmin(event);
		const user = targetUser(await event.request.formData());
		if (!user) return formError({ form: 'error_not_found' }, {}, 404);
		if (user.id === admin.id) return formError({ form: 'admin_cannot_disable_self' }, {}, 400);
		setDisabled(user.id, true);
		invalidateUserSessions(user.id);
		audit(admin, 'user.disable', { type: 'user', id: user.id });
		return { done: 'disabled' };
	},
	enable: async (event) => {
		const admin = requireAdmin(event);
		const user = targetUser(await event.request.formData());
		if (!user) return formError({ form: 'error_not_found' }, {}, 404);
		setDisabled(user.id, false);
		audit(admin, 'user.enable', { type: 'user', id: user.id });
		return { done: 'enabled' };
	},
	passwordLink: async (event) => {
		const admin = requireAdmin(event);
		const user = targetUser(await event.request.formData());
		if (!user || user.disabled) return formError({ form: 'error_not_found' }, {}, 404);
		audit(admin, 'user.password_link', { type: 'user', id: user.id });
		return await handOver(event.url.origin, user, user.id, user.hasPassword ? 'reset' : 'invite');
	}
};
