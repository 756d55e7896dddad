import { prepared, writeTransaction } from './db.ts';

import { nowIso, randomToken } from './tokens.ts';
import type { OrganisationKind } from './organisations.ts';

export interface PartnershipTable {
	id: number;
	projectId: number;
	name: string;
	theme: string;
	area: string;
	convenerOrgId: number | null;
	linkToken: string | null;
}

export interface TableMember {
	orgId: number;
	name: string;
	kind: OrganisationKind;
	people: string;
}

export interface TablePair {
	pairId: number;
	municipality: string;
	association: string;
}

export interface GoalVersion {
	id: number;
	goal: string;
	changedAt: string;
	changedBy: string | null;
}

const columns = 'id, project_id AS projectId, name, theme, area, convener_org_id AS convenerOrgId, link_token AS linkToken';

export function listTables(projectId: number): (PartnershipTable & { members: number; pairs: number; meetings: number; lastHeldOn: string | null })[] {
	return prepared(
		`SELECT ${columns},
		        (SELECT count(*) FROM table_members m WHERE m.table_id = t.id) AS members,
		        (SELECT count(*) FROM table_pairs p WHERE p.table_id = t.id) AS pairs,
		        (SELECT count(*) FROM table_meetings g WHERE g.table_id = t.id) AS meetings,
		        (SELECT max(held_on) FROM table_meetings g WHERE g.table_id = t.id) AS lastHeldOn
		 FROM partnership_tables t WHERE project_id = ? ORDER BY name COLLATE NOCASE, id`
	).all(projectId) as ReturnType<typeof listTables>;
}

/** A table of this project; another project's id gives undefined. */
export function getTable(projectId: number, id: number): PartnershipTable | undefined {
	return prepared(`SELECT ${columns} FROM partnership_tables WHERE id = ? AND project_id = ?`).get(id, projectId) as PartnershipTable | undefined;
}

export function getTableByLink(token: string): PartnershipTable | undefined {
	return prepared(`SELECT ${columns} FROM partnership_tables WHERE link_token = ?`).get(token) as PartnershipTable | undefined;
}

export function createTable(projectId: number, input: { name: string; theme: string; area: string; goal: string }, userId: number | null): number {
	return writeTransaction(() => {
		const id = Number(
			prepared('INSERT INTO partnership_tables (project_id, name, theme, area) VALUES (?, ?, ?, ?)').run(projectId, input.name, input.theme, input.area)
				.lastInsertRowid
		);
		if (input.goal) setGoal(id, input.goal, userId);
		return id;
	});
}

export function updateTable(projectId: number, id: number, input: { name: string; theme: string; area: string; convenerOrgId: number | null }): void {
	prepared('UPDATE partnership_tables SET name = ?, theme = ?, area = ?, convener_org_id = ? WHERE id = ? AND project_id = ?').run(
		input.name, input.theme, input.area, input.convenerOrgId, id, projectId
	);
}

/** Sets the convener: a member of the table (checked by the caller), or null. */
export function setConvener(tableId: number, orgId: number | null): void {
	prepared('UPDATE partnership_tables SET convener_org_id = ? WHERE id = ?').run(orgId, tableId);
}

/** Writes a new version of the goal; earlier versions stay as its history. An unchanged goal writes nothing. */
export function setGoal(tableId: number, goal: string, userId: number | null, now = Date.now()): boolean {
	if (currentGoal(tableId) === goal) return false;
	prepared('INSERT INTO table_goals (table_id, goal, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(tableId, goal, userId, nowIso(now));
	return true;
}

export function currentGoal(tableId: number): string {
	return (prepared('SELECT goal FROM table_goals WHERE table_id = ? ORDER BY id DESC LIMIT 1').pluck().get(tableId) as string | undefined) ?? '';
}

/** The goal's versions, newest first. */
export function goalHistory(tableId: number): GoalVersion[] {
	return prepared(
		`SELECT g.id, g.goal, g.changed_at AS changedAt, u.name AS changedBy FROM table_goals g LEFT JOIN users u ON u.id = g.changed_by
		 WHERE g.table_id = ? ORDER BY g.id DESC`
	).all(tableId) as GoalVersion[];
}

export function listMembers(tableId: number): TableMember[] {
	return prepared(
		`SELECT o.id AS orgId, o.name, o.kind, m.people FROM table_members m JOIN organisations o ON o.id = m.org_id
		 WHERE m.table_id = ? ORDER BY o.name COLLATE NOCASE`
	).all(tableId) as TableMember[];
}

/** Adds a member, or updates who attends for it. The organisation must be of the table's project (checked by the caller). */
export function setMember(tableId: number, orgId: number, people: string): void {
	prepared(
		'INSERT INTO table_members (table_id, org_id, people) VALUES (?, ?, ?) ON CONFLICT (table_id, org_id) DO UPDATE SET people = excluded.people'
	).run(tableId, orgId, people);
}

export function removeMember(tableId: number, orgId: number): void {
	writeTransaction(() => {
		prepared('DELETE FROM table_members WHERE table_id = ? AND org_id = ?').run(tableId, orgId);
		prepared('UPDATE partnership_tables SET convener_org_id = NULL WHERE id = ? AND convener_org_id = ?').run(tableId, orgId);
	});
}

export function listTablePairs(tableId: number): TablePair[] {
	return prepared(
		`SELECT p.id AS pairId, mo.name AS municipality, ao.name AS association FROM table_pairs tp JOIN pairs p ON p.id = tp.pair_id
		 JOIN organisations mo ON mo.id = p.municipality_org_id JOIN organisations ao ON ao.id = p.association_org_id
		 WHERE tp.table_id = ? ORDER BY mo.name COLLATE NOCASE, ao.name COLLATE NOCASE`
	).all(tableId) as TablePair[];
}

/** Seats a pair at the table; its two organisations become members if they are not yet. */
export function addTablePair(tableId: number, pairId: number): void {
	writeTransaction(() => {
		prepared('INSERT OR IGNORE INTO table_pairs (table_id, pair_id) VALUES (?, ?)').run(tableId, pairId);
		prepared(
			`INSERT OR IGNORE INTO table_members (table_id, org_id)
			 SELECT ?, municipality_org_id FROM pairs WHERE id = ? UNION ALL SELECT ?, association_org_id FROM pairs WHERE id = ?`
		).run(tableId, pairId, tableId, pairId);
	});
}

export function removeTablePair(tableId: number, pairId: number): void {
	prepared('DELETE FROM table_pairs WHERE table_id = ? AND pair_id = ?').run(tableId, pairId);
}

/** The tables a pair sits at. */
export function pairTables(pairId: number): PartnershipTable[] {
	return prepared(`SELECT ${columns} FROM partnership_tables WHERE id IN (SELECT table_id FROM table_pairs WHERE pair_id = ?) ORDER BY name COLLATE NOCASE`).all(
		pairId
	) as PartnershipTable[];
}

/** Makes a new table link; the old one stops working. */
export function replaceTableLink(tableId: number): string {
	const token = randomToken();
	prepared('UPDATE partnership_tables SET link_token = ? WHERE id = ?').run(token, tableId);
	return token;
}

export function closeTableLink(tableId: number): void {
	prepared('UPDATE partnership_tables SET link_token = NULL WHERE id = ?').run(tableId);
}

// ---------------------------------------------------------------------------------------------
// Agenda items sent in ahead of a meeting

export const AGENDA_SOURCES = ['link', 'worker', 'map'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];
export type AgendaStatus = 'proposed' | 'accepted' | 'declined';

export interface AgendaItem {
	id: number;
	source: AgendaSource;
	sender: string;
	text: string;
	status: AgendaStatus;
	createdAt: string;
}

/**
 * Puts an item on the table's list for the next agenda. Items from the table link wait for the
 * secretary to accept them; items a worker adds, or that another part of the app sends (the
 * partnership map's "should be invited"), are accepted at once.
 */
export function addAgendaItem(tableId: number, item: { source: AgendaSource; text: string; sender?: string }): number {
	const status: AgendaStatus = item.source === 'link' ? 'proposed' : 'accepted';
	return Number(
		prepared('INSERT INTO agenda_items (table_id, source, sender, text, status, decided_at) VALUES (?, ?, ?, ?, ?, ?)').run(
			tableId, item.source, item.sender ?? '', item.text, status, status === 'accepted' ? nowIso() : null
		).lastInsertRowid
	);
}

/** Rewrites the item a map (by its name) sent to this table that no meeting has taken up yet. Returns whether there was one. */
export function replaceMapAgendaItem(tableId: number, sender: string, text: string): boolean {
	return (
		prepared(
			`UPDATE agenda_items SET text = ?, decided_at = ? WHERE table_id = ? AND source = 'map' AND sender = ? AND meeting_id IS NULL AND status = 'accepted'`
		).run(text, nowIso(), tableId, sender).changes > 0
	);
}

/** Items not yet taken up by a meeting: proposed ones for the secretary, accepted ones for the agenda. */
export function pendingAgendaItems(tableId: number): AgendaItem[] {
	return prepared(
		`SELECT id, source, sender, text, status, created_at AS createdAt FROM agenda_items
		 WHERE table_id = ? AND meeting_id IS NULL AND status <> 'declined' ORDER BY id`
	).all(tableId) as AgendaItem[];
}

/** Accepts or declines a proposed item of this table. Returns whether it changed. */
export function decideAgendaItem(tableId: number, id: number, accept: boolean): boolean {
	return (
		prepared("UPDATE agenda_items SET status = ?, decided_at = ? WHERE id = ? AND table_id = ? AND status = 'proposed'").run(
			accept ? 'accepted' : 'declined', nowIso(), id, tableId
		).changes > 0
	);
}

// ---------------------------------------------------------------------------------------------
// Agreements and the municipality's instruments, of a table or of a pair

export const INSTRUMENT_KINDS = [
	'grant', 'grant_with_obligations', 'procurement', 'direct_award', 'participatory_budgeting', 'service_voucher', 'free_premises'
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export type Owner = { tableId: number } | { pairId: number };

export interface Agreement {
	id: number;
	tableId: number | null;
	pairId: number | null;
	owner: string;
	title: string;
	agreedOn: string | null;
	reviewOn: string | null;
	link: string;
}

export interface Instrument {
	id: number;
	tableId: number | null;
	pairId: number | null;
	owner: string;
	kind: InstrumentKind;
	note: string;
}

const ownerName = `coalesce(t.name, mo.name || ' – ' || ao.name)`;
const ownerJoins = `LEFT JOIN partnership_tables t ON t.id = x.table_id LEFT JOIN pairs p ON p.id = x.pair_id
	LEFT JOIN organisations mo ON mo.id = p.municipality_org_id LEFT JOIN organisations ao ON ao.id = p.association_org_id`;
const ownerIds = (owner: Owner) => ['tableId' in owner ? owner.tableId : null, 'pairId' in owner ? owner.pairId : null] as const;

export function addAgreement(projectId: number, owner: Owner, input: { title: string; agreedOn: string | null; reviewOn: string | null; link: string }): number {
	return Number(
		prepared('INSERT INTO agreements (project_id, table_id, pair_id, title, agreed_on, review_on, link) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
			projectId, ...ownerIds(owner), input.title, input.agreedOn, input.reviewOn, input.link
		).lastInsertRowid
	);
}

export function deleteAgreement(projectId: number, id: number): boolean {
	return prepared('DELETE FROM agreements WHERE id = ? AND project_id = ?').run(id, projectId).changes > 0;
}

/** The project's agreements, of tables and pairs, by review date (none last). */
export function listAgreements(projectId: number): Agreement[] {
	return prepared(
		`SELECT x.id, x.table_id AS tableId, x.pair_id AS pairId, ${ownerName} AS owner, x.title, x.agreed_on AS agreedOn, x.review_on AS reviewOn, x.link
		 FROM agreements x ${ownerJoins} WHERE x.project_id = ? ORDER BY x.review_on IS NULL, x.review_on, x.id`
	).all(projectId) as Agreement[];
}

/** Agreements whose review date has passed (before `today`, a YYYY-MM-DD date). */
export function overdueAgreements(projectId: number, today: string): Agreement[] {
	return listAgreements(projectId).filter((a) => a.reviewOn !== null && a.reviewOn < today);
}

/** Whether an agreement is on record for the pair, its own or of a table it sits at: evidence beside the answers for step 5. */
export function hasAgreement(pairId: number): boolean {
	return (
		prepared(
			'SELECT 1 FROM agreements WHERE pair_id = ? OR table_id IN (SELECT table_id FROM table_pairs WHERE pair_id = ?) LIMIT 1'
		).get(pairId, pairId) !== undefined
	);
}

export function addInstrument(projectId: number, owner: Owner, input: { kind: InstrumentKind; note: string }): number {
	return Number(
		prepared('INSERT INTO instruments (project_id, table_id, pair_id, kind, note) VALUES (?, ?, ?, ?, ?)').run(
			projectId, ...ownerIds(owner), input.kind, input.note
		).lastInsertRowid
	);
}

export function deleteInstrument(projectId: number, id: number): boolean {
	return prepared('DELETE FROM instruments WHERE id = ? AND project_id = ?').run(id, projectId).changes > 0;
}

export function listInstruments(projectId: number): Instrument[] {
	return prepared(
		`SELECT x.id, x.table_id AS tableId, x.pair_id AS pairId, ${ownerName} AS owner, x.kind, x.note
		 FROM instruments x ${ownerJoins} WHERE x.project_id = ? ORDER BY owner COLLATE NOCASE, x.id`
	).all(projectId) as Instrument[];
}
