import { z } from 'zod';
import { MAP_RELATIONS, MAP_RESOURCES, MAP_SECTORS, PAIR_SIDES, type PairSide } from '../map/kinds.ts';
import { GROUP_KINDS, type ActorState } from './partnership-map.ts';
import { calendarDate } from './validation.ts';

/** Form schemas of the theme and area pages and the partnership map. Messages are message keys (see forms.ts). */

const optionalId = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || /^[1-9][0-9]{0,15}$/.test(v), 'error_invalid')
	.transform((v) => (v === '' ? null : Number(v)));

// A day on the calendar: 2026-02-30 would be stored as written and break the map's history.
const day = calendarDate;

export const groupSchema = z.object({
	kind: z.enum(GROUP_KINDS, { message: 'error_required' }),
	name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long')
});

/** One actor of the map; each resource is a checkbox of its own, `resource_<id>`. */
export const actorSchema = z
	.object({
		actor_id: optionalId,
		name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
		sector: z.enum(MAP_SECTORS, { message: 'error_required' }),
		relation: z.enum(MAP_RELATIONS, { message: 'error_required' }),
		pair_id: optionalId,
		table_id: optionalId,
		organisation_id: optionalId,
		note: z.string().trim().max(1000, 'error_too_long').default(''),
		effective_on: day,
		...Object.fromEntries(MAP_RESOURCES.map((r) => [`resource_${r}`, z.literal('on').optional()]))
	})
	.refine((v) => v.relation !== 'pair' || v.pair_id !== null, { message: 'error_map_pair', path: ['pair_id'] })
	.refine((v) => v.relation !== 'table' || v.table_id !== null, { message: 'error_map_table', path: ['table_id'] });

/** "Invite to a table" from the map: the actor and the table. */
export const inviteSchema = z.object({ actor_id: optionalId.refine((v) => v !== null, 'error_invalid'), table_id: optionalId.refine((v) => v !== null, 'error_map_table') });

/** "Invite to a pair" from the map: the actor, the organisation on the other side, the actor's side where its sector does not say, and the confirmation. */
export const pairInviteSchema = z.object({
	actor_id: optionalId.refine((v) => v !== null, 'error_invalid'),
	partner_id: optionalId.refine((v) => v !== null, 'error_pair_partner'),
	side: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || (PAIR_SIDES as readonly string[]).includes(v), 'error_pair_side')
		.transform((v) => (v === '' ? null : (v as PairSide))),
	confirm: z.literal('yes').optional()
});

/** Removing an actor entered by mistake: the actor and a ticked confirmation. */
export const removeSchema = z.object({
	actor_id: optionalId.refine((v) => v !== null, 'error_invalid'),
	confirm: z.literal('yes', { message: 'error_map_remove_confirm' })
});

/** "Who we still need" onto a table's agenda. */
export const agendaSchema = z.object({ table_id: optionalId.refine((v) => v !== null, 'error_map_table') });

export function actorState(data: z.infer<typeof actorSchema>): ActorState {
	const form = data as Record<string, unknown>;
	return {
		name: data.name,
		sector: data.sector,
		relation: data.relation,
		pairId: data.pair_id,
		tableId: data.table_id,
		organisationId: data.organisation_id,
		note: data.note,
		resources: MAP_RESOURCES.filter((r) => form[`resource_${r}`] === 'on')
	};
}

/** The two days a map's growth is shown between: valid days from the query, or the first and last change. */
export function growthDays(params: URLSearchParams, days: readonly string[]): { from: string; to: string } | null {
	if (days.length === 0) return null;
	const valid = (v: string | null) => (v && day.safeParse(v).success ? v : null);
	let from = valid(params.get('from')) ?? days[0];
	let to = valid(params.get('to')) ?? days.at(-1)!;
	if (from > to) [from, to] = [to, from];
	return { from, to };
}
