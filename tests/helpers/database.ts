import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { closeDb } from '../../src/lib/server/db';

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
