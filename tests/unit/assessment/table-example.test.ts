import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carryForward, isOpen, membersWithoutTask, type ActionStatus, type TableAction } from '../../../src/lib/assessment/table';

// The example lives in the documentation; this test keeps the two in step.
const doc = readFileSync('docs/partnership-table.md', 'utf8');
const example = JSON.parse(/```json table-example\n([\s\S]*?)```/.exec(doc)![1]);

it('docs/partnership-table.md: the worked example carries the actions the page says, in its order', () => {
	const carried = carryForward(example.actions as TableAction[], example.next);
	expect(carried.map((c) => ({ id: c.action.id, meetingsSince: c.meetingsSince, overdue: c.overdue }))).toEqual(example.expected.carried);
	const members = (example.members as number[]).map((orgId) => ({ orgId }));
	expect(membersWithoutTask(members, example.actions).map((m) => m.orgId)).toEqual(example.expected.withoutTask);
});

const statuses: ActionStatus[] = ['agreed', 'in_progress', 'done', 'dropped'];
const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const action = fc.record({
	id: fc.integer({ min: 1, max: 10_000 }),
	meetingNumber: fc.integer({ min: 1, max: 8 }),
	memberOrgId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
	dueOn: fc.option(day, { nil: null }),
	status: fc.constantFrom(...statuses)
});
const actions = fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 30 });

describe('carrying actions forward', () => {
	it('carries exactly the open actions of earlier meetings, each once, whatever order they come in', () => {
		fc.assert(
			fc.property(actions, fc.integer({ min: 1, max: 9 }), day, (list, number, heldOn) => {
				const carried = carryForward(list, { number, heldOn });
				const expected = list.filter((a) => isOpen(a.status) && a.meetingNumber < number).map((a) => a.id).sort((x, y) => x - y);
				expect(carried.map((c) => c.action.id).sort((x, y) => x - y)).toEqual(expected);
				expect(carryForward([...list].reverse(), { number, heldOn })).toEqual(carried);
			})
		);
	});

	it('puts every overdue action before any that is not', () => {
		fc.assert(
			fc.property(actions, day, (list, heldOn) => {
				const flags = carryForward(list, { number: 9, heldOn }).map((c) => c.overdue);
				expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
			})
		);
	});

	it('leaves no member both with an open task and on the "no task yet" list', () => {
		fc.assert(
			fc.property(actions, (list) => {
				const members = [1, 2, 3, 4, 5, 6].map((orgId) => ({ orgId }));
				const idle = new Set(membersWithoutTask(members, list).map((m) => m.orgId));
				for (const m of members) expect(idle.has(m.orgId)).toBe(!list.some((a) => a.memberOrgId === m.orgId && isOpen(a.status)));
			})
		);
	});
});
