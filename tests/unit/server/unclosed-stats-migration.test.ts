import { describe, expect, it } from 'vitest';
import { closeDb, db, loadMigrations, migrate } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { closeRound } from '../../../src/lib/server/rounds';
import { freshDatabase, olderCopy, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();
const migrations = loadMigrations('migrations');
const unclosedMigration = migrations.findIndex((m) => m.name === 'unclosed_stats');

type Conn = { prepare: (sql: string) => { all: () => unknown[] } };
const kept = (conn: Conn) => conn.prepare('SELECT * FROM project_unclosed_stats WHERE pairs > 0 ORDER BY project_id, open_until, number, step').all();
/** The sums read straight from the summaries of rounds not closed by hand. */
const recounted = (conn: Conn) =>
	conn
		.prepare(
			`SELECT s.project_id, coalesce(r.closes_at, '') AS open_until, s.number, coalesce(s.pair_step, 0) AS step, count(*) AS pairs,
			        ${['shared_goal', 'deliberate', 'trust', 'concrete', 'reciprocity', 'mutual_need', 'respect', 'meeting_place']
								.map((t) => `coalesce(sum(s.${t}), 0) AS ${t}_sum, count(s.${t}) AS ${t}_n`)
								.join(', ')}
			 FROM round_summaries s JOIN rounds r ON r.id = s.round_id WHERE r.closed_at IS NULL
			 GROUP BY s.project_id, coalesce(r.closes_at, ''), s.number, coalesce(s.pair_step, 0)
			 ORDER BY s.project_id, open_until, s.number, step`
		)
		.all();
const close = (rows: unknown[]) =>
	(rows as Record<string, number>[]).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v])));

describe('the sums of rounds not closed by hand, kept by their planned closing time (migration unclosed_stats)', () => {
	it('follow every result written, every round closed and every pair erased', () => {
		freshDatabase('unclosed');
		const { projectId } = createDemo();
		expect(kept(db()).length).toBeGreaterThan(0);
		expect(close(kept(db()))).toEqual(close(recounted(db())));
		const unclosed = db().prepare('SELECT r.id, r.pair_id AS pairId FROM rounds r JOIN round_summaries s ON s.round_id = r.id WHERE r.closed_at IS NULL').all() as { id: number; pairId: number }[];
		closeRound(unclosed[0].id);
		expect(close(kept(db()))).toEqual(close(recounted(db())));
		db().prepare('DELETE FROM pairs WHERE id = ? AND project_id = ?').run(unclosed[1].pairId, projectId);
		expect(close(kept(db()))).toEqual(close(recounted(db())));
	});

	it('are filled for a demo database made before them, as new results fill them', () => {
		expect(unclosedMigration).toBeGreaterThan(0);
		const file = freshDatabase('unclosed-migration');
		createDemo();
		const fresh = kept(db());
		closeDb();
		const old = olderCopy(file, migrations.slice(0, unclosedMigration));
		const totals = () => old.prepare('SELECT * FROM project_round_stats ORDER BY project_id, number, step').all();
		const totalsBefore = totals();
		migrate(old, migrations);
		expect(close(kept(old))).toEqual(close(fresh));
		expect(close(kept(old))).toEqual(close(recounted(old)));
		// The project's totals are untouched: the new column is not one their trigger follows.
		expect(totals()).toEqual(totalsBefore);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});

describe('the project’s sums of its pairs’ latest closed rounds (migration latest_stats)', () => {
	const latestMigration = migrations.findIndex((m) => m.name === 'latest_stats');
	/** The kept rows that count (rows that add up to nothing may be left behind by earlier changes). */
	const latest = (conn: Conn) =>
		close(conn.prepare('SELECT * FROM project_latest_stats ORDER BY project_id, bucket, m, a').all()).filter(
			(row) => Object.entries(row).some(([k, v]) => typeof v === 'number' && k !== 'project_id' && Math.abs(v) > 1e-9)
		);

	it('are filled for a demo database made before them, as new results fill them', () => {
		expect(latestMigration).toBeGreaterThan(unclosedMigration);
		const file = freshDatabase('latest-migration');
		createDemo();
		const fresh = latest(db());
		expect(fresh.length).toBeGreaterThan(0);
		closeDb();
		const old = olderCopy(file, migrations.slice(0, latestMigration));
		migrate(old, migrations);
		expect(latest(old)).toEqual(fresh);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});
