import { m } from '$lib/paraglide/messages';
import type { MapRelation, MapResource } from './map/kinds.ts';

/** The map's kinds in the reader's language. */
const relations: Record<MapRelation, () => string> = {
	table: m.map_relation_table,
	pair: m.map_relation_pair,
	earlier: m.map_relation_earlier,
	invite: m.map_relation_invite,
	none: m.map_relation_none
};
export const relationName = (relation: MapRelation) => relations[relation]();

const resources: Record<MapResource, () => string> = {
	public_money: m.map_resource_public_money,
	private_money: m.map_resource_private_money,
	volunteer_work: m.map_resource_volunteer_work,
	expertise: m.map_resource_expertise,
	local_knowledge: m.map_resource_local_knowledge,
	premises: m.map_resource_premises,
	contacts: m.map_resource_contacts,
	reach: m.map_resource_reach
};
export const resourceName = (resource: MapResource) => resources[resource]();
