import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { createOrganisation, DuplicateNameError, listOrganisations } from '$lib/server/organisations';
import { createPair, PairInputError } from '$lib/server/pairs';
import { declaredNames, declaredSpelling } from '$lib/server/partnership-map';
import { organisationSchema, pairSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

// Adding pairs and organisations has its own page: a big project's organisations fill two
// long lists, which the project overview should not render on every visit.
export const load: PageServerLoad = (event) => {
	const { project } = requireProject(event, 'manage');
	return { project, organisations: listOrganisations(project.id), ...declaredNames(project.id) };
};

export const actions: Actions = {
	addOrganisation: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(organisationSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			const id = createOrganisation(project.id, parsed.data);
			audit(user, 'organisation.create', { type: 'organisation', id, projectId: project.id }, parsed.data);
			return { done: 'organisation' };
		} catch (error) {
			if (error instanceof DuplicateNameError)
				return formError({ name: 'error_organisation_exists' }, { name: parsed.data.name }, 400);
			throw error;
		}
	},
	addPair: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(pairSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			const id = createPair(project.id, {
				municipalityOrgId: parsed.data.municipality_org_id,
				associationOrgId: parsed.data.association_org_id,
				theme: declaredSpelling(project.id, 'theme', parsed.data.theme),
				area: declaredSpelling(project.id, 'area', parsed.data.area)
			});
			audit(user, 'pair.create', { type: 'pair', id, projectId: project.id });
			redirect(303, localizeHref(`/projects/${project.id}/pairs/${id}`));
		} catch (error) {
			if (error instanceof PairInputError)
				return formError({ [`${error.field}_org_id`]: 'error_pick_organisation' }, { theme: parsed.data.theme, area: parsed.data.area });
			throw error;
		}
	}
};
