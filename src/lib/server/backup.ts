import Database from 'better-sqlite3';
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from './db.ts';

export class BackupOverLiveDatabaseError extends Error {
	constructor(file: string) {
		super(`${file} is the live database (or one of its -wal, -shm, -journal files): give another file for the backup.`);
	}
}

/** The path as the file system resolves it, through symbolic links of the file or of its folders. */
function realPath(file: string): string {
	const absolute = resolve(file);
	try {
		return realpathSync(absolute);
	} catch {
		// Not there yet: resolve the folder (which may be a link) and keep the name.
		try {
			return join(realpathSync(dirname(absolute)), basename(absolute));
		} catch {
			return absolute;
		}
	}
}

/** True when writing to `target` would write into the database file `live` or its companions. */
function isLive(target: string, live: string): boolean {
	const liveFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => realPath(live + suffix));
	if (liveFiles.includes(realPath(target))) return true;
	// A hard link has another name but the same inode.
	try {
		const t = statSync(target);
		return liveFiles.some((f) => {
			try {
				const l = statSync(f);
				return l.dev === t.dev && l.ino === t.ino;
			} catch {
				return false;
			}
		});
	} catch {
		return false;
	}
}

/**
 * An online backup with SQLite's backup API while the app goes on writing: the copy is a
 * consistent state that holds at least everything committed before it began (writes made
 * meanwhile through the same connection are copied too; writes from another connection
 * restart the copy). The copy is checked with integrity_check before it counts.
 */
export async function backupDatabase(source: Db, file: string): Promise<{ pages: number; integrity: string }> {
	if (isLive(file, source.name)) throw new BackupOverLiveDatabaseError(file);
	mkdirSync(dirname(resolve(file)), { recursive: true });
	const { totalPages } = await source.backup(file);
	const copy = new Database(file, { readonly: true });
	try {
		const integrity = copy.pragma('integrity_check', { simple: true }) as string;
		if (integrity !== 'ok') throw new Error(`The backup in ${file} failed its integrity check: ${integrity}`);
		return { pages: totalPages, integrity };
	} finally {
		copy.close();
	}
}
