import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, loadMigrations, migrate, openDatabase, schemaVersion } from '../../../src/lib/server/db';

const migrations = loadMigrations('migrations');

function schemaOf(db: Database.Database) {
	return db
		.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
		.all();
}

describe('migrations', () => {
	it('are numbered from 001 without gaps', () => {
		expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
	});

	it('migrate an empty database to the latest version and record what ran', () => {
		const db = openDatabase(':memory:');
		expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
		expect(schemaVersion(db)).toBe(migrations.length);
		expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
			migrations.map((m) => m.name)
		);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		// A second start applies nothing.
		expect(migrate(db, migrations)).toEqual([]);
	});

	it.each(migrations.map((m) => m.version - 1))('bring a database at version %i to the same schema as a new one', (from) => {
		const fresh = openDatabase(':memory:');
		migrate(fresh, migrations);
		const old = openDatabase(':memory:');
		migrate(old, migrations.slice(0, from));
		expect(schemaVersion(old)).toBe(from);
		migrate(old, migrations);
		expect(schemaOf(old)).toEqual(schemaOf(fresh));
	});

	it('roll back a migration that fails, leaving the database as it was', () => {
		const dir = mkdtempSync(join(tmpdir(), 'portaat-mig-'));
		cpSync('migrations', dir, { recursive: true });
		const next = String(migrations.length + 1).padStart(3, '0');
		writeFileSync(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (id INTEGER);\nSELECT * FROM no_such_table;');
		const db = openDatabase(':memory:');
		migrate(db, migrations);
		expect(() => migrate(db, loadMigrations(dir))).toThrow(/no_such_table/);
		expect(schemaVersion(db)).toBe(migrations.length);
		expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
	});

	it('refuse a database written by a newer Portaat, with a clear message', () => {
		const db = openDatabase(':memory:');
		migrate(db, migrations);
		db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, 'from_the_future')").run(migrations.length + 1);
		expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
		expect(() => migrate(db, migrations)).toThrow(/newer Portaat/);
	});

	it('reject a file name that is not NNN_name.sql', () => {
		const dir = mkdtempSync(join(tmpdir(), 'portaat-mig-'));
		writeFileSync(join(dir, '1_init.sql'), 'SELECT 1;');
		expect(() => loadMigrations(dir)).toThrow(/NNN_name\.sql/);
	});
});

describe('a connection', () => {
	it('uses WAL, full sync, foreign keys, a busy timeout and a 16 MiB page cache', () => {
		const dir = mkdtempSync(join(tmpdir(), 'portaat-db-'));
		const db = openDatabase(join(dir, 'nested', 'p.db'));
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
		// Every commit waits for the disk: a submitted answer survives a power cut.
		expect(db.pragma('synchronous', { simple: true })).toBe(2);
		// The cache a 2,000-pair project's pages need (negative: KiB); the bench measures the effect.
		expect(db.pragma('cache_size', { simple: true })).toBe(-16384);
		db.close();
	});
});

describe('prepared statements of the app connection', () => {
	it('are prepared once per connection, and a caller’s pluck does not leak to the next caller', async () => {
		const { closeDb, prepared } = await import('../../../src/lib/server/db');
		const original = process.env.DATABASE_PATH;
		process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'portaat-prep-')), 'p.db');
		try {
			closeDb();
			const sql = 'SELECT 1 AS one';
			const first = prepared(sql);
			expect(prepared(sql)).toBe(first);
			expect(prepared(sql).pluck().get()).toBe(1);
			expect(prepared(sql).get()).toEqual({ one: 1 });
			closeDb();
			// A new connection prepares anew: a statement of a closed connection cannot run.
			expect(prepared(sql)).not.toBe(first);
			expect(prepared(sql).get()).toEqual({ one: 1 });
		} finally {
			closeDb();
			if (original === undefined) delete process.env.DATABASE_PATH;
			else process.env.DATABASE_PATH = original;
		}
	});
});
