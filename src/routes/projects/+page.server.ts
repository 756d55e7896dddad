import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireAdmin, requireUser } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { parseForm } from '$lib/server/forms';
import { createProject, listProjectsFor } from '$lib/server/projects';
import { projectSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { projects: listProjectsFor(user), canCreate: user.isAdmin };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(projectSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const id = createProject(parsed.data);
		audit(admin, 'project.create', { type: 'project', id, projectId: id }, { name: parsed.data.name });
		redirect(303, localizeHref(`/projects/${id}`));
	}
};
