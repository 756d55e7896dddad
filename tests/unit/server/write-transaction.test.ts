import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchedWrite, closeDb, db, openDatabase, writeTransaction } from '../../../src/lib/server/db';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();

function serverModules(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? serverModules(path) : path.endsWith('.ts') ? [path] : [];
	});
}

describe('a write transaction next to another process writing the same file', () => {
	// CI failed once on this: a script (the e2e fixture) read, the server committed, and the
	// script's INSERT then failed with "database is locked" without waiting.
	function race(run: (fn: () => void) => void): unknown {
		const file = freshDatabase('write-tx');
		db().exec('CREATE TABLE t (n INTEGER)');
		const other = openDatabase(file);
		other.pragma('busy_timeout = 0');
		try {
			run(() => {
				db().prepare('SELECT count(*) FROM t').get();
				try {
					other.prepare('INSERT INTO t VALUES (1)').run(); // the other process, in between
				} catch {
					// it waits for us instead: the lock is ours
				}
				db().prepare('INSERT INTO t VALUES (2)').run();
			});
			return null;
		} catch (error) {
			return (error as { code?: string }).code;
		} finally {
			other.close();
		}
	}

	it('a deferred transaction that reads first fails with SQLITE_BUSY (the reproduction)', () => {
		expect(race((fn) => db().transaction(fn)())).toMatch(/^SQLITE_BUSY/);
	});

	it('writeTransaction takes the lock first, so the other writer waits and ours commits', () => {
		expect(race((fn) => writeTransaction(fn))).toBeNull();
		expect(db().prepare('SELECT n FROM t').pluck().all()).toEqual([2]);
	});

	it('every server module writes through writeTransaction, none opens a deferred one', () => {
		const offenders = serverModules('src/lib/server')
			.filter((f) => !f.endsWith('/db.ts'))
			.filter((f) => /\.transaction\(/.test(readFileSync(f, 'utf8')));
		expect(offenders).toEqual([]);
	});
});

describe('statements', () => {
	// Preparing a statement compiles it, and the triggers of the tables it writes, every time:
	// a submit spent three quarters of its CPU time there before they were kept.
	it('are prepared once and kept (prepared()), never again per call', () => {
		const offenders = serverModules('src/lib/server')
			.filter((f) => !f.endsWith('/db.ts'))
			.filter((f) => /\.prepare\(/.test(readFileSync(f, 'utf8')));
		expect(offenders).toEqual([]);
	});
});

describe('writes posted at once (group commit)', () => {
	it('share one transaction, each answered with its own result, in the order posted', async () => {
		freshDatabase('batched');
		db().exec('CREATE TABLE t (n INTEGER)');
		const commits: number[] = [];
		const writes = Array.from({ length: 20 }, (_, n) =>
			batchedWrite(() => {
				db().prepare('INSERT INTO t VALUES (?)').run(n);
				commits.push(db().prepare('SELECT count(*) FROM t').pluck().get() as number);
				return n * 10;
			})
		);
		expect(await Promise.all(writes)).toEqual(Array.from({ length: 20 }, (_, n) => n * 10));
		// All twenty ran in one transaction: each saw the rows of those before it, uncommitted.
		expect(commits).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
	});

	it('undo only the write that fails; the others commit, and are on disk when their promise settles', async () => {
		const file = freshDatabase('batched-fail');
		db().exec('CREATE TABLE t (n INTEGER NOT NULL)');
		const other = openDatabase(file);
		try {
			const seenByOther: number[][] = [];
			const writes = [1, 2, 3].map((n) =>
				batchedWrite(() => {
					db().prepare('INSERT INTO t VALUES (?)').run(n * 100);
					// The second write fails after it wrote: its row must go, the others' stay.
					if (n === 2) db().prepare('INSERT INTO t VALUES (NULL)').run();
					return n;
				}).then((value) => {
					seenByOther.push(other.prepare('SELECT n FROM t ORDER BY n').pluck().all() as number[]);
					return value;
				})
			);
			const settled = await Promise.allSettled(writes);
			expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			expect((settled[1] as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_NOTNULL');
			expect(db().prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([100, 300]);
			// Another connection (another process) already sees them when each promise settles.
			expect(seenByOther).toEqual([
				[100, 300],
				[100, 300]
			]);
		} finally {
			other.close();
		}
	});

	it('a database that cannot be opened fails the queued writes, and the process goes on', async () => {
		closeDb();
		process.env.DATABASE_PATH = '/dev/null/no-such-folder/portaat.db';
		const writes = [batchedWrite(() => 1), batchedWrite(() => 2)];
		const settled = await Promise.allSettled(writes);
		expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
		freshDatabase('batched-after');
		expect(await batchedWrite(() => 3)).toBe(3);
	});

	it('a write queued after a batch has committed starts a new one', async () => {
		freshDatabase('batched-next');
		db().exec('CREATE TABLE t (n INTEGER)');
		await batchedWrite(() => db().prepare('INSERT INTO t VALUES (1)').run());
		expect(db().inTransaction).toBe(false);
		await batchedWrite(() => db().prepare('INSERT INTO t VALUES (2)').run());
		expect(db().prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
	});
});
