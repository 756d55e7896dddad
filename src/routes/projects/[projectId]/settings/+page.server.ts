import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { deleteProject, projectMembers, updateProject } from '$lib/server/projects';
import { projectSettingsSchema, SAFE_GROUP_SIZE } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, user } = requireProject(event, 'manage');
	return { project, members: projectMembers(project.id), canErase: user.isAdmin, isAdmin: user.isAdmin };
};

export const actions: Actions = {
	save: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(projectSettingsSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { name, description, min_group_size, retention_days, confirm_small } = parsed.data;
		// Below 3 a side's numbers come close to one person's answers: an administrator's decision, confirmed, and recorded.
		if (min_group_size < SAFE_GROUP_SIZE && min_group_size !== project.minGroupSize) {
			const values = { name, description, min_group_size: String(min_group_size), retention_days: String(retention_days ?? '') };
			if (!user.isAdmin) return formError({ min_group_size: 'error_group_size_admin' }, values);
			if (!confirm_small) return formError({ confirm_small: 'error_confirm_small' }, values);
		}
		updateProject(project.id, { name, description, minGroupSize: min_group_size, retentionDays: retention_days });
		audit(
			user,
			'project.update',
			{ type: 'project', id: project.id, projectId: project.id },
			{
				name,
				minGroupSize: min_group_size,
				previousMinGroupSize: project.minGroupSize,
				retentionDays: retention_days,
				...(min_group_size < SAFE_GROUP_SIZE ? { belowSafeGroupSize: true } : {})
			}
		);
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
