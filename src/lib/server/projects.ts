import { prepared, writeTransaction } from './db.ts';
import type { ProjectRole, User } from './users.ts';

export interface Project {
	id: number;
	name: string;
	description: string;
	minGroupSize: number;
	retentionDays: number | null;
	createdAt: string;
}

const columns = `id, name, description, min_group_size AS minGroupSize, retention_days AS retentionDays, created_at AS createdAt`;

export function getProject(id: number): Project | undefined {
	return prepared(`SELECT ${columns} FROM projects WHERE id = ?`).get(id) as Project | undefined;
}

/** The projects a person may open, with their role there; administrators see every project. */
export function listProjectsFor(user: User): (Project & { role: ProjectRole | 'admin'; pairs: number })[] {
	const pairs = '(SELECT count(*) FROM pairs WHERE pairs.project_id = projects.id) AS pairs';
	if (user.isAdmin)
		return prepared(`SELECT ${columns}, 'admin' AS role, ${pairs} FROM projects ORDER BY name COLLATE NOCASE`).all() as never;
	return prepared(
			`SELECT ${columns}, m.role AS role, ${pairs} FROM projects JOIN memberships m ON m.project_id = projects.id
			 WHERE m.user_id = ? ORDER BY name COLLATE NOCASE`
		)
		.all(user.id) as never;
}

export function listAllProjects(): Pick<Project, 'id' | 'name'>[] {
	return prepared('SELECT id, name FROM projects ORDER BY name COLLATE NOCASE').all() as Pick<Project, 'id' | 'name'>[];
}

export function createProject(input: { name: string; description: string }): number {
	return Number(
		prepared('INSERT INTO projects (name, description) VALUES (?, ?)').run(input.name.trim(), input.description.trim())
			.lastInsertRowid
	);
}

export function updateProject(
	id: number,
	input: { name: string; description: string; minGroupSize: number; retentionDays: number | null }
): void {
	prepared('UPDATE projects SET name = ?, description = ?, min_group_size = ?, retention_days = ? WHERE id = ?')
		.run(input.name.trim(), input.description.trim(), input.minGroupSize, input.retentionDays, id);
}

/** Erases the project with everything in it (pairs, rounds, responses, meetings) in one transaction. */
export function deleteProject(id: number): void {
	writeTransaction(() => {
		// Pairs reference organisations without cascade, so they go first.
		prepared('DELETE FROM pairs WHERE project_id = ?').run(id);
		prepared('DELETE FROM projects WHERE id = ?').run(id);
	});
}

export function projectMembers(projectId: number): { userId: number; name: string; email: string; role: ProjectRole }[] {
	return prepared(
			`SELECT u.id AS userId, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
			 WHERE m.project_id = ? AND u.disabled_at IS NULL ORDER BY u.name COLLATE NOCASE`
		)
		.all(projectId) as never;
}
