import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { deleteProject, projectMembers, updateProject } from '$lib/server/projects';
import { projectSettingsSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, user } = requireProject(event, 'manage');
	return { project, members: projectMembers(project.id), canErase: user.isAdmin };
};

export const actions: Actions = {
	save: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(projectSettingsSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { name, description, min_group_size, retention_days } = parsed.data;
		updateProject(project.id, { name, description, minGroupSize: min_group_size, retentionDays: retention_days });
		audit(user, 'project.update', { type: 'project', id: project.id, projectId: project.id }, { name, minGroupSize: min_group_size, retentionDays: retention_days });
		return { done: 'saved' };
	},
	erase: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		if (!user.isAdmin) return formError({ form: 'error_not_found' }, {}, 404);
		const form = await event.request.formData();
		if (form.get('confirm_name') !== project.name) return formError({ confirm_name: 'error_confirm_project_name' }, {}, 400);
		deleteProject(project.id);
		audit(user, 'project.erase', { type: 'project', id: project.id, projectId: project.id }, { name: project.name });
		redirect(303, localizeHref('/projects'));
	}
};
