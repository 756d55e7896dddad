import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { createOrganisation, DuplicateNameError, listOrganisations } from '$lib/server/organisations';
import { actionCounts } from '$lib/server/meetings';
import { createPair, PairInputError } from '$lib/server/pairs';
import { pairQuery, projectOverview, selectPairs } from '$lib/server/project-view';
import { listTables, overdueAgreements } from '$lib/server/tables';
import { organisationSchema, pairSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	const overview = projectOverview(project.id, project.minGroupSize);
	const query = pairQuery(event.url.searchParams);
	return {
		project,
		canManage: access !== 'coordinator',
		organisations: listOrganisations(project.id),
		query,
		...selectPairs(overview.pairs, query),
		pairCount: overview.pairs.length,
		rounds: overview.rounds,
		stepCounts: overview.stepCounts,
		traitMeans: overview.traitMeans,
		actions: Object.fromEntries(actionCounts(project.id)),
		tableCount: listTables(project.id).length,
		overdueAgreements: overdueAgreements(project.id, new Date().toISOString().slice(0, 10))
	};
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
				theme: parsed.data.theme,
				area: parsed.data.area
			});
			audit(user, 'pair.create', { type: 'pair', id, projectId: project.id });
			redirect(303, localizeHref(`/projects/${project.id}/pairs/${id}`));
		} catch (error) {
			if (error instanceof PairInputError)
				return formError({ [`${error.field}_org_id`]: 'error_pick_organisation' });
			throw error;
		}
	}
};
