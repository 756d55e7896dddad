import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type Db = Database.Database;

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export class DatabaseTooNewError extends Error {
	constructor(
		readonly found: number,
		readonly known: number
	) {
		super(
			`The database is at schema version ${found}, but this version of Portaat knows migrations up to ${known}. ` +
				`It was written by a newer Portaat: start that version, or restore a backup made by this one.`
		);
	}
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order; a gap or a duplicate number is a packaging error. */
export function loadMigrations(dir: string): Migration[] {
	const migrations = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.map((file) => {
			const match = FILE_NAME.exec(file);
			if (!match) throw new Error(`Migration file name ${file} is not of the form NNN_name.sql`);
			return { version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, file), 'utf8') };
		})
		.sort((a, b) => a.version - b.version);
	migrations.forEach((m, i) => {
		if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, … without gaps; found ${m.version} at position ${i + 1}`);
	});
	return migrations;
}

export function schemaVersion(db: Db): number {
	const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
	return row.v ?? 0;
}

/** Applies the migrations the database has not seen, each in its own transaction. Returns the versions applied. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	)`);
	// Migrations that turn secrets into hashes need the hash SQLite does not have.
	db.function('sha256_hex', { deterministic: true }, (value: unknown) =>
		value === null ? null : createHash('sha256').update(String(value)).digest('hex')
	);
	const current = schemaVersion(db);
	const known = migrations.at(-1)?.version ?? 0;
	if (current > known) throw new DatabaseTooNewError(current, known);
	const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
	const applied: number[] = [];
	for (const m of migrations.filter((m) => m.version > current)) {
		db.transaction(() => {
			db.exec(m.sql);
			record.run(m.version, m.name);
		}).immediate();
		applied.push(m.version);
	}
	return applied;
}

/** The page cache of a connection, in KiB (see openDatabase). */
export const CACHE_KIB = 16 * 1024;

/** Opens a connection with the pragmas every connection needs. busy_timeout comes first so the others can wait for a lock. */
export function openDatabase(file: string): Db {
	if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	const db = new Database(file);
	db.pragma('busy_timeout = 5000');
	db.pragma('journal_mode = WAL');
	// NORMAL in WAL mode never corrupts the file; a power cut may lose the last commits
	// before a checkpoint, which FULL would keep. Submissions are few and precious: FULL.
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	// 16 MiB of page cache (SQLite's default is 2 MiB). A view of a 2,000-pair project or theme
	// touches 14-16 MB of pages: with the default each view read some 2,700-4,800 pages back from
	// the OS (counted with strace), with 16 MiB none. The margin is thin (14 MiB still thrashed),
	// so far larger projects will read again. Costs 11-14 MB of memory under the submit load.
	db.pragma(`cache_size = -${CACHE_KIB}`);
	return db;
}

export function migrationsDir(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
}

export function databasePath(): string {
	return process.env.DATABASE_PATH ?? 'data/portaat.db';
}

let connection: Db | undefined;

/** The app's one connection, opened and migrated on first use. */
export function db(): Db {
	if (!connection) {
		const opened = openDatabase(databasePath());
		try {
			migrate(opened, loadMigrations(migrationsDir()));
		} catch (error) {
			opened.close();
			throw error;
		}
		connection = opened;
	}
	return connection;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The app connection's statement for this SQL, prepared once per connection (better-sqlite3
 * does not cache). Pluck mode is reset on every call, so a caller's `.pluck()` never leaks.
 */
export function prepared(sql: string): Database.Statement {
	const conn = db();
	let cache = statements.get(conn);
	if (!cache) statements.set(conn, (cache = new Map()));
	let statement = cache.get(sql);
	if (!statement) cache.set(sql, (statement = conn.prepare(sql)));
	else if (statement.reader) statement.pluck(false);
	return statement;
}

/**
 * Runs fn as one write transaction that takes the write lock at its start (BEGIN IMMEDIATE).
 * A deferred transaction that reads first and then writes fails at once with SQLITE_BUSY when
 * another connection (a second process, a script) committed in between; busy_timeout cannot help
 * it. Taking the lock first makes it wait its turn instead. Every writing transaction uses this.
 */
export function writeTransaction<T>(fn: () => T): T {
	return db().transaction(fn).immediate();
}

type Queued = { fn: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
let queued: Queued[] = [];

/**
 * Runs fn in a write transaction shared with the other writes queued in the same turn of the
 * event loop (group commit): with synchronous = FULL every COMMIT waits for an fsync, so many
 * respondents posting at once share one instead of queueing for one each. Each write runs in its
 * own savepoint: one that throws is undone alone and its promise rejects, the others commit. A
 * promise settles only after the COMMIT, so what it reports is on disk.
 */
export function batchedWrite<T>(fn: () => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		queued.push({ fn, resolve: resolve as (value: unknown) => void, reject });
		if (queued.length === 1) setImmediate(flushWrites);
	});
}

function flushWrites(): void {
	const batch = queued;
	queued = [];
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		// Inside the try: a database that cannot be opened fails the batch's requests, not the process.
		const conn = db();
		conn
			.transaction(() => {
				for (const write of batch) {
					try {
						outcomes.push({ ok: true, value: conn.transaction(write.fn)() });
					} catch (error) {
						// Some errors (a full disk, an I/O error) end the whole transaction: then nothing of the batch stands.
						if (!conn.inTransaction) throw error;
						outcomes.push({ ok: false, error });
					}
				}
			})
			.immediate();
	} catch (error) {
		for (const write of batch) write.reject(error);
		return;
	}
	batch.forEach((write, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) write.resolve(outcome.value);
		else write.reject(outcome.error);
	});
}

/** Closes the connection so the WAL is checkpointed into the main file. */
export function closeDb(): void {
	connection?.close();
	connection = undefined;
}
