/**
 * Sets up data for a browser test through the same repository functions the app uses,
 * on the browser tests' database, and prints what the test needs as JSON.
 *   npx tsx tests/e2e/fixture.ts round [--closes-at ISO]   → { projectId, pairId, roundId, links: { municipality, association } }
 */
import { parseArgs } from 'node:util';
import { closeDb } from '../../src/lib/server/db.ts';
import { createOrganisation } from '../../src/lib/server/organisations.ts';
import { createPair } from '../../src/lib/server/pairs.ts';
import { createProject } from '../../src/lib/server/projects.ts';
import { invitationTokens, openRound } from '../../src/lib/server/rounds.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'asks-role': { type: 'boolean' } } });
const suffix = Math.random().toString(36).slice(2, 8);

if (positionals[0] === 'round') {
	const projectId = createProject({ name: `Testihanke ${suffix}`, description: '' });
	const m = createOrganisation(projectId, { name: 'Joutsan kunta', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Joutsan kyläyhdistys', kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: 'Kylien elinvoima', area: 'Joutsa' });
	const roundId = openRound(pairId, { closesAt: null, asksRole: values['asks-role'] ?? false });
	console.log(JSON.stringify({ projectId, pairId, roundId, links: invitationTokens(roundId) }));
}
closeDb();
