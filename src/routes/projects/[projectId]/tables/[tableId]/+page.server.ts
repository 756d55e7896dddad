import { requireTable } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { listMeetings } from '$lib/server/meetings';
import { getOrganisation, listOrganisations } from '$lib/server/organisations';
import { getPair, listPairs } from '$lib/server/pairs';
import { declaredNames, withDeclaredSpelling } from '$lib/server/partnership-map';
import { decideSchema, goalSchema, itemSchema, memberSchema, orgIdSchema, pairIdSchema, tableSettingsSchema } from '$lib/server/table-form';
import {
	addAgendaItem, addTablePair, closeTableLink, decideAgendaItem, goalHistory, listAgreements, listInstruments, listMembers, listTablePairs,
	pendingAgendaItems, removeMember, removeTablePair, replaceTableLink, setGoal, setMember, updateTable
} from '$lib/server/tables';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, table, access } = requireTable(event);
	const canManage = access !== 'coordinator';
	return {
		project: { id: project.id, name: project.name },
		table: { ...table, linkToken: canManage ? table.linkToken : null },
		canManage,
		goals: goalHistory(table.id),
		members: listMembers(table.id),
		pairs: listTablePairs(table.id),
		meetings: listMeetings(table.id),
		items: pendingAgendaItems(table.id),
		agreements: listAgreements(project.id).filter((a) => a.tableId === table.id),
		instruments: listInstruments(project.id).filter((i) => i.tableId === table.id),
		organisations: canManage ? listOrganisations(project.id) : [],
		...(canManage ? declaredNames(project.id) : { themes: [], areas: [] }),
		projectPairs: canManage ? listPairs(project.id).map((p) => ({ id: p.id, name: `${p.municipality.name} – ${p.association.name}` })) : [],
		origin: event.url.origin
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(tableSettingsSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { convener, ...rest } = parsed.data;
		if (convener !== null && !listMembers(table.id).some((m) => m.orgId === convener)) return formError({ convener: 'error_pick_member' });
		updateTable(project.id, table.id, { ...withDeclaredSpelling(project.id, rest), convenerOrgId: convener });
		audit(user, 'table.update', { type: 'table', id: table.id, projectId: project.id });
		return { done: 'settings' };
	},
	goal: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(goalSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (setGoal(table.id, parsed.data.goal, user.id)) audit(user, 'table.goal', { type: 'table', id: table.id, projectId: project.id });
		return { done: 'goal' };
	},
	member: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(memberSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!getOrganisation(project.id, parsed.data.org_id)) return formError({ org_id: 'error_pick_organisation' });
		setMember(table.id, parsed.data.org_id, parsed.data.people);
		audit(user, 'table.member', { type: 'table', id: table.id, projectId: project.id }, { orgId: parsed.data.org_id });
		return { done: 'member' };
	},
	removeMember: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(orgIdSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		removeMember(table.id, parsed.data.org_id);
		audit(user, 'table.member_remove', { type: 'table', id: table.id, projectId: project.id }, { orgId: parsed.data.org_id });
		return { done: 'member' };
	},
	pair: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(pairIdSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!getPair(project.id, parsed.data.pair_id)) return formError({ pair_id: 'error_pick_pair' });
		addTablePair(table.id, parsed.data.pair_id);
		audit(user, 'table.pair', { type: 'table', id: table.id, projectId: project.id }, { pairId: parsed.data.pair_id });
		return { done: 'pair' };
	},
	removePair: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(pairIdSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		removeTablePair(table.id, parsed.data.pair_id);
		audit(user, 'table.pair_remove', { type: 'table', id: table.id, projectId: project.id }, { pairId: parsed.data.pair_id });
		return { done: 'pair' };
	},
	item: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(itemSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const id = addAgendaItem(table.id, { source: 'worker', text: parsed.data.text, sender: user.name });
		audit(user, 'agenda_item.create', { type: 'agenda_item', id, projectId: project.id }, { tableId: table.id });
		return { done: 'item' };
	},
	decide: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		const parsed = parseForm(decideSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!decideAgendaItem(table.id, parsed.data.item_id, parsed.data.decision === 'accept')) return formError({ form: 'error_not_found' }, {}, 404);
		audit(user, `agenda_item.${parsed.data.decision}`, { type: 'agenda_item', id: parsed.data.item_id, projectId: project.id });
		return { done: 'item' };
	},
	link: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		replaceTableLink(table.id);
		audit(user, 'table.link', { type: 'table', id: table.id, projectId: project.id });
		return { done: 'link' };
	},
	closeLink: async (event) => {
		const { user, project, table } = requireTable(event, 'manage');
		closeTableLink(table.id);
		audit(user, 'table.link_close', { type: 'table', id: table.id, projectId: project.id });
		return { done: 'link' };
	}
};
