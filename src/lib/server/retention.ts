import { prepared, writeTransaction } from './db.ts';
import { nowIso } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Erases the raw answers of rounds closed longer ago than their project keeps them.
 * Round results stay, so reports keep working; the round records when
 * its answers were erased. Returns the rounds purged.
 */
export function purgeExpiredAnswers(now = Date.now()): number[] {
	return writeTransaction(() => {
		const rounds = prepared(
				`SELECT r.id, coalesce(r.closed_at, r.closes_at) AS ended, pr.retention_days AS days
				 FROM rounds r JOIN pairs p ON p.id = r.pair_id JOIN projects pr ON pr.id = p.project_id
				 WHERE pr.retention_days IS NOT NULL AND r.answers_erased_at IS NULL
				   AND coalesce(r.closed_at, r.closes_at) IS NOT NULL AND coalesce(r.closed_at, r.closes_at) <= ?`
			)
			.all(nowIso(now)) as { id: number; ended: string; days: number }[];
		const expired = rounds.filter((r) => Date.parse(r.ended) + r.days * DAY_MS <= now).map((r) => r.id);
		for (const id of expired) {
			prepared('DELETE FROM answers WHERE response_id IN (SELECT id FROM responses WHERE round_id = ?)').run(id);
			// A response's score holds its answers to the scored statements: erased with them. The round's
			// result (sums per side) stays, and so do the reports.
			prepared('DELETE FROM response_scores WHERE response_id IN (SELECT id FROM responses WHERE round_id = ?)').run(id);
			prepared('UPDATE round_results SET tally = NULL WHERE round_id = ?').run(id);
			prepared('UPDATE rounds SET answers_erased_at = ? WHERE id = ?').run(nowIso(now), id);
		}
		return expired;
	});
}
