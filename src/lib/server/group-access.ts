import { error, type RequestEvent } from '@sveltejs/kit';
import { idParam, requireProject } from './access.ts';
import { getGroup, type Group } from './partnership-map.ts';

/** The route's theme or area with the user's access to its project: access as for pairs. */
export function requireGroup(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'read' | 'manage' = 'read'
): ReturnType<typeof requireProject> & { group: Group } {
	const context = requireProject(event, need);
	const group = getGroup(context.project.id, idParam((event.params as Record<string, string>).groupId));
	if (!group) error(404, 'Not found');
	return { ...context, group };
}
