import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { formError, parseForm } from '$lib/server/forms';
import { requireGroup } from '$lib/server/group-access';
import { latestSteps, mapGrowth } from '$lib/server/group-view';
import { actorSchema, actorState, agendaSchema, growthDays, inviteSchema, pairInviteSchema } from '$lib/server/map-form';
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
	saveActor
} from '$lib/server/partnership-map';
import { addAgendaItem, getTable, listTables } from '$lib/server/tables';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, group, access } = requireGroup(event);
	const actors = listActors(group.id);
	const days = changeDays(group.id);
	const between = growthDays(event.url.searchParams, days);
	const editId = Number(event.url.searchParams.get('edit'));
	const editing = access !== 'coordinator' && Number.isSafeInteger(editId) && editId > 0 ? (getActor(group.id, editId) ?? null) : null;
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
		editing,
		today: new Date().toISOString().slice(0, 10)
	};
};

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
				return formError({ [e.field]: e.field === 'effective_on' ? 'error_map_date' : 'error_pick_from_list' }, values, 400);
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
			return { pairCreated: { id: pairId, name: plan.actor.name, partner: plan.partner.name } };
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
		const wanted = listActors(group.id).filter((a) => a.relation === 'invite');
		if (!table || wanted.length === 0) return formError({ table_id: 'error_pick_from_list' }, {}, 400);
		const id = addAgendaItem(table.id, {
			source: 'map',
			sender: group.name,
			text: m.map_agenda_text({ group: group.name, names: wanted.map((a) => a.name).join(', ') })
		});
		audit(user, 'agenda_item.create', { type: 'agenda_item', id, projectId: project.id }, { tableId: table.id, from: 'map' });
		return { invited: m.map_to_agenda_done({ table: table.name }) };
	}
};
