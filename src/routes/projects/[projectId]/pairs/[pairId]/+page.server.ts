import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePair } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { deletePair, updatePair } from '$lib/server/pairs';
import { declaredNames, declaredSpelling } from '$lib/server/partnership-map';
import { isOpen, listRounds, openRound, responseCounts, RoundAlreadyOpenError } from '$lib/server/rounds';
import { listTables, pairTables } from '$lib/server/tables';
import { pairGroupSchema, roundSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, pair, access, user } = requirePair(event);
	return {
		project: { id: project.id, name: project.name, minGroupSize: project.minGroupSize },
		pair,
		canManage: access !== 'coordinator',
		canErase: user.isAdmin,
		...declaredNames(project.id),
		tables: ((seated) => listTables(project.id).filter((t) => seated.has(t.id)))(new Set(pairTables(pair.id).map((t) => t.id))),
		rounds: listRounds(pair.id).map((r) => ({ ...r, open: isOpen(r), counts: responseCounts(r.id) }))
	};
};

export const actions: Actions = {
	setGroups: async (event) => {
		const { user, project, pair } = requirePair(event, 'manage');
		const parsed = parseForm(pairGroupSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		// A typed declared name is stored in its declared spelling, so the pair shows under that group.
		const theme = declaredSpelling(project.id, 'theme', parsed.data.theme);
		const area = declaredSpelling(project.id, 'area', parsed.data.area);
		updatePair(project.id, pair.id, { theme, area });
		audit(user, 'pair.update', { type: 'pair', id: pair.id, projectId: project.id }, { theme, area, was: { theme: pair.theme, area: pair.area } });
		return { done: 'groups' };
	},
	openRound: async (event) => {
		const { user, project, pair } = requirePair(event, 'manage');
		const parsed = parseForm(roundSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		try {
			// A round closes at the end of its last day, Finnish time.
			const closesAt = parsed.data.closes_on ? new Date(`${parsed.data.closes_on}T23:59:59+02:00`).toISOString() : null;
			const id = openRound(pair.id, { closesAt, asksRole: parsed.data.asks_role === 'on', openResults: parsed.data.open_results === 'on' });
			audit(user, 'round.open', { type: 'round', id, projectId: project.id }, { pairId: pair.id, minGroupSize: project.minGroupSize, openResults: parsed.data.open_results === 'on' });
			redirect(303, localizeHref(`/projects/${project.id}/pairs/${pair.id}/rounds/${id}`));
		} catch (error) {
			if (error instanceof RoundAlreadyOpenError) return formError({ form: 'error_round_already_open' }, {}, 409);
			throw error;
		}
	},
	erase: async (event) => {
		const { user, project, pair } = requirePair(event, 'manage');
		if (!user.isAdmin) return formError({ form: 'error_not_found' }, {}, 404);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') return formError({ confirm: 'error_confirm_erase' }, {}, 400);
		deletePair(project.id, pair.id);
		audit(user, 'pair.erase', { type: 'pair', id: pair.id, projectId: project.id }, {
			municipality: pair.municipality.name,
			association: pair.association.name
		});
		redirect(303, localizeHref(`/projects/${project.id}`));
	}
};
