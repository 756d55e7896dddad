/**
 * Sets up data for a browser test through the same repository functions the app uses,
 * on the browser tests' database, and prints what the test needs as JSON.
 *   npx tsx tests/e2e/fixture.ts round [--closes-at ISO]   → { projectId, pairId, roundId, links: { municipality, association } }
 *   npx tsx tests/e2e/fixture.ts map --actors N   → { projectId, groupId }: a theme whose map holds N actors
 *   npx tsx tests/e2e/fixture.ts access   → two projects A and B (each two organisations, a pair and an open round)
 *     and three users with a known password: an administrator, a project worker of A and a coordinator of A.
 *     { password, users: { admin, worker, coordinator }: { id, email }, projects: { a, b }: { projectId, name,
 *       organisations: [id, id], pairId, roundId, meetingId, groupId, links: { municipality, association } } }
 *   npx tsx tests/e2e/fixture.ts submit --round ID --side municipality|association [--count N]
 *     → N complete responses submitted on that side (every statement 4, the stairs now 3), as respondents would
 */
import { parseArgs } from 'node:util';
import { closeDb } from '../../src/lib/server/db.ts';
import { createOrganisation } from '../../src/lib/server/organisations.ts';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { createMeeting } from '../../src/lib/server/meetings.ts';
import { createPair } from '../../src/lib/server/pairs.ts';
import { declareGroup, saveActor } from '../../src/lib/server/partnership-map.ts';
import { MAP_RELATIONS, MAP_SECTORS } from '../../src/lib/map/kinds.ts';
import { addAgendaItem, addAgreement, addInstrument, addTablePair, createTable, replaceTableLink } from '../../src/lib/server/tables.ts';
import { createProject } from '../../src/lib/server/projects.ts';
import { getVersion } from '../../src/lib/assessment/versions/index.ts';
import { getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../src/lib/server/responses.ts';
import { invitationTokens, openRound, roundContext } from '../../src/lib/server/rounds.ts';
import { createUser, setMembership } from '../../src/lib/server/users.ts';

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { 'asks-role': { type: 'boolean' }, round: { type: 'string' }, side: { type: 'string' }, count: { type: 'string' }, actors: { type: 'string' } }
});
const suffix = Math.random().toString(36).slice(2, 8);

if (positionals[0] === 'round') {
	const projectId = createProject({ name: `Testihanke ${suffix}`, description: '' });
	const m = createOrganisation(projectId, { name: 'Joutsan kunta', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Joutsan kyläyhdistys', kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: 'Kylien elinvoima', area: 'Joutsa' });
	const roundId = openRound(pairId, { closesAt: null, asksRole: values['asks-role'] ?? false });
	console.log(JSON.stringify({ projectId, pairId, roundId, links: invitationTokens(roundId) }));
} else if (positionals[0] === 'map') {
	// A theme whose map holds --actors actors across every sector and relation, with long names.
	const projectId = createProject({ name: `Karttahanke ${suffix}`, description: '' });
	const m = createOrganisation(projectId, { name: 'Jämsän kaupunki', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Jämsän Seudun Eläkkeensaajat ry', kind: 'association' });
	const theme = 'Ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy kotona';
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme, area: 'Jämsä' });
	const groupId = declareGroup(projectId, 'theme', theme);
	const group = { id: groupId, projectId, kind: 'theme' as const, name: theme };
	const sectors = MAP_SECTORS;
	const relations = MAP_RELATIONS;
	const tableId = createTable(projectId, { name: 'Jämsän ikäihmisten pöytä', theme, area: '', goal: '' }, null);
	const words = ['Hyvinvointialueen kotihoidon palvelut', 'Kyläyhdistys', 'Seurakunnan diakoniatyö ja vapaaehtoiset', 'Kansalaisopisto', 'Yrittäjät ry', 'Naapuriapu'];
	for (let i = 0; i < Number(values.actors ?? 3); i++) {
		const relation = relations[i % relations.length];
		saveActor(
			group,
			null,
			{ name: `${words[i % words.length]} ${i + 1}`, sector: sectors[(i * 5) % sectors.length], resources: ['contacts'], relation, pairId: relation === 'pair' ? pairId : null, tableId: relation === 'table' ? tableId : null, organisationId: null, note: '' },
			'2026-01-01',
			null
		);
	}
	console.log(JSON.stringify({ projectId, groupId }));
} else if (positionals[0] === 'access') {
	const project = (label: string) => {
		const name = `Pääsyhanke ${label} ${suffix}`;
		const projectId = createProject({ name, description: `Kuvaus ${label} ${suffix}` });
		const m = createOrganisation(projectId, { name: `Kunta ${label} ${suffix}`, kind: 'municipality' });
		const a = createOrganisation(projectId, { name: `Yhdistys ${label} ${suffix}`, kind: 'association' });
		const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: `Teema ${label} ${suffix}`, area: `Alue ${label}` });
		const roundId = openRound(pairId, { closesAt: null, asksRole: false });
		const tableId = createTable(projectId, { name: `Pöytä ${label} ${suffix}`, theme: `Teema ${label}`, area: '', goal: `Tavoite ${label}` }, null);
		addTablePair(tableId, pairId);
		const meetingId = createMeeting(
			tableId,
			{ heldOn: '2026-11-20', durationMinutes: 60, chairOrgId: m, secretaryOrgId: a, participants: '', agenda: '', notes: '', decisions: '', createdBy: null },
			[{ what: `Toimenpide ${label}`, memberOrgId: m, note: '', resources: [], dueOn: null, targetTrait: 'trust', targetStep: null }]
		);
		const groupName = `Teema ${label} ${suffix}`;
		const groupId = declareGroup(projectId, 'theme', groupName);
		const group = { id: groupId, projectId, kind: 'theme' as const, name: groupName };
		const actorId = saveActor(group, null, { name: `Seurakunta ${label} ${suffix}`, sector: 'parish', resources: ['premises'], relation: 'invite', pairId: null, organisationId: null, note: '' }, '2026-01-01', null);
		const agendaItemId = addAgendaItem(tableId, { source: 'link', sender: `Lähettäjä ${label}`, text: `Asia ${label}` });
		const agreementId = addAgreement(projectId, { tableId }, { title: `Sopimus ${label}`, agreedOn: '2025-01-01', reviewOn: '2026-01-01', link: '' });
		const instrumentId = addInstrument(projectId, { pairId }, { kind: 'grant', note: '' });
		const tableLink = replaceTableLink(tableId);
		return {
			projectId, name, organisations: [m, a], pairId, roundId, tableId, meetingId, agendaItemId, agreementId, instrumentId, tableLink, groupId, actorId,
			links: invitationTokens(roundId)
		};
	};
	const a = project('A');
	const b = project('B');
	const password = randomBytes(18).toString('base64url');
	const passwordHash = await hashPassword(password);
	const user = (role: string, isAdmin: boolean) => {
		const email = `${role}.${suffix}@example.fi`;
		return { id: createUser({ email, name: `Testi ${role} ${suffix}`, isAdmin, passwordHash }), email };
	};
	const admin = user('admin', true);
	const worker = user('worker', false);
	const coordinator = user('coordinator', false);
	setMembership(worker.id, a.projectId, 'project_worker');
	setMembership(coordinator.id, a.projectId, 'coordinator');
	console.log(JSON.stringify({ password, users: { admin, worker, coordinator }, projects: { a, b } }));
} else if (positionals[0] === 'submit') {
	const roundId = Number(values.round);
	const side = values.side === 'association' ? 'association' : 'municipality';
	const context = roundContext(roundId)!;
	const version = getVersion(context.round.questionnaireVersion)!;
	const answers = Object.fromEntries([
		...[...version.traitItems, ...version.practiceItems].map((i) => [i.id, 4] as const),
		[version.selfPlacement.now.id, 3] as const
	]);
	const ids = Array.from({ length: Number(values.count ?? 1) }, () => {
		const response = getResponseByResume(startResponse({ roundId, side, language: 'fi' }))!;
		saveAnswers(response.id, context.round, { set: answers, clear: [] });
		submitResponse(response.id, context.round);
		return response.id;
	});
	console.log(JSON.stringify({ ids }));
}
if (positionals[0] === 'pairs') {
	const name = `Monen parin hanke ${suffix}`;
	const projectId = createProject({ name, description: '' });
	for (let i = 0; i < Number(positionals[1]); i++) {
		const n = String(i).padStart(3, '0');
		const m = createOrganisation(projectId, { name: `Kunta ${n}`, kind: 'municipality' });
		const a = createOrganisation(projectId, { name: `Yhdistys ${n}`, kind: 'association' });
		createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	}
	console.log(JSON.stringify({ projectId, name }));
}
closeDb();
