import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from './db.ts';

/**
 * An online backup with SQLite's backup API while the app goes on writing: the copy is a
 * consistent state that holds at least everything committed before it began (writes made
 * meanwhile through the same connection are copied too; writes from another connection
 * restart the copy). The copy is checked with integrity_check before it counts.
 */
export async function backupDatabase(source: Db, file: string): Promise<{ pages: number; integrity: string }> {
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
