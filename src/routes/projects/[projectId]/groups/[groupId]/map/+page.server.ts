import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { requireGroup } from '$lib/server/group-access';
import { latestSteps, mapGrowth } from '$lib/server/group-view';
import { actorSchema, actorState, agendaSchema, growthDays, inviteSchema, pairInviteSchema, removeSchema } from '$lib/server/map-form';
import { listOrganisations } from '$lib/server/organisations';
import { listPairs } from '$lib/server/pairs';
import {
	ActorInputError,
	changeDays,
	getActor,
	inviteToPair,
	inviteToTable,
	listActors,
	PairInviteError,
	planPairInvitation,
	removeActor,
	saveActor,
	sendWantedToAgenda
} from '$lib/server/partnership-map';
import { getTable, listTables } from '$lib/server/tables';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, group, access } = requireGroup(event);
	const actors = listActors(group.id);
	const days = changeDays(group.id);
	const between = growthDays(event.url.searchParams, days);
	const editId = Number(event.url.searchParams.get('edit'));
	const actor = access !== 'coordinator' && Number.isSafeInteger(editId) && editId > 0 ? getActor(group.id, editId) : undefined;
	return {
		project,
		group,
		canManage: access !== 'coordinator',
		actors,
		steps: latestSteps(actors.flatMap((a) => (a.pairId === null ? [] : [a.pairId]))),
		pairs: listPairs(project.id).map((p) => ({ id: p.id, name: `${p.municipality.name} – ${p.association.name}` })),
		organisations: listOrganisations(project.id).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
		// Tables of the same theme or area first: the likeliest to invite to.
		tables: listTables(project.id)
			.map((t) => ({ id: t.id, name: t.name, here: [t.theme, t.area].some((v) => v.trim().toLocaleLowerCase('fi') === group.name.toLocaleLowerCase('fi')) }))
			.sort((a, b) => Number(b.here) - Number(a.here)),
		days,
		between,
		growth: between ? mapGrowth(group, between.from, between.to) : null,
		editing: actor ? { name: actor.name, values: actorValues(actor) } : null,
		today: new Date().toISOString().slice(0, 10)
	};
};

/** The edit form's fields for an actor as it stands. */
function actorValues(a: NonNullable<ReturnType<typeof getActor>>): Record<string, string> {
	return {
		actor_id: String(a.id),
		name: a.name,
		sector: a.sector,
		relation: a.relation,
		pair_id: a.pairId === null ? '' : String(a.pairId),
		table_id: a.tableId == null ? '' : String(a.tableId),
		organisation_id: a.organisationId === null ? '' : String(a.organisationId),
		note: a.note,
		effective_on: new Date().toISOString().slice(0, 10),
		...Object.fromEntries(a.resources.map((r) => [`resource_${r}`, 'on']))
	};
}

export const actions: Actions = {
	save: async (event) => {
		const { user, project, group } = requireGroup(event, 'manage');
		const parsed = parseForm(actorSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const actorId = parsed.data.actor_id;
		if (actorId !== null && !getActor(group.id, actorId)) error(404, 'Not found');
		try {
			const id = saveActor(group, actorId, actorState(parsed.data), parsed.data.effective_on, user.id);
			audit(user, actorId === null ? 'map_actor.create' : 'map_actor.update', { type: 'map_actor', id, projectId: project.id }, { groupId: group.id });
			return { saved: parsed.data.name };
		} catch (e) {
			if (e instanceof ActorInputError) {
				const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
				const key = e.field === 'effective_on' ? 'error_map_date' : e.field === 'name' ? 'error_map_duplicate' : 'error_pick_from_list';
				return formError({ [e.field]: key }, values, 400);
			}
			throw e;
		}
	},
	invite: async (event) => {
		const { user, project, group } = requireGroup(event, 'manage');
		const parsed = parseForm(inviteSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const actor = getActor(group.id, parsed.data.actor_id!);
		const table = getTable(project.id, parsed.data.table_id!);
		if (!actor || !table) return formError({ table_id: 'error_pick_from_list' }, {}, 400);
		const organisationId = inviteToTable(group, actor.id, table.id, user.id);
		audit(user, 'map_actor.invite', { type: 'map_actor', id: actor.id, projectId: project.id }, { tableId: table.id, organisationId });
		return { invited: m.map_invited({ name: actor.name, table: table.name }) };
	},
	/** Asks first (what will be created and changed), then with confirm=yes creates the pair. */
	invitePair: async (event) => {
		const { user, project, group } = requireGroup(event, 'manage');
		const parsed = parseForm(pairInviteSchema, await event.request.formData());
		// One such form per actor in a list: a refusal is said at the top of the page, next to the confirmation.
		if (!parsed.ok) return formError({ form: Object.values(parsed.failure.data.errors)[0] ?? 'error_invalid' }, {}, 400);
		const { actor_id, partner_id, side, confirm } = parsed.data;
		if (!getActor(group.id, actor_id!)) return formError({ form: 'error_pick_from_list' }, {}, 400);
		try {
			if (!confirm) {
				const plan = planPairInvitation(group, actor_id!, partner_id!, side);
				return {
					askPair: {
						actorId: plan.actor.id,
						name: plan.actor.name,
						joins: plan.organisationId === null,
						partnerId: plan.partner.id,
						partner: plan.partner.name,
						side: plan.side,
						theme: plan.theme,
						area: plan.area
					}
				};
			}
			const plan = planPairInvitation(group, actor_id!, partner_id!, side);
			const pairId = inviteToPair(group, actor_id!, partner_id!, side, user.id);
			audit(user, 'map_actor.invite_pair', { type: 'map_actor', id: actor_id!, projectId: project.id }, { pairId });
			const [municipality, association] = plan.side === 'municipality' ? [plan.actor.name, plan.partner.name] : [plan.partner.name, plan.actor.name];
			return { pairCreated: { id: pairId, municipality, association } };
		} catch (e) {
			if (e instanceof PairInviteError) return formError({ form: e.key }, {}, 400);
			throw e;
		}
	},
	agenda: async (event) => {
		const { user, project, group } = requireGroup(event, 'manage');
		const parsed = parseForm(agendaSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const table = getTable(project.id, parsed.data.table_id!);
		if (!table) return formError({ table_id: 'error_pick_from_list' }, {}, 400);
		const sent = sendWantedToAgenda(group, table.id, (names) => m.map_agenda_text({ group: group.name, names: names.join(', ') }));
		if (!sent) return formError({ table_id: 'error_pick_from_list' }, {}, 400);
		audit(user, sent.replaced ? 'agenda_item.update' : 'agenda_item.create', { type: 'partnership_table', id: table.id, projectId: project.id }, { from: 'map', groupId: group.id });
		return { invited: sent.replaced ? m.map_to_agenda_updated({ table: table.name }) : m.map_to_agenda_done({ table: table.name }) };
	},
	/** Removes an actor entered by mistake, with its history, once the removal is confirmed. */
	remove: async (event) => {
		const { user, project, group } = requireGroup(event, 'manage');
		const form = await event.request.formData();
		const actor = getActor(group.id, Number(form.get('actor_id')));
		if (!actor) error(404, 'Not found');
		const parsed = parseForm(removeSchema, form);
		// Without the confirmation the actor stays in the form as it stands, so the box can be ticked.
		if (!parsed.ok) return formError(parsed.failure.data.errors, actorValues(actor), 400);
		removeActor(group, actor.id);
		audit(user, 'map_actor.delete', { type: 'map_actor', id: actor.id, projectId: project.id }, { groupId: group.id, name: actor.name });
		return { removed: actor.name };
	}
};
