import { beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../src/lib/server/demo';
import { createMeeting, latestMeeting, listMeetings, pairActions, tableActions } from '../../../src/lib/server/meetings';
import { minutesTable } from '../../../src/lib/server/table-export';
import { closedRoundPoints, nextAgenda } from '../../../src/lib/server/table-agenda';
import {
	addAgendaItem, createTable, decideAgendaItem, getTable, goalHistory, hasAgreement, listMembers, listTablePairs, listTables, overdueAgreements,
	pendingAgendaItems, setGoal, updateTable
} from '../../../src/lib/server/tables';
import { declareGroup, withDeclaredSpelling } from '../../../src/lib/server/partnership-map';
import { createProject } from '../../../src/lib/server/projects';
import { tableSchema, tableSettingsSchema } from '../../../src/lib/server/table-form';
import { pairRoundResults } from '../../../src/lib/server/results';
import { listPairs } from '../../../src/lib/server/pairs';
import { findings } from '../../../src/lib/assessment/findings';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let projectId = 0;
const today = new Date().toISOString().slice(0, 10);
beforeAll(() => {
	freshDatabase('tables');
	projectId = createDemo().projectId;
});
restoreDatabaseAfterAll();

const table = (name: string) => listTables(projectId).find((t) => t.name === name)!;

describe('the demo', () => {
	it('has a theme table and an area table of five or more members, four meetings, actions across members and a passed review date', () => {
		const theme = table('Ikäihmisten hyvinvoinnin kumppanuuspöytä');
		const area = table('Viitasaaren kumppanuuspöytä');
		expect(theme.theme).not.toBe('');
		expect(area.area).not.toBe('');
		for (const t of [theme, area]) expect(t.members).toBeGreaterThanOrEqual(5);
		expect(theme.meetings).toBe(4);
		expect(theme.pairs).toBe(2);
		const assigned = new Set(tableActions(theme.id).map((a) => a.memberOrgId));
		expect(assigned.size).toBe(theme.members);
		expect(overdueAgreements(projectId, today).map((a) => a.title)).toEqual(['Kumppanuuspöydän pelisäännöt']);
	});
});

describe("a table's theme and area", () => {
	// As the routes do: the form parsed, then stored in the declared spelling, so the table shows under its group.
	it('are stored in the spelling the project declared them in, case and spacing aside; a new value as written', () => {
		const id = createProject({ name: 'Pöytien kirjoitusasu', description: '' });
		declareGroup(id, 'theme', 'Ikäihmisten hyvinvointi');
		declareGroup(id, 'area', 'Säynätsalo');
		const created = tableSchema.parse({ name: 'Hyvinvointipöytä', theme: '  ikäihmisten HYVINVOINTI ', area: '', goal: '' });
		const tableId = createTable(id, withDeclaredSpelling(id, created), null);
		expect(getTable(id, tableId)).toMatchObject({ theme: 'Ikäihmisten hyvinvointi', area: '' });

		const saved = tableSettingsSchema.parse({ name: 'Hyvinvointipöytä', theme: 'Lasten  liikunta', area: 'SÄYNÄTSALO', convener: '' });
		const { convener, ...rest } = saved;
		updateTable(id, tableId, { ...withDeclaredSpelling(id, rest), convenerOrgId: convener });
		expect(getTable(id, tableId)).toMatchObject({ theme: 'Lasten liikunta', area: 'Säynätsalo' });
	});
});

describe('the next agenda', () => {
	it("carries the open actions, lists each pair's latest closed round, and the accepted items only", () => {
		const theme = table('Ikäihmisten hyvinvoinnin kumppanuuspöytä');
		const proposed = addAgendaItem(theme.id, { source: 'link', sender: 'Kirjasto', text: 'Lukupiiri ikäihmisille' });
		const declined = addAgendaItem(theme.id, { source: 'link', sender: 'Joku', text: 'Mainos' });
		const fromMap = addAgendaItem(theme.id, { source: 'map', text: 'Kutsutaan kyläkauppa pöytään' });
		expect(decideAgendaItem(theme.id, declined, false)).toBe(true);
		expect(decideAgendaItem(theme.id + 1000, proposed, true)).toBe(false);
		const agenda = nextAgenda(theme.id, today, 'fi');
		expect(agenda.number).toBe(5);
		expect(agenda.carried.map((c) => c.action.status).every((s) => s === 'agreed' || s === 'in_progress')).toBe(true);
		expect(agenda.carried).toHaveLength(tableActions(theme.id).filter((a) => a.status === 'agreed' || a.status === 'in_progress').length);
		expect(agenda.items.map((i) => i.text)).toEqual(['Kutsutaan kyläkauppa pöytään']);
		expect(pendingAgendaItems(theme.id).map((i) => i.id)).toEqual([proposed, fromMap]);
		expect(agenda.pairs).toHaveLength(2);
		for (const p of agenda.pairs) {
			const closed = pairRoundResults(p.pairId).filter((r) => r.round.closedAt !== null).at(-1)!;
			expect(p.points?.roundNumber).toBe(closed.round.number);
		}
		// Every member holds an open task in the demo but the parish, whose only task is done.
		expect(agenda.withoutTask.map((m) => m.name)).toEqual(['Pihtiputaan seurakunta']);
	});

	it('brings each pair\'s findings from its latest closed round as the round discloses them, nothing of a withheld side', () => {
		for (const pair of listPairs(projectId)) {
			const points = closedRoundPoints(pair.id, 'fi');
			const latest = pairRoundResults(pair.id).filter((r) => r.round.closedAt !== null).at(-1)!;
			expect(points?.roundNumber).toBe(latest.round.number);
			expect(points!.findings).toEqual(findings(latest.result!));
			for (const side of ['municipality', 'association'] as const)
				if (latest.result!.hidden[side]) expect(points!.findings.filter((f) => 'scope' in f && f.scope === side)).toEqual([]);
		}
	});

	it('takes the accepted items to the meeting that records them, and numbers meetings in series', () => {
		const theme = table('Ikäihmisten hyvinvoinnin kumppanuuspöytä');
		const members = listMembers(theme.id);
		const id = createMeeting(
			theme.id,
			{ heldOn: today, durationMinutes: 80, chairOrgId: members[0].orgId, secretaryOrgId: members[1].orgId, participants: '', agenda: '', notes: '', decisions: 'Päätettiin.', createdBy: null },
			members.map((m) => ({ what: `Tehtävä ${m.name}`, memberOrgId: m.orgId, note: '', resources: [], dueOn: null, targetTrait: 'trust', targetStep: null }))
		);
		expect(latestMeeting(theme.id)?.id).toBe(id);
		expect(listMeetings(theme.id).map((m) => m.number)).toEqual([5, 4, 3, 2, 1]);
		expect(pendingAgendaItems(theme.id).every((i) => i.status === 'proposed')).toBe(true);
		expect(nextAgenda(theme.id, today, 'fi').withoutTask).toEqual([]);
		// The pairs at the table see the new actions beside their results.
		for (const p of listTablePairs(theme.id)) expect(pairActions(p.pairId).filter((a) => a.what.startsWith('Tehtävä '))).toHaveLength(members.length);
		const sheet = minutesTable(theme, latestMeeting(theme.id)!);
		expect(sheet.rows).toHaveLength(members.length);
		expect(sheet.rows.map((r) => r[sheet.columns.indexOf('member')])).toEqual(members.map((m) => m.name));
	});
});

describe('goals and agreements', () => {
	it('keep every version of the goal, newest first, and an unchanged goal writes nothing', () => {
		const area = table('Viitasaaren kumppanuuspöytä');
		expect(setGoal(area.id, 'Uusi tavoite', null)).toBe(true);
		expect(setGoal(area.id, 'Uusi tavoite', null)).toBe(false);
		expect(goalHistory(area.id).map((g) => g.goal)).toEqual(['Uusi tavoite', 'Jokaiselle halukkaalle nuorelle kesätyö tai harrastus.']);
	});

	it("count a table's agreement for each pair at it", () => {
		for (const p of listTablePairs(table('Ikäihmisten hyvinvoinnin kumppanuuspöytä').id)) expect(hasAgreement(p.pairId)).toBe(true);
	});
});
