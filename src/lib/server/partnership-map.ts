import { MAP_RELATIONS, MAP_RESOURCES, MAP_SECTORS, sectorSide, type MapRelation, type MapResource, type MapSector, type PairSide } from '../map/kinds.ts';
import { createOrganisation, getOrganisation, type Organisation } from './organisations.ts';
import { createPair, listPairs, pairGroupValues, pairIdsWith, type Pair } from './pairs.ts';
import { addAgendaItem, replaceMapAgendaItem, setMember } from './tables.ts';
import { prepared, writeTransaction } from './db.ts';

/** Themes and areas declared for a project, and the partnership map of each (its actors and their dated history). */

export const GROUP_KINDS = ['theme', 'area'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface Group {
	id: number;
	projectId: number;
	kind: GroupKind;
	name: string;
}

/** An actor as it stands after a change. */
export interface ActorState {
	name: string;
	sector: MapSector;
	resources: MapResource[];
	relation: MapRelation;
	/** The assessed pair it is in, when relation is 'pair'. */
	pairId: number | null;
	/** The partnership table it sits at, when relation is 'table'. */
	tableId?: number | null;
	/** The project's organisation it is, if any. */
	organisationId: number | null;
	note: string;
}

export interface Actor extends ActorState {
	id: number;
	/** The day of its latest change. */
	since: string;
}

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

// ─── Groups ─────────────────────────────────────────────────────────────────────────────────

const groupColumns = 'id, project_id AS projectId, kind, name';
const listGroupsSql = () => prepared(`SELECT ${groupColumns} FROM project_groups WHERE project_id = ? ORDER BY kind DESC, name`);
const getGroupSql = () => prepared(`SELECT ${groupColumns} FROM project_groups WHERE id = ? AND project_id = ?`);
const insertGroupSql = () => prepared('INSERT INTO project_groups (project_id, kind, name) VALUES (?, ?, ?)');

export function listGroups(projectId: number): Group[] {
	return (listGroupsSql().all(projectId) as Group[]).sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'fi') : a.kind === 'theme' ? -1 : 1));
}

/** The names of the project's declared themes and areas, as a pair's form offers them. */
export function declaredNames(projectId: number): { themes: string[]; areas: string[] } {
	const groups = listGroups(projectId);
	return { themes: groups.filter((g) => g.kind === 'theme').map((g) => g.name), areas: groups.filter((g) => g.kind === 'area').map((g) => g.name) };
}

/** A group of this project; another project's id gives undefined. */
export function getGroup(projectId: number, id: number): Group | undefined {
	return getGroupSql().get(id, projectId) as Group | undefined;
}

export class DuplicateGroupError extends Error {}

export function declareGroup(projectId: number, kind: GroupKind, name: string): number {
	const clean = name.trim().replace(/\s+/g, ' ');
	if (listGroups(projectId).some((g) => g.kind === kind && normal(g.name) === normal(clean))) throw new DuplicateGroupError();
	return Number(insertGroupSql().run(projectId, kind, clean).lastInsertRowid);
}

/**
 * A pair's theme or area as it is stored: the declared spelling where the text names a declared
 * group (case and spacing aside), so a pair chosen for a group shows under it; a new value as written.
 */
export function declaredSpelling(projectId: number, kind: GroupKind, value: string): string {
	const clean = value.trim().replace(/\s+/g, ' ');
	return listGroups(projectId).find((g) => g.kind === kind && normal(g.name) === normal(clean))?.name ?? clean;
}

/** A table's (or any record's) theme and area in their declared spelling, the rest as given. */
export function withDeclaredSpelling<T extends { theme: string; area: string }>(projectId: number, input: T): T {
	return { ...input, theme: declaredSpelling(projectId, 'theme', input.theme), area: declaredSpelling(projectId, 'area', input.area) };
}

/** Whether a pair's theme (or area) is the group's name, case and spacing aside. */
function inGroup(group: Group): (pair: { theme: string; area: string }) => boolean {
	const name = normal(group.name);
	return (p) => normal(group.kind === 'theme' ? p.theme : p.area) === name;
}

/** The group's pairs. */
export function groupPairs(group: Group, pairs: readonly Pair[] = listPairs(group.projectId)): Pair[] {
	return pairs.filter(inGroup(group));
}

/** The ids of the group's pairs: the distinct values written are compared, then their pairs read by id only (a theme may hold every pair of a big project). */
export function groupPairIds(group: Group): number[] {
	const name = normal(group.name);
	const values = pairGroupValues(group.projectId, group.kind).filter((v) => normal(v.value) === name);
	return pairIdsWith(group.projectId, group.kind, values.map((v) => v.value));
}

/** Every theme and area of a project: the declared ones and the free-text values nobody has declared, with their pair counts. */
export function groupIndex(projectId: number): {
	declared: (Group & { pairs: number; actors: number })[];
	undeclared: { kind: GroupKind; name: string; pairs: number }[];
} {
	const values = Object.fromEntries(GROUP_KINDS.map((kind) => [kind, pairGroupValues(projectId, kind)])) as Record<GroupKind, { value: string; pairs: number }[]>;
	const groups = listGroups(projectId);
	const actorCounts = new Map(
		(countActorsSql().all(projectId) as { groupId: number; n: number }[]).map((r) => [r.groupId, r.n])
	);
	const undeclared = new Map<string, { kind: GroupKind; name: string; pairs: number }>();
	for (const kind of GROUP_KINDS)
		for (const { value: written, pairs } of values[kind]) {
			const value = written.trim();
			if (!value || groups.some((g) => g.kind === kind && normal(g.name) === normal(value))) continue;
			const key = `${kind}:${normal(value)}`;
			const seen = undeclared.get(key) ?? { kind, name: value, pairs: 0 };
			seen.pairs += pairs;
			undeclared.set(key, seen);
		}
	const count = (g: Group) => values[g.kind].filter((v) => normal(v.value) === normal(g.name)).reduce((n, v) => n + v.pairs, 0);
	return {
		declared: groups.map((g) => ({ ...g, pairs: count(g), actors: actorCounts.get(g.id) ?? 0 })),
		undeclared: [...undeclared.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'fi') : a.kind === 'theme' ? -1 : 1))
	};
}

const countActorsSql = () => prepared(
	'SELECT a.group_id AS groupId, count(*) AS n FROM map_actors a JOIN project_groups g ON g.id = a.group_id WHERE g.project_id = ? GROUP BY a.group_id'
);

// ─── Actors and their history ───────────────────────────────────────────────────────────────

const actorColumns = `a.id, a.name, a.sector, a.resources, a.relation, a.pair_id AS pairId, a.table_id AS tableId, a.organisation_id AS organisationId, a.note,
	(SELECT max(c.effective_on) FROM map_changes c WHERE c.actor_id = a.id) AS since`;
const listActorsSql = () => prepared(`SELECT ${actorColumns} FROM map_actors a WHERE a.group_id = ? ORDER BY a.name, a.id`);
const getActorSql = () => prepared(`SELECT ${actorColumns} FROM map_actors a WHERE a.id = ? AND a.group_id = ?`);
const insertActorSql = () => prepared(
	'INSERT INTO map_actors (group_id, name, sector, resources, relation, pair_id, table_id, organisation_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
);
const updateActorSql = () => prepared(
	'UPDATE map_actors SET name = ?, sector = ?, resources = ?, relation = ?, pair_id = ?, table_id = ?, organisation_id = ?, note = ? WHERE id = ? AND group_id = ?'
);
const insertChangeSql = () => prepared('INSERT INTO map_changes (actor_id, effective_on, state, user_id) VALUES (?, ?, ?, ?)');
const changesSql = () => prepared(
	`SELECT c.actor_id AS actorId, c.effective_on AS effectiveOn, c.state FROM map_changes c JOIN map_actors a ON a.id = c.actor_id
	 WHERE a.group_id = ? ORDER BY c.effective_on, c.id`
);

type ActorRow = Omit<Actor, 'resources'> & { resources: string };
const toActor = (row: ActorRow): Actor => ({ ...row, resources: JSON.parse(row.resources) as MapResource[] });

export function listActors(groupId: number): Actor[] {
	return (listActorsSql().all(groupId) as ActorRow[]).map(toActor);
}

export function getActor(groupId: number, id: number): Actor | undefined {
	const row = getActorSql().get(id, groupId) as ActorRow | undefined;
	return row && toActor(row);
}

/** Why a change was refused; each names the form field it is about. */
export class ActorInputError extends Error {
	constructor(readonly field: 'name' | 'pair_id' | 'table_id' | 'organisation_id' | 'effective_on') {
		super(field);
	}
}

const pairInProjectSql = () => prepared('SELECT 1 FROM pairs WHERE id = ? AND project_id = ?');
const tableInProjectSql = () => prepared('SELECT 1 FROM partnership_tables WHERE id = ? AND project_id = ?');
const organisationInProjectSql = () => prepared('SELECT 1 FROM organisations WHERE id = ? AND project_id = ?');

/** A state as stored: a pair, a table and an organisation only of the group's project, resources in their fixed order without repeats. */
function checkedState(group: Group, state: ActorState): ActorState {
	if (!MAP_SECTORS.includes(state.sector) || !MAP_RELATIONS.includes(state.relation)) throw new Error('Unknown sector or relation');
	const pairId = state.relation === 'pair' ? state.pairId : null;
	if (state.relation === 'pair' && (pairId === null || !pairInProjectSql().get(pairId, group.projectId))) throw new ActorInputError('pair_id');
	const tableId = state.relation === 'table' ? (state.tableId ?? null) : null;
	if (state.relation === 'table' && (tableId === null || !tableInProjectSql().get(tableId, group.projectId))) throw new ActorInputError('table_id');
	if (state.organisationId !== null && !organisationInProjectSql().get(state.organisationId, group.projectId))
		throw new ActorInputError('organisation_id');
	return {
		name: state.name.trim(),
		sector: state.sector,
		resources: MAP_RESOURCES.filter((r) => state.resources.includes(r)),
		relation: state.relation,
		pairId,
		tableId,
		organisationId: state.organisationId,
		note: state.note.trim()
	};
}

/**
 * Adds an actor to the map, or records a change of one, dated `effectiveOn` (the day it
 * happened, not after today and not before the actor's last change): the present row and the
 * history entry are written together.
 */
export function saveActor(
	group: Group,
	actorId: number | null,
	input: ActorState,
	effectiveOn: string,
	userId: number | null,
	today = new Date().toISOString().slice(0, 10)
): number {
	return writeTransaction(() => {
		const state = checkedState(group, input);
		if (effectiveOn > today) throw new ActorInputError('effective_on');
		// One actor, one place on the map: a second entry of the same name would split its history.
		if (listActors(group.id).some((a) => a.id !== actorId && normal(a.name) === normal(state.name))) throw new ActorInputError('name');
		const values = [state.name, state.sector, JSON.stringify(state.resources), state.relation, state.pairId, state.tableId, state.organisationId, state.note];
		let id: number;
		if (actorId === null) {
			id = Number(insertActorSql().run(group.id, ...values).lastInsertRowid);
		} else {
			const existing = getActor(group.id, actorId);
			if (!existing) throw new Error('No such actor on this map');
			if (effectiveOn < existing.since) throw new ActorInputError('effective_on');
			updateActorSql().run(...values, actorId, group.id);
			id = actorId;
		}
		insertChangeSql().run(id, effectiveOn, JSON.stringify(state), userId);
		return id;
	});
}

const deleteActorSql = () => prepared('DELETE FROM map_actors WHERE id = ? AND group_id = ?');

/**
 * Removes an actor entered by mistake (a typo, a duplicate), with its history: the map then
 * reads as if it had never been there. An actor that left is not removed but marked "not
 * involved" or "took part earlier", so that its history stays. Returns whether it was removed.
 */
export function removeActor(group: Group, actorId: number): boolean {
	return writeTransaction(() => deleteActorSql().run(actorId, group.id).changes > 0);
}

/**
 * Puts the map's "who we still need" on a table's coming agenda: one item per map, so sending
 * it again brings the item not yet taken up by a meeting up to date instead of adding another.
 * Null when nobody is to be invited.
 */
export function sendWantedToAgenda(group: Group, tableId: number, text: (names: string[]) => string): { replaced: boolean } | null {
	const names = listActors(group.id)
		.filter((a) => a.relation === 'invite')
		.map((a) => a.name);
	if (names.length === 0) return null;
	return writeTransaction(() => {
		const replaced = replaceMapAgendaItem(tableId, group.name, text(names));
		if (!replaced) addAgendaItem(tableId, { source: 'map', sender: group.name, text: text(names) });
		return { replaced };
	});
}

/** The map as it stood at the end of a day: each actor's latest state dated on or before it. */
export function mapOn(groupId: number, day: string): (ActorState & { id: number })[] {
	const states = new Map<number, ActorState>();
	for (const change of changesSql().all(groupId) as { actorId: number; effectiveOn: string; state: string }[])
		if (change.effectiveOn <= day) states.set(change.actorId, JSON.parse(change.state) as ActorState);
	return [...states.entries()].map(([id, state]) => ({ id, ...state }));
}

/** The days on which the map changed, oldest first. */
export function changeDays(groupId: number): string[] {
	return [...new Set((changesSql().all(groupId) as { effectiveOn: string }[]).map((c) => c.effectiveOn))];
}

/** The project's organisation an actor is, or the one of the same name; null when inviting would add it. */
function knownOrganisation(group: Group, actor: Actor): number | null {
	return actor.organisationId ?? (organisationByNameSql().get(group.projectId, actor.name) as { id: number } | undefined)?.id ?? null;
}

/** The actor as an organisation of the project: known already, or added now with its sector as its kind. */
function actorOrganisation(group: Group, actor: Actor): number {
	return knownOrganisation(group, actor) ?? createOrganisation(group.projectId, { name: actor.name, kind: actor.sector });
}

/**
 * Invites an actor to a partnership table in one step: the actor becomes an organisation of
 * the project if it is not one yet (or is matched to the one of the same name), joins the
 * table as a member, and the map records that it sits at the table, dated today.
 */
export function inviteToTable(group: Group, actorId: number, tableId: number, userId: number | null, today = new Date().toISOString().slice(0, 10)): number {
	return writeTransaction(() => {
		const actor = getActor(group.id, actorId);
		if (!actor) throw new Error('No such actor on this map');
		if (!tableInProjectSql().get(tableId, group.projectId)) throw new ActorInputError('table_id');
		const organisationId = actorOrganisation(group, actor);
		setMember(tableId, organisationId, '');
		saveActor(group, actorId, { ...actor, relation: 'table', tableId, pairId: null, organisationId }, today, userId, today);
		return organisationId;
	});
}

const organisationByNameSql = () => prepared('SELECT id FROM organisations WHERE project_id = ? AND name = ? COLLATE NOCASE');

// ─── From the map to a pair ─────────────────────────────────────────────────────────────────

/** Why a pair invitation was refused; each reason is a message key. */
export class PairInviteError extends Error {
	constructor(readonly key: 'error_pair_partner' | 'error_pair_side' | 'error_pair_exists') {
		super(key);
	}
}

/** What inviting an actor into a pair will do, checked but not done: shown for confirmation, then done by inviteToPair. */
export interface PairInvitation {
	actor: Actor;
	/** The actor's organisation in the project, or null when inviting adds it. */
	organisationId: number | null;
	partner: Organisation;
	side: PairSide;
	theme: string;
	area: string;
}

const samePairSql = () => prepared(
	`SELECT 1 FROM pairs WHERE project_id = @project AND ((municipality_org_id = @a AND association_org_id = @b) OR (municipality_org_id = @b AND association_org_id = @a))`
);

/**
 * Checks an invitation into a pair: the partner is another organisation of the project, the
 * actor's side is its sector's or, where that does not say, the one chosen, and the two are not
 * a pair already. The pair's theme (or area) is the group's.
 */
export function planPairInvitation(group: Group, actorId: number, partnerId: number, chosenSide: PairSide | null): PairInvitation {
	const actor = getActor(group.id, actorId);
	if (!actor) throw new Error('No such actor on this map');
	const organisationId = knownOrganisation(group, actor);
	const partner = getOrganisation(group.projectId, partnerId);
	if (!partner || partner.id === organisationId) throw new PairInviteError('error_pair_partner');
	const side = sectorSide(actor.sector) ?? chosenSide;
	if (!side) throw new PairInviteError('error_pair_side');
	if (organisationId !== null && samePairSql().get({ project: group.projectId, a: organisationId, b: partner.id })) throw new PairInviteError('error_pair_exists');
	return { actor, organisationId, partner, side, theme: group.kind === 'theme' ? group.name : '', area: group.kind === 'area' ? group.name : '' };
}

/**
 * Invites an actor into a pair in one step: the actor becomes an organisation of the project if
 * it is not one yet, the pair is created with it on its side and the group's theme or area, and
 * the map records that it is in the pair, dated today. Returns the new pair's id.
 */
export function inviteToPair(
	group: Group,
	actorId: number,
	partnerId: number,
	chosenSide: PairSide | null,
	userId: number | null,
	today = new Date().toISOString().slice(0, 10)
): number {
	return writeTransaction(() => {
		const plan = planPairInvitation(group, actorId, partnerId, chosenSide);
		const organisationId = actorOrganisation(group, plan.actor);
		const [municipalityOrgId, associationOrgId] = plan.side === 'municipality' ? [organisationId, plan.partner.id] : [plan.partner.id, organisationId];
		const pairId = createPair(group.projectId, { municipalityOrgId, associationOrgId, theme: plan.theme, area: plan.area });
		saveActor(group, actorId, { ...plan.actor, relation: 'pair', pairId, tableId: null, organisationId }, today, userId, today);
		return pairId;
	});
}
