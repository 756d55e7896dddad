import { describe, expect, it } from 'vitest';
import { closeDb, db, loadMigrations, migrate } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { freshDatabase, olderCopy, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();
const migrations = loadMigrations('migrations');
const unmovedMigration = migrations.findIndex((m) => m.name === 'group_numbers');

type Conn = { prepare: (sql: string) => { all: () => unknown[] } };
type Summary = { round_id: number; pair_id: number; number: number; pair_step: number | null; unmoved: number };
const summaries = (conn: Conn) =>
	conn.prepare('SELECT round_id, pair_id, number, pair_step, unmoved FROM round_summaries ORDER BY pair_id, number').all() as Summary[];

/** The rule read straight from the steps: this round and the pair's two summarised rounds before it show one step. */
function expectedFlags(rows: Summary[]): Record<number, number> {
	const flags: Record<number, number> = {};
	rows.forEach((row, i) => {
		const three = rows.slice(Math.max(0, i - 2), i + 1).filter((r) => r.pair_id === row.pair_id);
		flags[row.round_id] = three.length === 3 && three.every((r) => r.pair_step !== null && r.pair_step === row.pair_step) ? 1 : 0;
	});
	return flags;
}
const flags = (rows: Summary[]) => Object.fromEntries(rows.map((r) => [r.round_id, r.unmoved]));

describe('whether a pair has not moved for two rounds, kept on each round summary (migration group_numbers)', () => {
	it('is kept by every result written, as the steps say', () => {
		freshDatabase('unmoved');
		createDemo();
		const rows = summaries(db());
		expect(flags(rows)).toEqual(expectedFlags(rows));
		// The demo has pairs that stood still and pairs that moved.
		expect(rows.some((r) => r.unmoved)).toBe(true);
		expect(rows.some((r) => !r.unmoved && r.pair_step !== null)).toBe(true);
	});

	it('is filled for a demo database made before it, as new results fill it, and leaves the project totals as they were', () => {
		expect(unmovedMigration).toBeGreaterThan(0);
		const file = freshDatabase('unmoved-migration');
		createDemo();
		const fresh = summaries(db());
		closeDb();
		const old = olderCopy(file, migrations.slice(0, unmovedMigration));
		const totals = () => old.prepare('SELECT * FROM project_round_stats ORDER BY project_id, number, step').all();
		const totalsBefore = totals();
		migrate(old, migrations);
		expect(flags(summaries(old))).toEqual(flags(fresh));
		expect(flags(fresh)).toEqual(expectedFlags(fresh));
		expect(fresh.some((r) => r.unmoved)).toBe(true);
		// Not a single sum touched: setting the flag does not run the totals' trigger.
		expect(totals()).toEqual(totalsBefore);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});
