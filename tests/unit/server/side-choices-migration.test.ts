import { describe, expect, it } from 'vitest';
import { closeDb, db, loadMigrations, migrate } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { freshDatabase, olderCopy, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();
const migrations = loadMigrations('migrations');
const sideChoices = migrations.findIndex((m) => m.name.includes('side_choices'));

type Row = { round_id: number; municipality_choices: string | null; association_choices: string | null };
type Choices = Record<string, string[]>;
const read = (conn: { prepare: (sql: string) => { all: () => unknown[] } }) =>
	conn.prepare('SELECT round_id, municipality_choices, association_choices FROM round_summaries ORDER BY round_id').all() as Row[];
const parsed = (rows: Row[]) =>
	rows.map((r) => ({
		round: r.round_id,
		municipality: r.municipality_choices === null ? null : (JSON.parse(r.municipality_choices) as Choices),
		association: r.association_choices === null ? null : (JSON.parse(r.association_choices) as Choices)
	}));

describe('what each side reports doing and bringing, kept beside its round’s summary (migration side_choices)', () => {
	it('says what each stored result says: per side, the questions answered and the options at least half ticked', () => {
		freshDatabase('side-choices');
		createDemo({ seed: 7 });
		const results = db().prepare('SELECT round_id, result FROM round_results ORDER BY round_id').all() as { round_id: number; result: string }[];
		const stored = parsed(read(db()));
		expect(stored.map((r) => r.round)).toEqual(results.map((r) => r.round_id));
		let withheld = 0;
		for (const { round_id, result } of results) {
			const sides = (JSON.parse(result) as { sides: Record<string, { choices?: Record<string, { n: number; counts: Record<string, number>; withheld?: boolean }> } | null> }).sides;
			const expected = Object.fromEntries(
				(['municipality', 'association'] as const).map((side) => {
					const shown = sides[side];
					if (!shown) return [side, null];
					const answered = Object.entries(shown.choices ?? {}).filter(([, c]) => !c.withheld && c.n > 0);
					return [side, Object.fromEntries(answered.map(([item, c]) => [item, Object.keys(c.counts).filter((o) => 2 * c.counts[o] >= c.n).sort()]))];
				})
			);
			if (expected.municipality === null || expected.association === null) withheld++;
			expect(stored.find((r) => r.round === round_id)).toEqual({ round: round_id, ...expected });
		}
		// Each summary knows its round's pair (what a group's numbers are read by).
		expect(db().prepare('SELECT count(*) FROM round_summaries s JOIN rounds r ON r.id = s.round_id WHERE s.pair_id IS NOT r.pair_id').pluck().get()).toBe(0);
		// The demo has withheld sides and sides that report something.
		expect(withheld).toBeGreaterThan(0);
		expect(stored.some((r) => Object.values(r.municipality ?? {}).some((reported) => reported.length > 0))).toBe(true);
	});

	it('is filled for a demo database made before it, exactly as new results fill it', () => {
		expect(sideChoices).toBeGreaterThan(0);
		const file = freshDatabase('side-choices-migration');
		createDemo({ seed: 11 });
		const fresh = read(db());
		closeDb();
		const old = olderCopy(file, migrations.slice(0, sideChoices));
		// The project's maintained totals, to the rounding of their sums (the migration counts them afresh).
		const totals = () =>
			(old.prepare('SELECT * FROM project_round_stats WHERE pairs > 0 ORDER BY project_id, number, step').all() as Record<string, number>[]).map((row) =>
				Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v * 1e9) / 1e9]))
			);
		const totalsBefore = totals();

		migrate(old, migrations);
		expect(parsed(read(old))).toEqual(parsed(fresh));
		expect(old.prepare('SELECT count(*) FROM round_summaries s JOIN rounds r ON r.id = s.round_id WHERE s.pair_id IS NOT r.pair_id').pluck().get()).toBe(0);
		expect(fresh.filter((r) => r.municipality_choices !== null).length).toBeGreaterThan(fresh.length / 2);
		// Filling the columns changes none of the project's maintained totals.
		expect(totals()).toEqual(totalsBefore);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});
