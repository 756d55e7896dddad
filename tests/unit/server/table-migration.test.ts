import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/lib/server/db';

/*
 * tests/fixtures/demo-schema-001.sql is a copy of a demo database made before partnership
 * tables existed (`npm run portaat -- demo` into a fresh DATABASE_PATH at schema 001), reduced to
 * the tables the move reads: projects, organisations, pairs, rounds, meetings and actions.
 */
const migrations = loadMigrations('migrations');
const tablesMigration = migrations.findIndex((m) => m.sql.includes('CREATE TABLE partnership_tables'));
const before = migrations.slice(0, tablesMigration);

function legacyDatabase(extraSql = ''): Database.Database {
	const db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(db, before);
	db.exec(readFileSync('tests/fixtures/demo-schema-001.sql', 'utf8'));
	db.exec(extraSql);
	return db;
}

const oldMeetings = (db: Database.Database) =>
	db.prepare('SELECT id, pair_id AS pairId, round_id AS roundId, held_on AS heldOn, participants, agenda, notes, created_at AS createdAt FROM meetings ORDER BY id').all() as Record<string, unknown>[];
const oldActions = (db: Database.Database) =>
	db
		.prepare(
			`SELECT a.id, a.meeting_id AS meetingId, m.pair_id AS pairId, a.what, a.responsible, a.resources, a.due_on AS dueOn,
			        a.target_trait AS targetTrait, a.target_step AS targetStep, a.status, a.status_changed_at AS statusChangedAt
			 FROM actions a JOIN meetings m ON m.id = a.meeting_id ORDER BY a.id`
		)
		.all() as Record<string, unknown>[];

function migrated(db: Database.Database) {
	migrate(db, migrations);
	const meetings = db
		.prepare(
			`SELECT m.id, tp.pair_id AS pairId, m.round_id AS roundId, m.held_on AS heldOn, m.participants, m.agenda, m.notes, m.created_at AS createdAt
			 FROM table_meetings m JOIN table_pairs tp ON tp.table_id = m.table_id ORDER BY m.id`
		)
		.all();
	const actions = db
		.prepare(
			`SELECT a.id, a.meeting_id AS meetingId, tp.pair_id AS pairId, a.what,
			        CASE WHEN o.id IS NULL THEN a.responsible ELSE o.name END AS responsible, a.resources, a.due_on AS dueOn,
			        a.target_trait AS targetTrait, a.target_step AS targetStep, a.status, a.status_changed_at AS statusChangedAt
			 FROM table_actions a JOIN table_meetings m ON m.id = a.meeting_id JOIN table_pairs tp ON tp.table_id = m.table_id
			 LEFT JOIN organisations o ON o.id = a.member_org_id ORDER BY a.id`
		)
		.all();
	return { meetings, actions };
}

describe('moving pair meetings into partnership tables', () => {
	it('keeps every meeting and action of a demo database, field by field', () => {
		const db = legacyDatabase();
		const meetings = oldMeetings(db);
		const actions = oldActions(db);
		expect(meetings.length).toBeGreaterThanOrEqual(12);
		expect(actions.length).toBeGreaterThanOrEqual(24);
		const after = migrated(db);
		expect(after.meetings).toEqual(meetings);
		expect(after.actions).toEqual(actions);
		expect(db.pragma('foreign_key_check')).toEqual([]);
	});

	it('gives each pair a table of its two organisations, its meetings numbered by date', () => {
		const db = legacyDatabase();
		const pairs = db.prepare('SELECT DISTINCT pair_id FROM meetings').pluck().all() as number[];
		migrate(db, migrations);
		for (const pairId of pairs) {
			const pair = db.prepare('SELECT municipality_org_id AS m, association_org_id AS a FROM pairs WHERE id = ?').get(pairId) as { m: number; a: number };
			const tableIds = db.prepare('SELECT table_id FROM table_pairs WHERE pair_id = ?').pluck().all(pairId);
			expect(tableIds).toHaveLength(1);
			const members = db.prepare('SELECT org_id FROM table_members WHERE table_id = ? ORDER BY org_id').pluck().all(tableIds[0]);
			expect(members).toEqual([pair.m, pair.a].sort((x, y) => x - y));
			const numbers = db.prepare('SELECT number FROM table_meetings WHERE table_id = ? ORDER BY held_on, id').pluck().all(tableIds[0]) as number[];
			expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		}
	});

	it('assigns an action to the member organisation its free text names, and keeps any other text as a note', () => {
		const db = legacyDatabase(`
			INSERT INTO actions (meeting_id, what, responsible) SELECT m.id, 'Varataan tila', o.name FROM meetings m
				JOIN pairs p ON p.id = m.pair_id JOIN organisations o ON o.id = p.association_org_id ORDER BY m.id LIMIT 1;
			INSERT INTO actions (meeting_id, what, responsible) SELECT id, 'Kysytään kirjastolta', 'Kirjasto ja Liisa' FROM meetings ORDER BY id LIMIT 1;`);
		const last = db.prepare('SELECT max(id) FROM actions').pluck().get() as number;
		migrate(db, migrations);
		const rows = db.prepare('SELECT member_org_id AS member, responsible FROM table_actions WHERE id >= ? ORDER BY id').all(last - 1) as { member: number | null; responsible: string }[];
		expect(rows[0].member).not.toBeNull();
		expect(rows[0].responsible).toBe('');
		expect(rows[1]).toEqual({ member: null, responsible: 'Kirjasto ja Liisa' });
	});
});
