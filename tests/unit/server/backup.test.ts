import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { linkSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { backupDatabase, BackupOverLiveDatabaseError } from '../../../src/lib/server/backup';
import { db, openDatabase } from '../../../src/lib/server/db';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject } from '../../../src/lib/server/projects';
import { getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { getRound, openRound } from '../../../src/lib/server/rounds';
import { freshDatabase as newDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let dir = '';

function freshDatabase(): string {
	const file = newDatabase('backup');
	dir = dirname(file);
	return file;
}

restoreDatabaseAfterAll();

beforeEach(() => {
	freshDatabase();
});

const PADDING = 'x'.repeat(1000);

/** Enough committed rows that the backup takes many steps (100 pages each). */
function seed(projectId: number, count: number): Map<number, string> {
	const rows = new Map<number, string>();
	db().transaction(() => {
		for (let i = 0; i < count; i++) {
			const name = `Yhdistys ${i} ${PADDING}`;
			rows.set(createOrganisation(projectId, { name, kind: 'association' }), name);
		}
	})();
	return rows;
}

function openCopy(file: string): Database.Database {
	return new Database(file, { readonly: true, fileMustExist: true });
}

function expectPrefix(present: Set<number>, writtenInOrder: readonly number[]): number {
	// The copy is one moment of the database: of the rows written one commit after another,
	// it holds the first k and none after them.
	const k = writtenInOrder.filter((id) => present.has(id)).length;
	expect(writtenInOrder.slice(0, k).every((id) => present.has(id))).toBe(true);
	expect(writtenInOrder.slice(k).some((id) => present.has(id))).toBe(false);
	return k;
}

describe('backupDatabase while the app goes on writing', () => {
	it('writes through the app connection during the backup: the copy is whole and has every earlier row', async () => {
		const projectId = createProject({ name: 'Varmuuskopio', description: '' });
		const before = seed(projectId, 4000);

		// A pair with an open round, so that responses can be submitted during the backup too.
		const m = createOrganisation(projectId, { name: 'Kunta', kind: 'municipality' });
		const a = createOrganisation(projectId, { name: 'Yhdistys', kind: 'association' });
		const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
		const roundId = openRound(pairId, { closesAt: null, asksRole: false });
		const round = getRound(projectId, pairId, roundId)!;
		before.set(m, 'Kunta').set(a, 'Yhdistys');
		const answers = Object.fromEntries([...v.traitItems, ...v.practiceItems].map((item) => [item.id, 4]));

		const written: number[] = [];
		const submitted: number[] = [];
		let backupPending = true;
		let writesDuringBackup = 0;
		let i = 0;
		const write = () => {
			if (!backupPending) return;
			i++;
			written.push(createOrganisation(projectId, { name: `Uusi ${i} ${PADDING}`, kind: 'other' }));
			if (i % 5 === 0) {
				const token = startResponse({ roundId, side: i % 10 === 0 ? 'municipality' : 'association', language: 'fi' });
				const id = getResponseByResume(token)!.id;
				expect(saveAnswers(id, round, { set: answers, clear: [] })).toBe('saved');
				expect(submitResponse(id, round)).toBe('submitted');
				submitted.push(id);
			}
			writesDuringBackup++;
			setImmediate(write);
		};

		const copyFile = join(dir, 'backups', 'copy.db');
		const backup = backupDatabase(db(), copyFile);
		setImmediate(write);
		const result = await backup.finally(() => (backupPending = false));

		expect(result.integrity).toBe('ok');
		expect(result.pages).toBeGreaterThan(500); // many steps, so writes really fell between them
		expect(writesDuringBackup).toBeGreaterThan(3);

		const copy = openCopy(copyFile);
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(copy.pragma('foreign_key_check')).toEqual([]);
			const rows = new Map(
				(copy.prepare('SELECT id, name FROM organisations').all() as { id: number; name: string }[]).map((r) => [r.id, r.name])
			);
			for (const [id, name] of before) expect(rows.get(id)).toBe(name);
			// Nothing in the copy that the app did not write.
			const live = new Set(db().prepare('SELECT id FROM organisations').pluck().all() as number[]);
			for (const id of rows.keys()) expect(live.has(id)).toBe(true);
			expectPrefix(new Set(rows.keys()), written);

			// Submissions in the copy are whole: each submitted response has its one score row, and
			// the round's stored counts match the submitted responses the copy holds.
			const inCopy = new Set(copy.prepare("SELECT id FROM responses WHERE status = 'submitted'").pluck().all() as number[]);
			expectPrefix(inCopy, submitted);
			expect(copy.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(inCopy.size);
			expect(
				copy.prepare('SELECT count(*) FROM response_scores s JOIN responses r ON r.id = s.response_id').pluck().get()
			).toBe(inCopy.size);
			const counts = copy
				.prepare("SELECT side, count(*) AS n FROM responses WHERE round_id = ? AND status = 'submitted' GROUP BY side")
				.all(roundId) as { side: string; n: number }[];
			const n = (side: string) => counts.find((c) => c.side === side)?.n ?? 0;
			const stored = copy.prepare('SELECT municipality_n, association_n FROM round_results WHERE round_id = ?').get(roundId) as
				| { municipality_n: number; association_n: number }
				| undefined;
			if (inCopy.size === 0) expect(stored).toBeUndefined();
			else expect(stored).toEqual({ municipality_n: n('municipality'), association_n: n('association') });
		} finally {
			copy.close();
		}
	}, 60_000);

	it('writes from a second connection during the backup: the copy is whole and has every earlier row', async () => {
		const file = process.env.DATABASE_PATH!;
		const projectId = createProject({ name: 'Toinen yhteys', description: '' });
		const before = seed(projectId, 3000);

		const other = openDatabase(file);
		const insert = other.prepare("INSERT INTO organisations (project_id, name, kind) VALUES (?, ?, 'other')");
		const written: number[] = [];
		let writesDuringBackup = 0;
		let backupPending = true;
		// Bounded, so that a backup restarted by every foreign write can still finish.
		const timer = setInterval(() => {
			if (!backupPending || written.length >= 200) return;
			written.push(Number(insert.run(projectId, `Toinen ${written.length} ${PADDING}`).lastInsertRowid));
			writesDuringBackup++;
		}, 1);

		const copyFile = join(dir, 'copy-2.db');
		try {
			const result = await backupDatabase(db(), copyFile).finally(() => (backupPending = false));
			expect(result.integrity).toBe('ok');
		} finally {
			clearInterval(timer);
		}
		expect(writesDuringBackup).toBeGreaterThan(0);

		const copy = openCopy(copyFile);
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			const rows = new Map(
				(copy.prepare('SELECT id, name FROM organisations').all() as { id: number; name: string }[]).map((r) => [r.id, r.name])
			);
			for (const [id, name] of before) expect(rows.get(id)).toBe(name);
			expectPrefix(new Set([...rows.keys()].filter((id) => !before.has(id))), written);
		} finally {
			copy.close();
			other.close();
		}
	}, 60_000);

	it('a backup made when nothing is written has exactly the rows of the database', async () => {
		const projectId = createProject({ name: 'Hiljainen', description: '' });
		const before = seed(projectId, 50);
		const copyFile = join(dir, 'nested', 'deeper', 'copy.db');
		expect(await backupDatabase(db(), copyFile)).toMatchObject({ integrity: 'ok' });
		const copy = openCopy(copyFile);
		try {
			expect(copy.prepare('SELECT id, name FROM organisations ORDER BY id').all()).toEqual(
				[...before].sort((x, y) => x[0] - y[0]).map(([id, name]) => ({ id, name }))
			);
			expect(copy.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(
				db().prepare('SELECT max(version) FROM schema_migrations').pluck().get()
			);
		} finally {
			copy.close();
		}
	});
});

describe('backupDatabase refuses to write over the live database', () => {
	it('by its path, a relative path, a symbolic link, a hard link or a companion file; the database is untouched', async () => {
		const live = db().name;
		const projectId = createProject({ name: 'Elävä', description: '' });
		symlinkSync(live, join(dir, 'link.db'));
		linkSync(live, join(dir, 'hard.db'));
		for (const target of [live, relative(process.cwd(), live), join(dir, 'link.db'), join(dir, 'hard.db'), `${live}-wal`, join(dir, '.', 'portaat.db')])
			await expect(backupDatabase(db(), target), target).rejects.toThrow(BackupOverLiveDatabaseError);
		expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
		expect(db().prepare('SELECT name FROM projects WHERE id = ?').pluck().get(projectId)).toBe('Elävä');
		// Another file in the same folder is fine.
		await expect(backupDatabase(db(), join(dir, 'copy.db'))).resolves.toMatchObject({ integrity: 'ok' });
	});

	it('the CLI says so and exits with an error', () => {
		db();
		const live = db().name;
		let failure: { status: number; stderr: string } | undefined;
		try {
			execFileSync('npx', ['tsx', 'scripts/portaat.ts', 'backup', live], { env: { ...process.env, DATABASE_PATH: live }, encoding: 'utf8', stdio: 'pipe' });
		} catch (e) {
			failure = e as { status: number; stderr: string };
		}
		expect(failure?.status).toBe(1);
		expect(failure?.stderr).toContain('is the live database');
	}, 60_000);
});
