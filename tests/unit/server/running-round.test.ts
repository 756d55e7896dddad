import { describe, expect, it } from 'vitest';
import { closeDb, db, loadMigrations, migrate, openDatabase } from '../../../src/lib/server/db';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject } from '../../../src/lib/server/projects';
import { getResponseByResume, startResponse } from '../../../src/lib/server/responses';
import { invitationTokens, isReplacedInvitation, openRound, replaceInvitation, startsFarExceedSubmits } from '../../../src/lib/server/rounds';
import { startWithinLimit, takeStart } from '../../../src/lib/server/start-limit';
import { hashToken, randomToken } from '../../../src/lib/server/tokens';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();

const NOW = Date.UTC(2026, 10, 20, 9);
const MINUTE = 60_000;
const migrations = loadMigrations('migrations');
// The migration that hashes resume links, found by what it does rather than by its number.
const hashing = migrations.findIndex((m) => m.sql.includes('RENAME COLUMN resume_token TO resume_token_hash'));

function setupRound() {
	const projectId = createProject({ name: `Hanke ${randomToken().slice(0, 6)}`, description: '' });
	const m = createOrganisation(projectId, { name: 'Kunta', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Yhdistys', kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	return openRound(pairId, { closesAt: null, asksRole: false }, NOW);
}

describe('resume links', () => {
	it('are stored only as hashes, and drafts started before the change keep working', () => {
		expect(hashing).toBeGreaterThan(0);
		const file = freshDatabase('resume-hash');
		// A database as it was before the change, with a draft whose link is stored as it is.
		const old = openDatabase(file);
		migrate(old, migrations.slice(0, hashing));
		const raw = randomToken();
		old.exec(`INSERT INTO projects (name) VALUES ('Vanha hanke');
			INSERT INTO organisations (project_id, name, kind) VALUES (1, 'Kunta', 'municipality'), (1, 'Yhdistys', 'association');
			INSERT INTO pairs (project_id, municipality_org_id, association_org_id) VALUES (1, 1, 2);
			INSERT INTO rounds (pair_id, number, questionnaire_version, opens_at) VALUES (1, 1, '2026-1', '2026-01-01T00:00:00.000Z');`);
		old.prepare("INSERT INTO responses (round_id, side, resume_token, language) VALUES (1, 'municipality', ?, 'fi')").run(raw);
		old.close();

		// The app starts, migrates, and the old link still opens the same draft.
		expect(getResponseByResume(raw)).toMatchObject({ id: 1, status: 'draft', resumeToken: raw });
		const stored = db().prepare('SELECT resume_token_hash FROM responses').pluck().all();
		expect(stored).toEqual([hashToken(raw)]);

		// New links too: the database never holds the link itself.
		const roundId = setupRound();
		const token = startResponse({ roundId, side: 'association', language: 'sv' }, NOW);
		expect(getResponseByResume(token)).toMatchObject({ roundId, side: 'association', resumeToken: token });
		const dump = JSON.stringify(db().prepare('SELECT * FROM responses').all());
		expect(dump).not.toContain(token);
		expect(dump).not.toContain(raw);
		expect(getResponseByResume(randomToken())).toBeUndefined();
		closeDb();
	});
});

describe('replaced invitation links', () => {
	it('are known as replaced, while unknown ones are not', () => {
		freshDatabase('replaced');
		const roundId = setupRound();
		const old = invitationTokens(roundId).municipality!;
		expect(isReplacedInvitation(old)).toBe(false);
		const fresh = replaceInvitation(roundId, 'municipality', NOW);
		expect(isReplacedInvitation(old)).toBe(true);
		expect(isReplacedInvitation(fresh)).toBe(false);
		expect(isReplacedInvitation(randomToken())).toBe(false);
	});
});

describe('starting responses', () => {
	const limits = { perAddress: 3, perLink: 5 };

	it('is limited per address on a link and per link in an hour, and counts nothing when refused', () => {
		freshDatabase('start-limit');
		const take = (invitation: number, address: string, at = NOW) => takeStart(invitation, address, at, limits);
		for (let i = 0; i < 3; i++) expect(take(1, '10.0.0.1', NOW + i * MINUTE)).toEqual({ ok: true });
		// The fourth from the same address waits until the hour from its first start is over.
		expect(take(1, '10.0.0.1', NOW + 10 * MINUTE)).toEqual({ ok: false, minutes: 50 });
		// Another address on the same link, and the same address on another link, go on.
		expect(take(1, '10.0.0.2', NOW + 10 * MINUTE)).toEqual({ ok: true });
		expect(take(2, '10.0.0.1', NOW + 10 * MINUTE)).toEqual({ ok: true });
		// The link's own limit: five starts from anyone.
		expect(take(1, '10.0.0.3', NOW + 11 * MINUTE)).toEqual({ ok: true });
		expect(take(1, '10.0.0.4', NOW + 12 * MINUTE)).toEqual({ ok: false, minutes: 48 });
		// After the hour, everyone may start again.
		expect(take(1, '10.0.0.1', NOW + 61 * MINUTE)).toEqual({ ok: true });
		// Addresses are kept only as hashes.
		expect(JSON.stringify(db().prepare('SELECT key FROM start_limits').all())).not.toContain('10.0.0.');
	});

	it('counts a start and makes its response in one transaction: a refused start makes none, a failed one counts none', () => {
		freshDatabase('start-within-limit');
		const roundId = setupRound();
		const responses = () => db().prepare('SELECT count(*) FROM responses').pluck().get();
		const starts = () => db().prepare("SELECT coalesce(sum(starts), 0) FROM start_limits WHERE key LIKE 'address:%'").pluck().get();
		const start = () => startResponse({ roundId, side: 'municipality', language: 'fi' }, NOW);
		for (let i = 0; i < 3; i++) expect(startWithinLimit(1, '10.0.0.1', start, NOW, limits)).toMatchObject({ ok: true, started: expect.any(String) });
		expect([responses(), starts()]).toEqual([3, 3]);
		expect(startWithinLimit(1, '10.0.0.1', start, NOW, limits)).toEqual({ ok: false, minutes: 60 });
		expect([responses(), starts()]).toEqual([3, 3]);
		// A start whose response cannot be made (here: a round that does not exist) leaves no count behind.
		const broken = () => startResponse({ roundId: 999_999, side: 'municipality', language: 'fi' }, NOW);
		expect(() => startWithinLimit(1, '10.0.0.2', broken, NOW, limits)).toThrow();
		expect([responses(), starts()]).toEqual([3, 3]);
	});

	it('flags a side whose starts far exceed its submits', () => {
		expect(startsFarExceedSubmits({ started: 8, submitted: 6 })).toBe(false);
		expect(startsFarExceedSubmits({ started: 9, submitted: 0 })).toBe(false);
		expect(startsFarExceedSubmits({ started: 12, submitted: 1 })).toBe(true);
		expect(startsFarExceedSubmits({ started: 40, submitted: 20 })).toBe(false);
		expect(startsFarExceedSubmits({ started: 60, submitted: 20 })).toBe(true);
	});
});
