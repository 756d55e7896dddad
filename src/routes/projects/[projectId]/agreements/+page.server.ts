import { requireProject } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { getPair, listPairs } from '$lib/server/pairs';
import { agreementSchema, deleteSchema, instrumentSchema } from '$lib/server/table-form';
import {
	addAgreement, addInstrument, deleteAgreement, deleteInstrument, getTable, listAgreements, listInstruments, listTables, type Owner
} from '$lib/server/tables';
import type { Actions, PageServerLoad } from './$types';

/** Agreements and instruments of the project's tables and pairs; an owner of another project is not there. */
const ownedHere = (projectId: number, owner: Owner) => ('tableId' in owner ? !!getTable(projectId, owner.tableId) : !!getPair(projectId, owner.pairId));

export const load: PageServerLoad = (event) => {
	const { project, access } = requireProject(event);
	return {
		project: { id: project.id, name: project.name },
		canManage: access !== 'coordinator',
		today: new Date().toISOString().slice(0, 10),
		agreements: listAgreements(project.id),
		instruments: listInstruments(project.id),
		owners: [
			...listTables(project.id).map((t) => ({ value: `table:${t.id}`, label: t.name })),
			...listPairs(project.id).map((p) => ({ value: `pair:${p.id}`, label: `${p.municipality.name} – ${p.association.name}` }))
		]
	};
};

export const actions: Actions = {
	agreement: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(agreementSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { owner, title, agreed_on, review_on, link } = parsed.data;
		if (!ownedHere(project.id, owner)) return formError({ owner: 'error_pick_owner' });
		const id = addAgreement(project.id, owner, { title, agreedOn: agreed_on, reviewOn: review_on, link });
		audit(user, 'agreement.create', { type: 'agreement', id, projectId: project.id }, owner);
		return { done: 'agreement' };
	},
	deleteAgreement: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(deleteSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!deleteAgreement(project.id, parsed.data.id)) return formError({ form: 'error_not_found' }, {}, 404);
		audit(user, 'agreement.delete', { type: 'agreement', id: parsed.data.id, projectId: project.id });
		return { done: 'agreement' };
	},
	instrument: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(instrumentSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!ownedHere(project.id, parsed.data.owner)) return formError({ owner: 'error_pick_owner' });
		const id = addInstrument(project.id, parsed.data.owner, { kind: parsed.data.kind, note: parsed.data.note });
		audit(user, 'instrument.create', { type: 'instrument', id, projectId: project.id }, { kind: parsed.data.kind });
		return { done: 'instrument' };
	},
	deleteInstrument: async (event) => {
		const { user, project } = requireProject(event, 'manage');
		const parsed = parseForm(deleteSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!deleteInstrument(project.id, parsed.data.id)) return formError({ form: 'error_not_found' }, {}, 404);
		audit(user, 'instrument.delete', { type: 'instrument', id: parsed.data.id, projectId: project.id });
		return { done: 'instrument' };
	}
};
