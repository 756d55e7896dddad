import { describe, expect, it } from 'vitest';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { closeDb, db, loadMigrations, migrate } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject } from '../../../src/lib/server/projects';
import { getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { getRound, openRound } from '../../../src/lib/server/rounds';
import { countedAnswers } from '../../helpers/answers';
import { freshDatabase, olderCopy, restoreDatabaseAfterAll } from '../../helpers/database';

restoreDatabaseAfterAll();

const TRAITS = ['shared_goal', 'deliberate', 'trust', 'concrete', 'reciprocity', 'mutual_need', 'respect', 'meeting_place'];
const NOW = Date.UTC(2026, 2, 1, 12);

/** The project's kept sums, rounded: taking a value out and adding it back may move the last bit. */
const kept = (table: string) =>
	(db().prepare(`SELECT * FROM ${table} WHERE pairs > 0 ORDER BY 1, 2, 3, 4`).all() as Record<string, unknown>[]).map((row) =>
		Object.fromEntries(Object.entries(row).map(([k, x]) => [k, typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x]))
	);
/** The same sums read straight from the summaries of all rounds. */
const recounted = () =>
	(
		db()
			.prepare(
				`SELECT project_id, number, coalesce(pair_step, 0) AS step, count(*) AS pairs,
				        ${TRAITS.map((t) => `coalesce(sum(${t}), 0) AS ${t}_sum, count(${t}) AS ${t}_n`).join(', ')}
				 FROM round_summaries GROUP BY project_id, number, coalesce(pair_step, 0) ORDER BY 1, 2, 3`
			)
			.all() as Record<string, unknown>[]
	).map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x])));

/** Counts the writes the project's sums and the "not moved" flags get, from here on (temporary triggers of this connection). */
function countWrites() {
	db().exec(`CREATE TEMP TABLE IF NOT EXISTS writes (what TEXT);
		DELETE FROM writes;
		CREATE TEMP TRIGGER IF NOT EXISTS count_round_stats AFTER UPDATE ON main.project_round_stats BEGIN INSERT INTO writes VALUES ('round'); END;
		CREATE TEMP TRIGGER IF NOT EXISTS count_unclosed_stats AFTER UPDATE ON main.project_unclosed_stats BEGIN INSERT INTO writes VALUES ('unclosed'); END;
		CREATE TEMP TRIGGER IF NOT EXISTS count_unmoved AFTER UPDATE OF unmoved ON main.round_summaries BEGIN INSERT INTO writes VALUES ('unmoved'); END;`);
	return () => db().prepare('SELECT what, count(*) AS n FROM writes GROUP BY what ORDER BY what').all();
}

function setup() {
	const projectId = createProject({ name: 'Hanke', description: '' });
	const m = createOrganisation(projectId, { name: 'Kunta', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Yhdistys', kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	const roundId = openRound(pairId, { closesAt: '2026-03-20T12:00:00.000Z', asksRole: false }, NOW);
	const round = () => getRound(projectId, pairId, roundId)!;
	const submit = (side: Side, trait: 1 | 2 | 3 | 4 | 5) => {
		const response = getResponseByResume(startResponse({ roundId, side, language: 'fi' }, NOW))!;
		saveAnswers(response.id, round(), { set: countedAnswers(v, {}, { trait, step: 3 }), clear: [] }, NOW);
		expect(submitResponse(response.id, round(), NOW)).toBe('submitted');
	};
	return { round, roundId, submit };
}

describe('a submit that leaves its round’s shown figures as they were (migration unchanged_summaries)', () => {
	it('writes nothing to the project’s sums or the pairs’ "not moved" flags', () => {
		freshDatabase('unchanged');
		const { round, roundId, submit } = setup();
		expect(round().minGroupSize).toBeGreaterThan(2);
		submit('municipality', 4);
		const writes = countWrites();
		// The second response of a side still below the smallest group size: the round shows nothing yet.
		submit('municipality', 2);
		expect(db().prepare('SELECT municipality_n, pair_step, trust FROM round_summaries WHERE round_id = ?').get(roundId)).toEqual({
			municipality_n: 2,
			pair_step: null,
			trust: null
		});
		expect(writes()).toEqual([]);
		expect(kept('project_round_stats')).toEqual(recounted());
	});

	it('still moves the sums when a figure changes, and they agree with the summaries after every submit', () => {
		freshDatabase('unchanged-moves');
		const { round, roundId, submit } = setup();
		const writes = countWrites();
		const sides: Side[] = ['municipality', 'association'];
		for (let i = 0; i < 2 * round().minGroupSize + 2; i++) {
			submit(sides[i % 2], ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5);
			expect(kept('project_round_stats')).toEqual(recounted());
		}
		const summary = db().prepare('SELECT pair_step, trust FROM round_summaries WHERE round_id = ?').get(roundId) as { pair_step: number | null; trust: number | null };
		expect(summary.trust).not.toBeNull();
		expect(writes().map((w) => (w as { what: string }).what)).toEqual(expect.arrayContaining(['round', 'unclosed']));
	});

	it('leaves the sums of a demo database made before it as they were', () => {
		const migrations = loadMigrations('migrations');
		const index = migrations.findIndex((m) => m.name === 'unchanged_summaries');
		expect(index).toBeGreaterThan(0);
		const file = freshDatabase('unchanged-migration');
		createDemo();
		closeDb();
		const old = olderCopy(file, migrations.slice(0, index));
		const sums = () => old.prepare('SELECT * FROM project_round_stats ORDER BY 1, 2, 3').all().concat(old.prepare('SELECT * FROM project_unclosed_stats ORDER BY 1, 2, 3, 4').all());
		const before = sums();
		expect(before.length).toBeGreaterThan(0);
		migrate(old, migrations);
		expect(sums()).toEqual(before);
		expect(old.pragma('foreign_key_check')).toEqual([]);
		old.close();
	});
});
