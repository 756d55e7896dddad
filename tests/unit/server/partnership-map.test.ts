import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { closedRounds, groupSummary, mapGrowth } from '../../../src/lib/server/group-view';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair, deletePair, listPairs } from '../../../src/lib/server/pairs';
import {
	ActorInputError,
	changeDays,
	declareGroup,
	declaredSpelling,
	DuplicateGroupError,
	getGroup,
	groupIndex,
	groupPairs,
	groupPairIds,
	listActors,
	inviteToPair,
	inviteToTable,
	PairInviteError,
	planPairInvitation,
	listGroups,
	mapOn,
	removeActor,
	saveActor,
	sendWantedToAgenda,
	type ActorState
} from '../../../src/lib/server/partnership-map';
import { actorSchema } from '../../../src/lib/server/map-form';
import { createProject } from '../../../src/lib/server/projects';
import { currentVersion } from '../../../src/lib/assessment/versions';
import { getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { closeRound, getRound, isOpen, listRounds, openRound } from '../../../src/lib/server/rounds';
import { countedAnswers } from '../../helpers/answers';
import { choiceCountsAcrossPairs, choiceCountsOfPairs, latestRoundFacts, pairPage, pairQuery, unmovedPairs } from '../../../src/lib/server/project-view';
import { TRAIT_IDS } from '../../../src/lib/assessment/types';
import { createTable, listMembers, pendingAgendaItems } from '../../../src/lib/server/tables';
import { pairRoundResults } from '../../../src/lib/server/results';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let demoId = 0;
beforeAll(() => {
	freshDatabase('partnership-map');
	demoId = createDemo().projectId;
});
restoreDatabaseAfterAll();

/** A pair of the project with one round answered by so many on each side, closed or still open. */
function pairAnswered(projectId: number, name: string, counts: Record<'municipality' | 'association', number>, close: boolean, now: number): number {
	const m = createOrganisation(projectId, { name: `${name} kunta`, kind: 'municipality' });
	const a = createOrganisation(projectId, { name: `${name} ry`, kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: 'Pienet', area: '' });
	answerRound(projectId, pairId, counts, close, now);
	return pairId;
}

/** A new round of the pair answered by so many on each side (the same answers each time), closed or still open. */
function answerRound(
	projectId: number,
	pairId: number,
	counts: Record<'municipality' | 'association', number>,
	close: boolean,
	now: number,
	how: { closesAt?: string; trust?: 1 | 2 | 3 | 4 | 5; activities?: string[] } = {}
): void {
	const roundId = openRound(pairId, { closesAt: how.closesAt ?? null, asksRole: false }, now - 60_000);
	const round = () => getRound(projectId, pairId, roundId)!;
	for (const side of ['municipality', 'association'] as const)
		for (let k = 0; k < counts[side]; k++) {
			const response = getResponseByResume(startResponse({ roundId, side, language: 'fi' }, now - 60_000))!;
			const trust = how.trust ?? 4;
			const set = { ...countedAnswers(currentVersion, { traits: { trust: [trust, trust, trust] }, now: 3 }), activities: how.activities ?? ['discussion', 'events'] };
			expect(saveAnswers(response.id, round(), { set, clear: [] }, now - 60_000)).toBe('saved');
			expect(submitResponse(response.id, round(), now - 50_000 + k)).toBe('submitted');
		}
	if (close) closeRound(roundId, now - 1000);
}

const state = (over: Partial<ActorState> = {}): ActorState => ({
	name: 'Kyläkauppa',
	sector: 'company',
	resources: ['reach'],
	relation: 'invite',
	pairId: null,
	organisationId: null,
	note: '',
	...over
});

describe('declared themes and areas', () => {
	it('group the pairs whose free text is the declared name, case and spacing aside, and leave the rest as free text', () => {
		const projectId = createProject({ name: 'Ryhmät', description: '' });
		const m = createOrganisation(projectId, { name: 'Äänekosken kaupunki', kind: 'municipality' });
		const a = createOrganisation(projectId, { name: 'Suolahden Kylät ry', kind: 'association' });
		const b = createOrganisation(projectId, { name: 'Äänekosken Martat ry', kind: 'association' });
		createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: 'Ikäihmisten hyvinvointi', area: 'Suolahti' });
		createPair(projectId, { municipalityOrgId: m, associationOrgId: b, theme: ' IKÄIHMISTEN  hyvinvointi ', area: 'Äänekoski' });
		expect(groupIndex(projectId).undeclared.map((u) => `${u.kind}:${u.name}:${u.pairs}`)).toEqual([
			'theme:Ikäihmisten hyvinvointi:2',
			'area:Suolahti:1',
			'area:Äänekoski:1'
		]);
		const id = declareGroup(projectId, 'theme', 'ikäihmisten hyvinvointi');
		expect(() => declareGroup(projectId, 'theme', 'IKÄIHMISTEN HYVINVOINTI')).toThrow(DuplicateGroupError);
		expect(groupPairs(getGroup(projectId, id)!)).toHaveLength(2);
		const index = groupIndex(projectId);
		expect(index.declared.map((g) => [g.name, g.pairs])).toEqual([['ikäihmisten hyvinvointi', 2]]);
		expect(index.undeclared.map((u) => u.name)).toEqual(['Suolahti', 'Äänekoski']);
		// Another project's id finds nothing.
		expect(getGroup(demoId, id)).toBeUndefined();
	});

	it('store a pair’s value that names a declared group with the declared spelling, and a new value as written', () => {
		const projectId = createProject({ name: 'Kirjoitusasu', description: '' });
		declareGroup(projectId, 'area', 'Säynätsalo');
		declareGroup(projectId, 'theme', 'Säynätsalo');
		expect(declaredSpelling(projectId, 'area', '  SÄYNÄTSALO ')).toBe('Säynätsalo');
		expect(declaredSpelling(projectId, 'area', 'Muurame  keskusta ')).toBe('Muurame keskusta');
		expect(declaredSpelling(projectId, 'area', '')).toBe('');
		expect(declaredSpelling(demoId, 'area', 'säynätsalo')).toBe('säynätsalo');
	});
});

describe('the map and its history', () => {
	it('keeps every change dated, so the map can be drawn as it stood on any day', () => {
		const projectId = createProject({ name: 'Historia', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Leivonmäki'))!;
		const shop = saveActor(group, null, state(), '2026-01-10', null, '2026-06-01');
		saveActor(group, null, state({ name: 'Seurakunta', sector: 'parish', relation: 'none' }), '2026-03-01', null, '2026-06-01');
		saveActor(group, shop, state({ relation: 'earlier', resources: ['reach', 'premises', 'reach'] as never }), '2026-04-01', null, '2026-06-01');
		expect(changeDays(group.id)).toEqual(['2026-01-10', '2026-03-01', '2026-04-01']);
		expect(mapOn(group.id, '2026-01-31').map((a) => [a.name, a.relation])).toEqual([['Kyläkauppa', 'invite']]);
		expect(mapOn(group.id, '2026-04-01').map((a) => [a.name, a.relation])).toEqual([
			['Kyläkauppa', 'earlier'],
			['Seurakunta', 'none']
		]);
		// Resources are kept in their fixed order, without repeats.
		expect(listActors(group.id).find((a) => a.id === shop)!.resources).toEqual(['premises', 'reach']);
		const g = mapGrowth(group, '2026-01-31', '2026-04-30');
		expect(g.added.map((a) => a.name)).toEqual(['Seurakunta']);
		expect(g.closer).toEqual([{ id: shop, name: 'Kyläkauppa', from: 'invite', to: 'earlier' }]);
	});

	it('refuses a change dated in the future or before the last one, a pair of another project, and changes nothing then', () => {
		const projectId = createProject({ name: 'Virheet', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'theme', 'Työllisyys'))!;
		const id = saveActor(group, null, state(), '2026-05-01', null, '2026-06-01');
		const before = db().prepare('SELECT count(*) FROM map_changes').pluck().get();
		const refused = (fn: () => unknown, field: string) => {
			try {
				fn();
			} catch (e) {
				expect(e).toBeInstanceOf(ActorInputError);
				expect((e as ActorInputError).field).toBe(field);
				return;
			}
			throw new Error('not refused');
		};
		refused(() => saveActor(group, id, state({ relation: 'none' }), '2026-06-02', null, '2026-06-01'), 'effective_on');
		refused(() => saveActor(group, id, state({ relation: 'none' }), '2026-04-30', null, '2026-06-01'), 'effective_on');
		const demoPair = db().prepare('SELECT id FROM pairs WHERE project_id = ? LIMIT 1').pluck().get(demoId) as number;
		refused(() => saveActor(group, id, state({ relation: 'pair', pairId: demoPair }), '2026-05-02', null, '2026-06-01'), 'pair_id');
		const demoOrg = db().prepare('SELECT id FROM organisations WHERE project_id = ? LIMIT 1').pluck().get(demoId) as number;
		refused(() => saveActor(group, null, state({ organisationId: demoOrg }), '2026-05-02', null, '2026-06-01'), 'organisation_id');
		expect(db().prepare('SELECT count(*) FROM map_changes').pluck().get()).toBe(before);
		expect(listActors(group.id).map((a) => a.relation)).toEqual(['invite']);
	});
});

describe('mistakes on the map', () => {
	const form = (over: Record<string, string> = {}) => ({ name: 'Kyläkauppa', sector: 'company', relation: 'none', effective_on: '2026-05-01', ...over });

	it('refuse a day that is not on the calendar, as the form’s own message', () => {
		for (const bad of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '27.11.2026']) {
			const parsed = actorSchema.safeParse(form({ effective_on: bad }));
			expect(parsed.success, bad).toBe(false);
			expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['effective_on', 'error_date']]);
		}
		expect(actorSchema.safeParse(form({ effective_on: '2024-02-29' })).success).toBe(true);
	});

	it('ask for the sector and the relation rather than assume them', () => {
		const parsed = actorSchema.safeParse({ name: 'Kyläkauppa', effective_on: '2026-05-01' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['relation', 'sector']);
	});

	it('refuse a second actor of the same name on one map (case and spacing aside), and change nothing then', () => {
		const projectId = createProject({ name: 'Kaksoiskappale', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Vihtavuori'))!;
		const school = saveActor(group, null, state({ name: 'Vihtavuoren koulu', sector: 'school' }), '2026-05-01', null, '2026-06-01');
		const before = db().prepare('SELECT count(*) FROM map_changes').pluck().get();
		expect(() => saveActor(group, null, state({ name: '  vihtavuoren  KOULU ', sector: 'school' }), '2026-05-02', null, '2026-06-01')).toThrow(
			expect.objectContaining({ field: 'name' })
		);
		const shop = saveActor(group, null, state(), '2026-05-02', null, '2026-06-01');
		expect(() => saveActor(group, shop, state({ name: 'Vihtavuoren Koulu' }), '2026-05-03', null, '2026-06-01')).toThrow(
			expect.objectContaining({ field: 'name' })
		);
		// The actor itself may keep its name or change its spelling.
		saveActor(group, school, state({ name: 'Vihtavuoren Koulu', sector: 'school' }), '2026-05-03', null, '2026-06-01');
		expect(db().prepare('SELECT count(*) FROM map_changes').pluck().get()).toBe((before as number) + 2);
		expect(listActors(group.id).map((a) => a.name)).toEqual(['Kyläkauppa', 'Vihtavuoren Koulu']);
		// Another map may hold an actor of the same name.
		const other = getGroup(projectId, declareGroup(projectId, 'theme', 'Koulutie'))!;
		expect(saveActor(other, null, state({ name: 'Vihtavuoren koulu', sector: 'school' }), '2026-05-01', null, '2026-06-01')).toBeGreaterThan(0);
	});

	it('remove an actor entered by mistake, with its history, from this map only', () => {
		const projectId = createProject({ name: 'Poisto', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Lievestuore'))!;
		const keep = saveActor(group, null, state({ name: 'Lievestuoreen seurakunta', sector: 'parish' }), '2026-04-01', null, '2026-06-01');
		const typo = saveActor(group, null, state({ name: 'Lievestuoren seurakunta', sector: 'parish' }), '2026-05-01', null, '2026-06-01');
		const other = getGroup(projectId, declareGroup(projectId, 'theme', 'Muu'))!;
		expect(removeActor(other, typo)).toBe(false);
		expect(removeActor(group, typo)).toBe(true);
		expect(listActors(group.id).map((a) => a.id)).toEqual([keep]);
		expect(changeDays(group.id)).toEqual(['2026-04-01']);
		expect(mapOn(group.id, '2026-05-31').map((a) => a.name)).toEqual(['Lievestuoreen seurakunta']);
		expect(removeActor(group, typo)).toBe(false);
	});

	it('keep one “who we still need” item per map on a table’s coming agenda, brought up to date when sent again', () => {
		const projectId = createProject({ name: 'Asialista', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Hankasalmi'))!;
		const tableId = createTable(projectId, { name: 'Hankasalmen pöytä', theme: '', area: 'Hankasalmi', goal: '' }, null);
		saveActor(group, null, state({ name: 'Hankasalmen kirjasto', sector: 'municipality' }), '2026-05-01', null, '2026-06-01');
		expect(sendWantedToAgenda(group, tableId, (names) => `Tarvitaan: ${names.join(', ')}`)).toEqual({ replaced: false });
		saveActor(group, null, state({ name: 'Kyläkauppa' }), '2026-05-02', null, '2026-06-01');
		expect(sendWantedToAgenda(group, tableId, (names) => `Tarvitaan: ${names.join(', ')}`)).toEqual({ replaced: true });
		expect(pendingAgendaItems(tableId).map((i) => [i.source, i.text])).toEqual([['map', 'Tarvitaan: Hankasalmen kirjasto, Kyläkauppa']]);
		// Nobody to invite: nothing to send, and the item already there stays.
		const empty = getGroup(projectId, declareGroup(projectId, 'theme', 'Tyhjä'))!;
		expect(sendWantedToAgenda(empty, tableId, (names) => names.join())).toBeNull();
		expect(pendingAgendaItems(tableId)).toHaveLength(1);
	});
});

describe('from the map to the table', () => {
	it('invites an actor in one step: it becomes an organisation of the project, a member of the table, and sits at the table on the map', () => {
		const projectId = createProject({ name: 'Kutsu', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Kuhmoinen'))!;
		const tableId = createTable(projectId, { name: 'Kuhmoisten pöytä', theme: '', area: 'Kuhmoinen', goal: '' }, null);
		const id = saveActor(group, null, state({ name: 'Kuhmoisten seurakunta', sector: 'parish' }), '2026-01-10', null, '2026-06-01');
		const orgId = inviteToTable(group, id, tableId, null, '2026-06-01');
		expect(listMembers(tableId).map((m) => [m.orgId, m.name, m.kind])).toEqual([[orgId, 'Kuhmoisten seurakunta', 'parish']]);
		const actor = listActors(group.id)[0];
		expect([actor.relation, actor.tableId, actor.organisationId, actor.since]).toEqual(['table', tableId, orgId, '2026-06-01']);
		// Another project's table is refused, and nothing changes.
		const other = createTable(demoId, { name: 'Vieras pöytä', theme: '', area: '', goal: '' }, null);
		expect(() => inviteToTable(group, id, other, null, '2026-06-02')).toThrow(ActorInputError);
		expect(listMembers(other)).toEqual([]);
		expect(changeDays(group.id)).toEqual(['2026-01-10', '2026-06-01']);
	});

	it('invites an actor into a pair in one step: its sector decides its side, the group names the theme, the map dates the change', () => {
		const projectId = createProject({ name: 'Pariin', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'theme', 'Ikäihmisten liikunta'))!;
		const town = createOrganisation(projectId, { name: 'Multian kunta', kind: 'municipality' });
		const club = saveActor(group, null, state({ name: 'Multian Eläkeläiset ry', sector: 'association' }), '2026-01-10', null, '2026-06-01');
		const plan = planPairInvitation(group, club, town, null);
		expect([plan.side, plan.organisationId, plan.partner.id, plan.theme, plan.area]).toEqual(['association', null, town, 'Ikäihmisten liikunta', '']);
		// Planning alone changes nothing.
		expect(listPairs(projectId)).toEqual([]);
		const pairId = inviteToPair(group, club, town, 'municipality', null, '2026-06-01');
		const [pair] = listPairs(projectId);
		expect([pair.id, pair.municipality.name, pair.association.name, pair.association.kind, pair.theme]).toEqual([
			pairId,
			'Multian kunta',
			'Multian Eläkeläiset ry',
			'association',
			'Ikäihmisten liikunta'
		]);
		expect(groupPairs(group).map((p) => p.id)).toEqual([pairId]);
		const actor = listActors(group.id)[0];
		expect([actor.relation, actor.pairId, actor.organisationId, actor.since]).toEqual(['pair', pairId, pair.association.id, '2026-06-01']);
		expect(mapOn(group.id, '2026-05-31')[0].relation).toBe('invite');
	});

	it('refuses a pair with no side chosen for a parish, with itself, with another project’s organisation, or twice, and changes nothing then', () => {
		const projectId = createProject({ name: 'Pariin ei', description: '' });
		const group = getGroup(projectId, declareGroup(projectId, 'area', 'Multia'))!;
		const town = createOrganisation(projectId, { name: 'Multian kunta', kind: 'municipality' });
		const parish = saveActor(group, null, state({ name: 'Multian seurakunta', sector: 'parish' }), '2026-01-10', null, '2026-06-01');
		const otherOrg = db().prepare('SELECT id FROM organisations WHERE project_id = ? LIMIT 1').pluck().get(demoId) as number;
		const reason = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				expect(e).toBeInstanceOf(PairInviteError);
				return (e as PairInviteError).key;
			}
			throw new Error('not refused');
		};
		const organisations = () => db().prepare('SELECT count(*) FROM organisations').pluck().get() as number;
		const before = organisations();
		expect(reason(() => inviteToPair(group, parish, town, null, null, '2026-06-01'))).toBe('error_pair_side');
		expect(reason(() => inviteToPair(group, parish, otherOrg, 'association', null, '2026-06-01'))).toBe('error_pair_partner');
		const same = createOrganisation(projectId, { name: 'MULTIAN SEURAKUNTA', kind: 'parish' });
		expect(reason(() => inviteToPair(group, parish, same, 'association', null, '2026-06-01'))).toBe('error_pair_partner');
		expect(listPairs(projectId)).toEqual([]);
		expect(organisations()).toBe(before + 1);
		expect(listActors(group.id)[0].relation).toBe('invite');
		// The parish chose the association side; the same two cannot become a pair twice.
		const pairId = inviteToPair(group, parish, town, 'association', null, '2026-06-01');
		expect(listPairs(projectId).map((p) => [p.id, p.municipality.name, p.association.name, p.area])).toEqual([[pairId, 'Multian kunta', 'MULTIAN SEURAKUNTA', 'Multia']]);
		expect(reason(() => planPairInvitation(group, parish, town, 'association'))).toBe('error_pair_exists');
	});
});

describe('a theme’s numbers', () => {
	it('count closed rounds only, and a pair’s step only where the disclosure rule shows it, for a group of a few pairs or of nearly all', () => {
		let openSeen = false;
		let withheldSeen = false;
		const every = listPairs(demoId).map((p) => p.id);
		// A theme holding most of the project's pairs is counted the other way round (the project's
		// totals less the rest), so some groups here hold every pair, all but one, or just over half.
		const groups = [
			...listGroups(demoId)
				.filter((g) => g.kind === 'theme')
				.map((g) => groupPairs(g).map((p) => p.id)),
			every,
			every.slice(1),
			every.slice(0, Math.floor(every.length / 2) + 1),
			every.slice(0, Math.floor(every.length / 2)),
			[]
		];
		for (const ids of groups) {
			// The stored results already hold only what each round's promise lets be shown.
			const summary = groupSummary(demoId, ids, []);
			const expected = new Map<number, Record<number, number>>();
			for (const pairId of ids) {
				const rounds = pairRoundResults(pairId);
				if (rounds.some((r) => isOpen(r.round))) openSeen = true;
				for (const r of rounds.filter((r) => !isOpen(r.round))) {
					const counts = expected.get(r.round.number) ?? {};
					const step = r.result?.pair?.evidence.step ?? null;
					if (step === null) withheldSeen = true;
					else counts[step] = (counts[step] ?? 0) + 1;
					expected.set(r.round.number, counts);
				}
			}
			expect(summary.distribution.map((d) => d.round)).toEqual([...expected.keys()].sort((a, b) => a - b));
			for (const d of summary.distribution) {
				expect(d.counts).toEqual(expected.get(d.round));
				expect(d.shown).toBe(Object.values(d.counts).reduce((a, b) => a + b, 0));
			}
		}
		expect(openSeen).toBe(true);
		expect(withheldSeen).toBe(true);
		// A pair named twice is one pair: all but one pair, one of them twice, is still all but one.
		const allButOne = every.slice(1);
		expect(groupSummary(demoId, [...allButOne, allButOne[0]], [])).toEqual(groupSummary(demoId, allButOne, []));
	});

	it('leave out a round still open whether the group holds few of the project’s pairs or most', () => {
		const projectId = createProject({ name: 'Auki ja kiinni', description: '' });
		const now = Date.now();
		const both = { municipality: 3, association: 3 };
		const closed = [pairAnswered(projectId, 'Kiinni A', both, true, now), pairAnswered(projectId, 'Kiinni B', both, true, now)];
		const open = pairAnswered(projectId, 'Auki', both, false, now);
		const shown = (ids: number[]) => groupSummary(projectId, ids, [], now).distribution.map((d) => [d.round, d.shown]);
		expect(shown([open])).toEqual([]);
		expect(shown([closed[0]])).toEqual([[1, 1]]);
		expect(shown([closed[0], open])).toEqual([[1, 1]]);
		expect(shown([...closed, open])).toEqual([[1, 2]]);
		// Once the round closes, it counts.
		closeRound(listRounds(open)[0].id, now - 500);
		expect(shown([closed[0], open])).toEqual([[1, 2]]);
	});

	it('take the weakest traits from each pair’s latest shown closed round, and find the pairs that stood still for two rounds, as the rounds say', () => {
		let stillSeen = 0;
		// Today, and a year on when the rounds open today have closed by their planned closing.
		for (const now of [Date.now(), Date.now() + 365 * 86_400_000]) {
			for (const group of [...listGroups(demoId), { id: 0, projectId: demoId, kind: 'theme' as const, name: 'every pair' }]) {
				const ids = group.id === 0 ? listPairs(demoId).map((p) => p.id) : groupPairs(group).map((p) => p.id);
				const summary = groupSummary(demoId, ids, [], now);
				// The oracle: every closed round of every pair, read into JS.
				const rounds = closedRounds(ids, now);
				const latest = [...rounds.values()].flatMap((rs) => rs.findLast((r) => r.traits !== null)?.traits ?? []);
				const weakest = TRAIT_IDS.flatMap((trait) => {
					const values = latest.map((t) => t[trait]).filter((v): v is number => v !== null);
					return values.length ? [{ trait, mean: values.reduce((a, b) => a + b, 0) / values.length, pairs: values.length }] : [];
				})
					.sort((a, b) => a.mean - b.mean || TRAIT_IDS.indexOf(a.trait) - TRAIT_IDS.indexOf(b.trait))
					.slice(0, 3);
				expect(summary.weakest.map((w) => [w.trait, w.pairs])).toEqual(weakest.map((w) => [w.trait, w.pairs]));
				summary.weakest.forEach((w, i) => expect(w.mean).toBeCloseTo(weakest[i].mean, 9));
				const still = [...rounds].filter(([, rs]) => {
					const last = rs.slice(-3).map((r) => r.step);
					return last.length === 3 && last.every((s) => s !== null && s === last[0]);
				});
				expect(unmovedPairs(demoId, ids, now).sort((a, b) => a - b)).toEqual(still.map(([id]) => id).sort((a, b) => a - b));
				expect(summary.still).toBe(still.length);
				stillSeen += still.length;
				expect(summary.rounds).toEqual([...new Set([...rounds.values()].flatMap((rs) => rs.map((r) => r.number)))].sort((a, b) => a - b));
			}
		}
		expect(stillSeen).toBeGreaterThan(0);
	});

	it('take a round into the traits and the choices from the moment its planned closing passes, and not before', () => {
		const projectId = createProject({ name: 'Sulkeutuu ajallaan', description: '' });
		const now = Date.now();
		const pair = pairAnswered(projectId, 'Ajallaan', { municipality: 3, association: 3 }, true, now);
		// A second round that closes by its date, answered differently: lower trust, events only.
		const closesAt = new Date(now + 86_400_000).toISOString();
		const roundId = openRound(pair, { closesAt, asksRole: false }, now - 60_000);
		for (const side of ['municipality', 'association'] as const)
			for (let k = 0; k < 3; k++) {
				const round = getRound(projectId, pair, roundId)!;
				const response = getResponseByResume(startResponse({ roundId, side, language: 'fi' }, now - 60_000))!;
				const set = { ...countedAnswers(currentVersion, { traits: { trust: [2, 2, 2] }, now: 3 }), activities: ['events'] };
				expect(saveAnswers(response.id, round, { set, clear: [] }, now - 60_000)).toBe('saved');
				expect(submitResponse(response.id, round, now - 50_000 + k)).toBe('submitted');
			}
		const at = Date.parse(closesAt);
		const trust = (t: number) => {
			const { sum, n } = latestRoundFacts(projectId, [pair], t).traits.trust;
			return n === 1 ? sum : undefined;
		};
		const activities = (t: number) =>
			choiceCountsOfPairs(projectId, [pair], t)
				.counts.filter((c) => c.item === 'activities')
				.map((c) => c.option)
				.sort();
		const oracle = (t: number) => closedRounds([pair], t).get(pair)!.findLast((r) => r.traits !== null)!.traits!.trust;
		for (const t of [at - 1, at]) expect(trust(t)).toBeCloseTo(oracle(t)!, 9);
		expect(trust(at)).toBeLessThan(trust(at - 1)!);
		expect(activities(at - 1)).toEqual(['discussion', 'events']);
		expect(activities(at)).toEqual(['events']);
	});

	it('keep the project’s sums of the latest closed rounds equal to counting the pairs one by one, as rounds are answered and close by hand or by date, and pairs go', () => {
		const projectId = createProject({ name: 'Pidetyt summat', description: '' });
		const now = Date.now();
		const day = 86_400_000;
		const both = { municipality: 3, association: 3 };
		const closing = (days: number) => new Date(now + days * day).toISOString();
		const pairs = ['Yksi', 'Kaksi', 'Kolme', 'Neljä', 'Viisi', 'Kuusi'].map((name, i) => pairAnswered(projectId, name, both, true, now - i));
		// Second rounds: two close by date on one day, one on another, one has no planned closing, one is closed by hand.
		answerRound(projectId, pairs[0], both, false, now, { closesAt: closing(3), trust: 2, activities: ['events'] });
		answerRound(projectId, pairs[1], both, false, now, { closesAt: closing(3), trust: 5, activities: ['discussion'] });
		answerRound(projectId, pairs[2], both, false, now, { closesAt: closing(7), trust: 1 });
		answerRound(projectId, pairs[3], both, false, now, { trust: 3, activities: [] });
		answerRound(projectId, pairs[4], both, true, now, { trust: 2, activities: ['events', 'discussion'] });
		// A withheld round (one respondent a side) that closes by date: its means come from further back.
		answerRound(projectId, pairs[5], { municipality: 1, association: 1 }, false, now, { closesAt: closing(3) });
		/**
		 * The figures of every pair, and of every pair but one (the project's kept sums, less the other
		 * pairs), against each pair's own latest closed round counted apart and added up.
		 */
		const expectAdds = (t: number) => {
			const ids = listPairs(projectId).map((p) => p.id);
			const one = ids.map((id) => latestRoundFacts(projectId, [id], t));
			const whole = latestRoundFacts(projectId, ids, t);
			const allButOne = latestRoundFacts(projectId, ids.slice(1), t);
			for (const [facts, parts] of [
				[whole, one],
				[allButOne, one.slice(1)]
			] as const) {
				for (const trait of TRAIT_IDS) {
					expect(facts.traits[trait].n).toBe(parts.reduce((n, f) => n + f.traits[trait].n, 0));
					expect(facts.traits[trait].sum).toBeCloseTo(parts.reduce((n, f) => n + f.traits[trait].sum, 0), 9);
				}
				expect(facts.unmoved).toBe(parts.reduce((n, f) => n + f.unmoved, 0));
				expect(counted([facts])).toEqual(counted(parts));
			}
			return whole;
		};
		const counted = (facts: readonly ReturnType<typeof latestRoundFacts>[]) => {
			const counts: Record<string, number[]> = {};
			for (const f of facts)
				for (const c of f.choices.counts) {
					const sum = (counts[`${c.item}/${c.option}`] ??= [0, 0, 0]);
					[c.pairs, c.sides.municipality, c.sides.association].forEach((v, i) => (sum[i] += v));
				}
			const answered: Record<string, number[]> = {};
			for (const f of facts)
				for (const [item, n] of Object.entries(f.choices.answered)) {
					const sum = (answered[item] ??= [0, 0, 0]);
					[n.pairs, n.sides.municipality, n.sides.association].forEach((v, i) => (sum[i] += v));
				}
			return { counts, answered };
		};
		const moments = [now, now + 3 * day - 1, Date.parse(closing(3)), now + 5 * day, Date.parse(closing(7)), now + 400 * day];
		const seen = moments.map(expectAdds);
		// Each planned closing that passes changes what is counted.
		expect(seen[1].traits.trust.sum).not.toBe(seen[2].traits.trust.sum);
		expect(seen[3].traits.trust.sum).not.toBe(seen[4].traits.trust.sum);
		// Rounds closed by hand, a pair gone, new rounds begun that close by date.
		closeRound(listRounds(pairs[0]).at(-1)!.id, now - 10);
		deletePair(projectId, pairs[1]);
		closeRound(listRounds(pairs[3]).at(-1)!.id, now - 10);
		answerRound(projectId, pairs[3], both, false, now, { closesAt: closing(2), trust: 5 });
		answerRound(projectId, pairs[4], both, false, now, { closesAt: closing(9), trust: 1, activities: ['events'] });
		for (const t of [...moments, now + 9 * day]) expectAdds(t);
		// A rescore that changes a closed round's and an open round's results, and results erased.
		const [r0] = listRounds(pairs[2]);
		const r3 = listRounds(pairs[3]).at(-1)!;
		for (const id of [r0.id, r3.id])
			db().prepare("UPDATE round_results SET result = json_set(result, '$.pair.traits.trust.mean', 1.5) WHERE round_id = ?").run(id);
		db().prepare('DELETE FROM round_results WHERE round_id = ?').run(listRounds(pairs[5])[0].id);
		for (const t of [...moments, now + 9 * day]) expectAdds(t);
	});

	it('take a pair’s trait means from further back when its last three closed rounds are all withheld', () => {
		const projectId = createProject({ name: 'Hiljaiset kierrokset', description: '' });
		const now = Date.now();
		const shownPair = pairAnswered(projectId, 'Näkyvä', { municipality: 3, association: 3 }, true, now);
		const quiet = pairAnswered(projectId, 'Hiljainen', { municipality: 3, association: 3 }, true, now);
		// Three more rounds with one respondent a side: withheld, no step and no means.
		for (let i = 0; i < 3; i++) answerRound(projectId, quiet, { municipality: 1, association: 1 }, true, now);
		expect(closedRounds([quiet]).get(quiet)!.map((r) => r.traits !== null)).toEqual([true, false, false, false]);
		const summary = groupSummary(projectId, [shownPair, quiet], [], now);
		expect(summary.weakest.map((w) => w.pairs)).toEqual([2, 2, 2]);
		expect(summary.still).toBe(0);
		expect(unmovedPairs(projectId, [shownPair, quiet], now)).toEqual([]);
		// Its latest closed round, withheld, is the one its choices come from: nothing to count.
		expect(choiceCountsOfPairs(projectId, [shownPair, quiet], now).answered.activities).toEqual({ pairs: 1, sides: { municipality: 1, association: 1 } });
	});

	it('keep "not moved for two rounds" true to the rounds when a round is answered, rescored or loses its results', () => {
		const projectId = createProject({ name: 'Paikallaan', description: '' });
		const now = Date.now();
		const both = { municipality: 3, association: 3 };
		const pair = pairAnswered(projectId, 'Tasainen', both, true, now);
		const unmoved = () => [unmovedPairs(projectId, [pair], now), groupSummary(projectId, [pair], [], now).still];
		answerRound(projectId, pair, both, true, now);
		expect(unmoved()).toEqual([[], 0]);
		// The third closed round on the same step: not moved for two rounds.
		answerRound(projectId, pair, both, true, now);
		expect(unmoved()).toEqual([[pair], 1]);
		// A fourth, still open, on the same step changes nothing shown yet.
		answerRound(projectId, pair, both, false, now);
		expect(unmoved()).toEqual([[pair], 1]);
		const [r1, r2] = listRounds(pair);
		// A rescore that moves an earlier round's step moves the flag of the rounds after it.
		db().prepare('UPDATE round_results SET pair_step = pair_step - 1 WHERE round_id = ?').run(r2.id);
		expect(unmoved()).toEqual([[], 0]);
		db().prepare('UPDATE round_results SET pair_step = pair_step + 1 WHERE round_id = ?').run(r2.id);
		expect(unmoved()).toEqual([[pair], 1]);
		// Without its first round's results the pair has two closed rounds with a step: not three.
		db().prepare('DELETE FROM round_results WHERE round_id = ?').run(r1.id);
		expect(unmoved()).toEqual([[], 0]);
		// Once the open round closes, rounds 2, 3 and 4 show one step.
		closeRound(listRounds(pair)[3].id, now - 500);
		expect(unmoved()).toEqual([[pair], 1]);
		// The project's totals are untouched by the flag: the same as counted afresh from the summaries.
		const totals = db().prepare('SELECT number, step, pairs, trust_sum, trust_n FROM project_round_stats WHERE project_id = ? AND pairs > 0 ORDER BY number, step').all(projectId);
		const fresh = db()
			.prepare('SELECT number, coalesce(pair_step, 0) AS step, count(*) AS pairs, coalesce(sum(trust), 0) AS trust_sum, count(trust) AS trust_n FROM round_summaries WHERE project_id = ? GROUP BY 1, 2 ORDER BY 1, 2')
			.all(projectId);
		expect(totals).toEqual(fresh);
	});

	it('list the group’s pairs, and only them, 50 a page with the project page’s search', () => {
		const projectId = createProject({ name: 'Monta paria', description: '' });
		const m = createOrganisation(projectId, { name: 'Keuruun kaupunki', kind: 'municipality' });
		for (let i = 0; i < 60; i++) {
			const a = createOrganisation(projectId, { name: `Yhdistys ${String(i).padStart(2, '0')} ry`, kind: 'association' });
			createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: i % 3 ? 'Työllisyys' : 'Kotoutuminen', area: '' });
		}
		const id = declareGroup(projectId, 'theme', 'työllisyys');
		const ids = groupPairIds(getGroup(projectId, id)!);
		expect(ids).toHaveLength(40);
		const query = pairQuery(new URLSearchParams());
		const first = pairPage(projectId, query, Date.now(), ids);
		expect([first.total, first.pages, first.rows.length]).toEqual([40, 1, 40]);
		expect(first.rows.every((r) => r.theme === 'Työllisyys')).toBe(true);
		expect(pairPage(projectId, query).total).toBe(60);
		const found = pairPage(projectId, pairQuery(new URLSearchParams('q=yhdistys 01')), Date.now(), ids);
		expect(found.rows.map((r) => r.association)).toEqual(['Yhdistys 01 ry']);
		// Sorted by step: the same pairs, through the other path.
		expect(pairPage(projectId, pairQuery(new URLSearchParams('sort=step')), Date.now(), ids).total).toBe(40);
		const all = groupPairIds({ id: 0, projectId, kind: 'area', name: '' });
		expect(pairPage(projectId, pairQuery(new URLSearchParams('page=2')), Date.now(), all)).toMatchObject({ total: 60, pages: 2, page: 2 });
		expect(pairPage(projectId, pairQuery(new URLSearchParams('page=2')), Date.now(), all).rows).toHaveLength(10);
		// A group holding every pair but one leaves that one out; holding them all, it is the project's page.
		const listed = (within: number[] | null) =>
			[1, 2].flatMap((page) => pairPage(projectId, pairQuery(new URLSearchParams(`page=${page}`)), Date.now(), within).rows.map((r) => r.pairId));
		expect(listed(null)).toHaveLength(60);
		expect(listed(all)).toEqual(listed(null));
		expect(listed(all.slice(1))).toEqual(listed(null).filter((id) => id !== all[0]));
	});

	it('count what the group’s pairs do and bring from each pair’s latest closed round, per side only where that side is shown', () => {
		for (const group of listGroups(demoId)) {
			const pairs = groupPairs(group);
			const { counts, answered } = choiceCountsOfPairs(demoId, pairs.map((p) => p.id));
			// The oracle: each pair's latest closed round as results.ts gives it, disclosed sides only.
			const expected = new Map<string, { pairs: number; municipality: number; association: number }>();
			const n = new Map<string, { pairs: number; municipality: number; association: number }>();
			for (const pair of pairs) {
				// The latest round that is not open and has results, as the project page takes it.
				const latest = pairRoundResults(pair.id).filter((r) => !isOpen(r.round) && r.result).at(-1);
				if (!latest?.result) continue;
				const byOption = new Map<string, Set<string>>();
				const byItem = new Map<string, Set<string>>();
				for (const side of ['municipality', 'association'] as const) {
					const shown = latest.result.sides[side];
					for (const [item, c] of Object.entries(shown?.choices ?? {})) {
						if (('withheld' in c && c.withheld) || c.n === 0) continue;
						byItem.set(item, (byItem.get(item) ?? new Set()).add(side));
						for (const [option, k] of Object.entries(c.counts)) if (k * 2 >= c.n) byOption.set(`${item}:${option}`, (byOption.get(`${item}:${option}`) ?? new Set()).add(side));
					}
				}
				for (const [map, source] of [[expected, byOption], [n, byItem]] as const)
					for (const [key, sides] of source) {
						const e = map.get(key) ?? { pairs: 0, municipality: 0, association: 0 };
						e.pairs++;
						for (const side of sides) e[side as 'municipality' | 'association']++;
						map.set(key, e);
					}
			}
			expect(new Map(counts.map((c) => [`${c.item}:${c.option}`, { pairs: c.pairs, ...c.sides }]))).toEqual(expected);
			expect(new Map(Object.entries(answered).map(([item, a]) => [item, { pairs: a.pairs, ...a.sides }]))).toEqual(n);
		}
		// An empty set of pairs counts nothing; all the project's pairs count as the project page does.
		expect(choiceCountsOfPairs(demoId, [])).toEqual({ counts: [], answered: {} });
		const all = choiceCountsOfPairs(demoId, listPairs(demoId).map((p) => p.id)).counts.map(({ item, option, pairs }) => ({ item, option, pairs }));
		const byKey = (a: { item: string; option: string }, b: { item: string; option: string }) => `${a.item}/${a.option}`.localeCompare(`${b.item}/${b.option}`);
		expect(all.sort(byKey)).toEqual(choiceCountsAcrossPairs(demoId).sort(byKey));
	});

	it('count nothing of a withheld side or of an open round', () => {
		const projectId = createProject({ name: 'Pienet puolet', description: '' });
		const now = Date.now();
		const pairWith = (name: string, counts: Record<'municipality' | 'association', number>, close: boolean) =>
			pairAnswered(projectId, name, counts, close, now);
		// Three on the municipality side, one on the association side (withheld: the promise is three).
		const small = pairWith('Pieni', { municipality: 3, association: 1 }, true);
		const open = pairWith('Auki', { municipality: 3, association: 3 }, false);
		const { counts, answered } = choiceCountsOfPairs(projectId, [small, open], now);
		expect(counts.filter((c) => c.item === 'activities').map((c) => [c.option, c.pairs, c.sides.municipality, c.sides.association])).toEqual([
			['discussion', 1, 1, 0],
			['events', 1, 1, 0]
		]);
		expect(answered.activities).toEqual({ pairs: 1, sides: { municipality: 1, association: 0 } });
	});

	it('the demo has a map for each theme and area: 10–15 actors across at least five sectors, changed between two days', () => {
		const groups = listGroups(demoId);
		// Six pairs, each with its own area; two of them share a theme.
		expect(groups).toHaveLength(11);
		expect(groups.filter((g) => groupPairs(g).length > 1).map((g) => [g.kind, groupPairs(g).length])).toEqual([['theme', 2]]);
		for (const group of groups) {
			const actors = listActors(group.id);
			expect(actors.length).toBeGreaterThanOrEqual(10);
			expect(actors.length).toBeLessThanOrEqual(15);
			expect(new Set(actors.map((a) => a.sector)).size).toBeGreaterThanOrEqual(5);
			const days = changeDays(group.id);
			expect(days).toHaveLength(2);
			expect(mapGrowth(group, days[0], days[1]).added.length).toBeGreaterThan(0);
		}
	});
});
