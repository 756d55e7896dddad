import { prepared } from './db.ts';

import type { OrganisationKind } from '../organisation-kinds.ts';

export { ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kinds.ts';

export interface Organisation {
	id: number;
	projectId: number;
	name: string;
	kind: OrganisationKind;
}

const columns = 'id, project_id AS projectId, name, kind';

export function listOrganisations(projectId: number): Organisation[] {
	return prepared(`SELECT ${columns} FROM organisations WHERE project_id = ? ORDER BY name COLLATE NOCASE`)
		.all(projectId) as Organisation[];
}

/** An organisation of this project; another project's id gives undefined. */
export function getOrganisation(projectId: number, id: number): Organisation | undefined {
	return prepared(`SELECT ${columns} FROM organisations WHERE id = ? AND project_id = ?`).get(id, projectId) as
		| Organisation
		| undefined;
}

export class DuplicateNameError extends Error {}

export function createOrganisation(projectId: number, input: { name: string; kind: OrganisationKind }): number {
	try {
		return Number(
			prepared('INSERT INTO organisations (project_id, name, kind) VALUES (?, ?, ?)')
				.run(projectId, input.name.trim(), input.kind).lastInsertRowid
		);
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateNameError();
		throw error;
	}
}
