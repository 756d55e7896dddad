import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { groupSchema } from '$lib/server/map-form';
import { declareGroup, DuplicateGroupError, groupIndex } from '$lib/server/partnership-map';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	return { project, canManage: access !== 'coordinator', ...groupIndex(project.id) };
};

export const actions: Actions = {
	declare: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(groupSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			const id = declareGroup(project.id, parsed.data.kind, parsed.data.name);
			audit(user, 'group.declare', { type: 'group', id, projectId: project.id }, parsed.data);
			return { declared: parsed.data.name };
		} catch (error) {
			if (error instanceof DuplicateGroupError) return formError({ name: 'error_group_exists' }, parsed.data, 400);
			throw error;
		}
	}
};
