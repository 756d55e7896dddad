import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDb, migrate, openDatabase, type Migration } from '../../src/lib/server/db';

/**
 * Points the app's db() at a new empty database file in a fresh folder; the next db() call
 * opens and migrates it. Returns the file's path.
 */
export function freshDatabase(prefix: string): string {
	closeDb();
	const file = join(mkdtempSync(join(tmpdir(), `portaat-${prefix}-`)), 'portaat.db');
	process.env.DATABASE_PATH = file;
	return file;
}

/** Closes the test's database after the file's tests and puts DATABASE_PATH back as it was. */
export function restoreDatabaseAfterAll(): void {
	const original = process.env.DATABASE_PATH;
	afterAll(() => {
		closeDb();
		if (original === undefined) delete process.env.DATABASE_PATH;
		else process.env.DATABASE_PATH = original;
	});
}

/**
 * The same data as the database `file` (closed), in a copy beside it migrated only with `migrations`:
 * a database made before a later migration. The round summaries are left to the triggers that
 * those migrations have, as the app of that time kept them. Foreign keys are on again.
 */
export function olderCopy(file: string, migrations: Migration[]): Database.Database {
	const old = openDatabase(file.replace(/\.db$/, '-old.db'));
	migrate(old, migrations);
	old.pragma('foreign_keys = OFF');
	old.exec(`ATTACH '${file}' AS demo`);
	const tables = old.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'round_summaries', 'project_round_stats', 'project_unclosed_stats', 'pair_latest_rounds', 'project_latest_stats') AND name NOT LIKE 'sqlite_%' ORDER BY rowid").pluck().all() as string[];
	for (const t of tables) {
		const columns = (old.prepare(`SELECT name FROM pragma_table_info('${t}', 'main')`).pluck().all() as string[]).join(', ');
		old.exec(`INSERT INTO main.${t} (${columns}) SELECT ${columns} FROM demo.${t}`);
	}
	old.exec('DETACH demo');
	old.pragma('foreign_keys = ON');
	return old;
}
