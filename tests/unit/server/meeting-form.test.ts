import { describe, expect, it } from 'vitest';
import { currentVersion, getVersion } from '../../../src/lib/assessment/versions';
import { parseActions } from '../../../src/lib/server/meeting-form';

describe('the resources an agreed action names', () => {
	// 2026-2 asks resources per side (our_resources, their_resources): the action form must still know them.
	it.each([currentVersion.id, '2026-1'])('are the resource kinds of questionnaire %s', (id) => {
		const version = getVersion(id)!;
		const form = new FormData();
		form.set('action_what_0', 'Yhteinen perehdytys vapaaehtoisille');
		form.append('action_resources_0', 'volunteer_work');
		form.append('action_resources_0', 'local_knowledge');
		form.set('action_member_0', '7');
		const parsed = parseActions(form, version, 1, new Set([7]));
		expect(parsed.ok && parsed.actions[0].resources).toEqual(['volunteer_work', 'local_knowledge']);
	});
});
