import { db, prepared } from './db.ts';
import { getOrganisation, type OrganisationKind } from './organisations.ts';

export interface Pair {
	id: number;
	projectId: number;
	municipality: { id: number; name: string; kind: OrganisationKind };
	association: { id: number; name: string; kind: OrganisationKind };
	theme: string;
	area: string;
}

interface PairRow {
	id: number;
	projectId: number;
	mId: number;
	mName: string;
	mKind: OrganisationKind;
	aId: number;
	aName: string;
	aKind: OrganisationKind;
	theme: string;
	area: string;
}

const select = `SELECT p.id, p.project_id AS projectId, m.id AS mId, m.name AS mName, m.kind AS mKind, a.id AS aId, a.name AS aName, a.kind AS aKind, p.theme, p.area
	FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id`;

const toPair = (r: PairRow): Pair => ({
	id: r.id,
	projectId: r.projectId,
	municipality: { id: r.mId, name: r.mName, kind: r.mKind },
	association: { id: r.aId, name: r.aName, kind: r.aKind },
	theme: r.theme,
	area: r.area
});

export function listPairs(projectId: number): Pair[] {
	return (prepared(`${select} WHERE p.project_id = ? ORDER BY m.name COLLATE NOCASE, a.name COLLATE NOCASE`).all(projectId) as PairRow[]).map(
		toPair
	);
}

/** The project's distinct themes (or areas) as written, with how many pairs have each, the earliest written first. */
export function pairGroupValues(projectId: number, kind: 'theme' | 'area'): { value: string; pairs: number }[] {
	return prepared(`SELECT ${kind} AS value, count(*) AS pairs FROM pairs WHERE project_id = ? GROUP BY ${kind} ORDER BY min(id)`).all(projectId) as { value: string; pairs: number }[];
}

/** The ids of the project's pairs whose theme (or area) is one of these values as written. */
export function pairIdsWith(projectId: number, kind: 'theme' | 'area', values: readonly string[]): number[] {
	return prepared(`SELECT id FROM pairs WHERE project_id = ? AND ${kind} IN (SELECT value FROM json_each(?)) ORDER BY id`)
		.pluck()
		.all(projectId, JSON.stringify(values)) as number[];
}

/** The names of some of the project's pairs ("municipality – association"), as a map shows them. */
export function pairNames(projectId: number, ids: readonly number[]): { id: number; name: string }[] {
	return prepared(
		`SELECT p.id, m.name || ' – ' || a.name AS name FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
		 WHERE p.project_id = ? AND p.id IN (SELECT value FROM json_each(?))`
	).all(projectId, JSON.stringify([...new Set(ids)])) as { id: number; name: string }[];
}

/** A pair of this project; another project's pair id gives undefined. */
export function getPair(projectId: number, id: number): Pair | undefined {
	const row = prepared(`${select} WHERE p.id = ? AND p.project_id = ?`).get(id, projectId) as PairRow | undefined;
	return row && toPair(row);
}

export class PairInputError extends Error {
	constructor(readonly field: 'municipality' | 'association') {
		super(field);
	}
}

export function createPair(
	projectId: number,
	input: { municipalityOrgId: number; associationOrgId: number; theme: string; area: string }
): number {
	// Both sides must be organisations of this very project.
	if (!getOrganisation(projectId, input.municipalityOrgId)) throw new PairInputError('municipality');
	if (!getOrganisation(projectId, input.associationOrgId) || input.associationOrgId === input.municipalityOrgId)
		throw new PairInputError('association');
	return Number(
		prepared('INSERT INTO pairs (project_id, municipality_org_id, association_org_id, theme, area) VALUES (?, ?, ?, ?, ?)')
			.run(projectId, input.municipalityOrgId, input.associationOrgId, input.theme.trim(), input.area.trim()).lastInsertRowid
	);
}

export function updatePair(projectId: number, id: number, input: { theme: string; area: string }): void {
	prepared('UPDATE pairs SET theme = ?, area = ? WHERE id = ? AND project_id = ?').run(input.theme.trim(), input.area.trim(), id, projectId);
}

/** Erases the pair with its rounds, responses, meetings and actions. */
export function deletePair(projectId: number, id: number): void {
	prepared('DELETE FROM pairs WHERE id = ? AND project_id = ?').run(id, projectId);
}
