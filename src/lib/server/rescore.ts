import { sidesFromV1 } from '../assessment/legacy.ts';
import { discloseGroups } from '../assessment/privacy.ts';
import { SCORING_VERSION } from '../assessment/scoring.ts';
import { prepared } from './db.ts';
import { recomputeRound } from './responses.ts';
import { getRoundById } from './rounds.ts';
import { nowIso } from './tokens.ts';

/**
 * Brings stored results up to the current scoring version. A round whose raw answers still exist
 * is scored again from them; a round whose answers retention erased keeps its old numbers and
 * its old version label, stored in the current shape under its own promise (so the page shows
 * them disclosed and consistent). Runs at start; each round in its own transaction, so an
 * interrupted run simply continues at the next start. Returns what it did, for the log.
 */
export function rescoreOutdated(now = Date.now()): { recomputed: number; kept: number } {
	const outdated = prepared(
			`SELECT rr.round_id AS roundId, r.answers_erased_at AS erased, rr.result FROM round_results rr JOIN rounds r ON r.id = rr.round_id
			 WHERE rr.scoring_version < ? AND (r.answers_erased_at IS NULL OR json_extract(rr.result, '$.rule') IS NULL)
			 ORDER BY rr.round_id`
		)
		.all(SCORING_VERSION) as { roundId: number; erased: string | null; result: string }[];
	let recomputed = 0;
	let kept = 0;
	const keep = prepared('UPDATE round_results SET result = ?, pair_step = ?, updated_at = ? WHERE round_id = ?');
	for (const row of outdated) {
		const round = getRoundById(row.roundId)!;
		if (row.erased === null) {
			recomputeRound(round, now);
			recomputed++;
		} else {
			const result = discloseGroups(sidesFromV1(JSON.parse(row.result)), { minGroupSize: round.minGroupSize, openResults: round.openResults });
			keep.run(JSON.stringify(result), result.pair?.evidence.step ?? null, nowIso(now), round.id);
			kept++;
		}
	}
	return { recomputed, kept };
}
