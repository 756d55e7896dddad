import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getPair, type Pair } from './pairs.ts';
import { getProject, type Project } from './projects.ts';
import { getRound, type Round } from './rounds.ts';
import { getTable, type PartnershipTable } from './tables.ts';
import { roleIn, type ProjectRole, type User } from './users.ts';

export type Access = ProjectRole | 'admin';

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): User {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/login?next=${encodeURIComponent(next)}`));
	}
	return user;
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): User {
	const user = requireUser(event);
	if (!user.isAdmin) error(404, 'Not found');
	return user;
}

/** A route parameter that must be a positive integer id; anything else is simply not found. */
export function idParam(value: string | undefined): number {
	if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) error(404, 'Not found');
	return Number(value);
}

/**
 * The project of the route with the user's access to it. Someone outside the project gets
 * 404, the same answer as for a project that does not exist, so ids reveal nothing.
 * `manage` asks for a project worker (or an administrator); coordinators only read.
 */
export function requireProject(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'read' | 'manage' = 'read'
): { user: User; project: Project; access: Access } {
	const user = requireUser(event);
	const projectId = idParam((event.params as Record<string, string>).projectId);
	const access: Access | undefined = user.isAdmin ? 'admin' : roleIn(user.id, projectId);
	const project = access ? getProject(projectId) : undefined;
	if (!access || !project) error(404, 'Not found');
	if (need === 'manage' && access === 'coordinator') error(404, 'Not found');
	return { user, project, access };
}

export function requirePair(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'read' | 'manage' = 'read'
): ReturnType<typeof requireProject> & { pair: Pair } {
	const context = requireProject(event, need);
	const pair = getPair(context.project.id, idParam((event.params as Record<string, string>).pairId));
	if (!pair) error(404, 'Not found');
	return { ...context, pair };
}

export function requireRound(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'read' | 'manage' = 'read'
): ReturnType<typeof requirePair> & { round: Round } {
	const context = requirePair(event, need);
	const round = getRound(context.project.id, context.pair.id, idParam((event.params as Record<string, string>).roundId));
	if (!round) error(404, 'Not found');
	return { ...context, round };
}

/** A partnership table of the route's project: project workers run it, coordinators read it. */
export function requireTable(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'read' | 'manage' = 'read'
): ReturnType<typeof requireProject> & { table: PartnershipTable } {
	const context = requireProject(event, need);
	const table = getTable(context.project.id, idParam((event.params as Record<string, string>).tableId));
	if (!table) error(404, 'Not found');
	return { ...context, table };
}
