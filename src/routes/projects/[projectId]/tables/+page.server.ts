import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { parseForm } from '$lib/server/forms';
import { declaredNames, withDeclaredSpelling } from '$lib/server/partnership-map';
import { tableSchema } from '$lib/server/table-form';
import { createTable, listTables } from '$lib/server/tables';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	const canManage = access !== 'coordinator';
	return {
		project: { id: project.id, name: project.name },
		tables: listTables(project.id),
		canManage,
		...(canManage ? declaredNames(project.id) : { themes: [], areas: [] })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(tableSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const id = createTable(project.id, withDeclaredSpelling(project.id, parsed.data), user.id);
		audit(user, 'table.create', { type: 'table', id, projectId: project.id }, { name: parsed.data.name });
		redirect(303, localizeHref(`/projects/${project.id}/tables/${id}`));
	}
};
