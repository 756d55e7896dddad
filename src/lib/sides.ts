import { kindName } from '$lib/message-keys';

/**
 * How a page names a side of a pair: by its organisation ("Joutsan kunta"), with what kind of
 * organisation it is as a role label ("seurakunta"). A pair's second side is a parish, a
 * school or a company as often as an association, so no page calls it "the association side".
 */
export function sideLabel(org: { name: string; kind: string }): { name: string; role: string } {
	return { name: org.name, role: kindName(org.kind) };
}
