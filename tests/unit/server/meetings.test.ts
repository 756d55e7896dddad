import { beforeAll, describe, expect, it } from 'vitest';
import { moved } from '../../../src/lib/assessment/movement';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { actionCounts, createMeeting, getMeeting, meetingActions, pairActions, setActionStatuses } from '../../../src/lib/server/meetings';
import { actionsTable } from '../../../src/lib/server/export';
import { listMembers, pairTables } from '../../../src/lib/server/tables';
import { pairSummary } from '../../../src/lib/server/pair-summary';
import { pairRoundResults } from '../../../src/lib/server/results';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let projectId = 0;
let pairIds: number[] = [];
beforeAll(() => {
	freshDatabase('meetings');
	projectId = createDemo().projectId;
	pairIds = (db().prepare('SELECT id FROM pairs WHERE project_id = ? ORDER BY id').pluck().all(projectId) as number[]);
});
restoreDatabaseAfterAll();

describe('partnership-table actions beside the results', () => {
	it('compare what an action aimed at between the round it started from and the next round', () => {
		let compared = 0;
		for (const pairId of pairIds) {
			const rounds = pairRoundResults(pairId);
			// Smallest group size 1: every number may be shown, so every comparison is made.
			const summary = pairSummary(pairId, 1, 'fi', 2);
			for (const action of summary.actions.filter((a) => a.heldOn < rounds[1].round.opensAt.slice(0, 10))) {
				const before = rounds[0].result.pair!;
				const after = rounds[1].result.pair!;
				const value = (g: typeof before) => (action.targetTrait ? g.traits[action.targetTrait].mean : g.evidence.step);
				expect(action.change).toEqual({
					moved: moved(value(before), value(after), action.targetStep ? 1 : undefined),
					before: value(before),
					after: value(after)
				});
				compared++;
			}
		}
		// Two actions of each pair's own table, and the theme table's first two meetings (three actions each) for its two pairs.
		expect(compared).toBe(pairIds.length * 2 + 2 * 6);
	});

	it('say "not known yet" before a later round exists, and when the numbers are withheld', () => {
		const first = pairSummary(pairIds[0], 1, 'fi', 1);
		const fromFirst = first.actions.filter((a) => a.heldOn > pairRoundResults(pairIds[0])[0].round.opensAt.slice(0, 10));
		expect(fromFirst.length).toBeGreaterThan(0);
		for (const a of fromFirst) expect(a.change?.moved).toBe('unknown');
		const withheld = pairSummary(pairIds[0], 99, 'fi', 2);
		for (const a of withheld.actions) expect(a.change?.moved).toBe('unknown');
	});
});

describe('meetings', () => {
	it('keep their actions, statuses change only within the meeting, and the project counts them', () => {
		const [a, b] = pairIds;
		// Each demo pair's own table is named after its two organisations.
		const own = (pairId: number) => pairTables(pairId).find((t) => t.name.includes(' – '))!.id;
		const [tableA, tableB] = [own(a), own(b)];
		const municipality = listMembers(tableA).find((o) => o.kind === 'municipality')!;
		const meetingId = createMeeting(
			tableA,
			{ heldOn: '2026-11-24', durationMinutes: 90, chairOrgId: null, secretaryOrgId: null, participants: 'Kunta, yhdistys', agenda: '1. Tulokset', notes: '', decisions: '', createdBy: null },
			[{ what: 'Uusi tapaamispaikka', memberOrgId: municipality.orgId, note: 'tekninen toimi', resources: ['public_money'], dueOn: '2027-01-31', targetTrait: 'meeting_place', targetStep: null }]
		);
		expect(getMeeting(tableA, meetingId)).toMatchObject({ agenda: '1. Tulokset', number: 3 });
		expect(getMeeting(tableB, meetingId)).toBeUndefined();
		const [action] = meetingActions(meetingId);
		expect(action).toMatchObject({ what: 'Uusi tapaamispaikka', responsible: `${municipality.name} – tekninen toimi`, resources: ['public_money'], status: 'agreed', targetTrait: 'meeting_place' });
		const other = pairActions(b)[0];
		// Another meeting's action id changes nothing here.
		expect(setActionStatuses(meetingId, new Map([[action.id, 'done'], [other.id, 'dropped']]))).toBe(1);
		expect(pairActions(b)[0].status).toBe(other.status);
		const counts = actionCounts(projectId).get(a)!;
		expect(counts.done).toBeGreaterThanOrEqual(3);
	});
});

it('are exported one row per action, with the meeting and the round it started from', () => {
	const table = actionsTable({ id: projectId, name: 'Demo' });
	const stored = db()
		.prepare('SELECT count(*) FROM pair_actions pa JOIN pairs p ON p.id = pa.pair_id WHERE p.project_id = ?')
		.pluck()
		.get(projectId);
	expect(table.rows).toHaveLength(stored as number);
	const col = (name: string) => table.columns.indexOf(name);
	const row = table.rows.find((r) => r[col('what')] === 'Uusi tapaamispaikka')!;
	expect(row[col('resources')]).toBe('public_money');
	expect(row[col('target_trait')]).toBe('meeting_place');
	expect(row[col('status')]).toBe('done');
	// Every demo meeting came after a closed round of each pair at its table.
	expect(table.rows.filter((r) => r[col('from_round')] === null)).toEqual([]);
});
