import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { pairSummary } from '../../../src/lib/server/pair-summary';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let keuruu = 0;
let joutsa = 0;
beforeAll(() => {
	freshDatabase('pair-summary');
	const { projectId } = createDemo();
	const pairOf = (name: string) =>
		db()
			.prepare('SELECT p.id FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id WHERE p.project_id = ? AND m.name = ?')
			.pluck()
			.get(projectId, name) as number;
	keuruu = pairOf('Keuruun kaupunki');
	joutsa = pairOf('Joutsan kunta');
});
restoreDatabaseAfterAll();

describe('a pair with rounds on questionnaires 2026-1 and 2026-2', () => {
	it('marks where the questionnaire changed, and compares across it only what is measured the same way', () => {
		const summary = pairSummary(keuruu, 'fi', 3);
		expect(summary.history!.versionChanges).toEqual([{ number: 3, from: '2026-1', to: '2026-2' }]);
		// Round 2 was withheld: the step compares with round 1, across the change of version.
		expect(summary.history!.stepSince).toMatchObject({ round: 1, before: 2, after: 4, direction: 'up', versionChanged: true });
		// Every trait kept its statements' meaning from 2026-1 to 2026-2, so each compares, marked.
		for (const t of summary.history!.traits) if (t.since) expect(t.since.versionChanged).toBe(true);
		expect(summary.history!.traits.some((t) => t.since !== null)).toBe(true);
	});

	it('shows an open round as counts only, never a score', () => {
		const summary = pairSummary(joutsa, 'fi', 3);
		expect(summary.chosen).toMatchObject({ open: true, result: null });
		expect(summary.history).toBeNull();
		expect(summary.chosen!.counts.municipality + summary.chosen!.counts.association).toBeGreaterThan(0);
	});
});
