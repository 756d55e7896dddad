import { beforeAll, expect, it } from 'vitest';
import type { PairScore } from '../../../src/lib/assessment/privacy';
import { SCORING_VERSION } from '../../../src/lib/assessment/scoring';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { rescoreOutdated } from '../../../src/lib/server/rescore';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let projectId = 0;
beforeAll(() => {
	freshDatabase('rescore');
	projectId = createDemo().projectId;
});
restoreDatabaseAfterAll();

const resultOf = (roundId: number) =>
	db().prepare('SELECT scoring_version AS version, result, tally FROM round_results WHERE round_id = ?').get(roundId) as {
		version: number;
		result: string;
		tally: string | null;
	};

it('scores earlier rounds again from their answers, and keeps the numbers (and label) of rounds whose answers are erased', () => {
	const rounds = db()
		.prepare(
			`SELECT r.id FROM rounds r JOIN pairs p ON p.id = r.pair_id JOIN round_results rr ON rr.round_id = r.id
			 WHERE p.project_id = ? AND r.closed_at IS NOT NULL ORDER BY r.id`
		)
		.pluck()
		.all(projectId) as number[];
	const [withAnswers, erased] = rounds;
	const before = resultOf(withAnswers);

	// As a database scored by version 1 would have them: per side, means of the respondents' own means.
	const v1 = {
		sides: {
			municipality: {
				respondents: 4,
				traits: Object.fromEntries(['shared_goal', 'deliberate', 'trust', 'concrete', 'reciprocity', 'mutual_need', 'respect', 'meeting_place'].map((t) => [t, { mean: 3.958333, n: 4 }])),
				stepMeans: { 2: { mean: 4.2, n: 4 }, 3: { mean: 3.46, n: 4 }, 4: { mean: 2.9, n: 4 }, 5: { mean: 2, n: 4 }, 6: { mean: 1.5, n: 4 } },
				selfPlaced: { mean: 3.5, n: 4 },
				target: { mean: 4.25, n: 4 }
			},
			association: null
		},
		pair: null
	};
	db().prepare('UPDATE round_results SET scoring_version = 1, tally = NULL WHERE round_id = ?').run(withAnswers);
	db().prepare("UPDATE round_results SET scoring_version = 1, tally = NULL, result = ? WHERE round_id = ?").run(JSON.stringify(v1), erased);
	db().prepare("DELETE FROM answers WHERE response_id IN (SELECT id FROM responses WHERE round_id = ?)").run(erased);
	db().prepare("UPDATE rounds SET answers_erased_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(erased);

	expect(rescoreOutdated()).toEqual({ recomputed: 1, kept: 1 });
	// From the raw answers: exactly what submitting them gave.
	const again = resultOf(withAnswers);
	expect(again.version).toBe(SCORING_VERSION);
	expect(JSON.parse(again.result)).toEqual(JSON.parse(before.result));
	expect(JSON.parse(again.tally!)).toEqual(JSON.parse(before.tally!));
	// Erased: version 1's numbers, shown rounded, bands and climb decided on the shown values, its label kept.
	const kept = resultOf(erased);
	expect(kept.version).toBe(1);
	const shown = JSON.parse(kept.result) as PairScore;
	expect(shown.sides.municipality!.traits.trust).toMatchObject({ mean: 4, band: 'strength' });
	expect(shown.sides.municipality!.stepMeans[3].mean).toBe(3.5);
	expect(shown.sides.municipality!.evidence.step).toBe(3);
	// Under the round's promise of 3, a side of four is shown.
	expect(shown.hidden.municipality).toBe(false);
	// Nothing is left to do at the next start.
	expect(rescoreOutdated()).toEqual({ recomputed: 0, kept: 0 });
});
