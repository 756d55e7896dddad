import { describe, expect, it } from 'vitest';
import { closeDb, db, loadMigrations, migrate } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { freshDatabase, olderCopy, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();
const migrations = loadMigrations('migrations');
const choices = migrations.findIndex((m) => m.name.includes('round_choices'));

describe('the options each round’s pair reports, kept beside its summary (migration round_choices)', () => {
	it('is filled for a demo database made before it, exactly as new results fill it', () => {
		expect(choices).toBeGreaterThan(0);
		// Today's demo, and the same data in a database one migration older.
		const file = freshDatabase('round-choices');
		createDemo({ seed: 7 });
		const fresh = db().prepare('SELECT round_id, reported FROM round_summaries ORDER BY round_id').all() as { round_id: number; reported: string | null }[];
		closeDb();
		const old = olderCopy(file, migrations.slice(0, choices));
		expect(old.prepare('SELECT count(*) FROM round_summaries').pluck().get()).toBe(fresh.length);

		migrate(old, migrations);
		const migrated = old.prepare('SELECT round_id, reported FROM round_summaries ORDER BY round_id').all() as typeof fresh;
		expect(migrated).toEqual(fresh);
		expect(fresh.filter((r) => r.reported !== null).length).toBeGreaterThan(fresh.length / 2);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});
