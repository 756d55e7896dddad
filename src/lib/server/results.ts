import type { PairScore } from '../assessment/aggregate.ts';
import { prepared } from './db.ts';
import { listRounds, type Round } from './rounds.ts';

/** A pair's rounds that have stored results, oldest first, each with its stored aggregate. */
export function pairRoundResults(pairId: number): { round: Round; result: PairScore }[] {
	const stored = new Map(
		(
			prepared('SELECT rr.round_id AS roundId, rr.result FROM round_results rr JOIN rounds r ON r.id = rr.round_id WHERE r.pair_id = ?')
				.all(pairId) as { roundId: number; result: string }[]
		).map((r) => [r.roundId, JSON.parse(r.result) as PairScore])
	);
	return listRounds(pairId).flatMap((round) => {
		const result = stored.get(round.id);
		return result ? [{ round, result }] : [];
	});
}

/** Comments of a round's submitted responses of one side, in a fixed order that tells nothing of who wrote them or when. */
export function sideComments(roundId: number, side: string, commentItemId: string): string[] {
	return (
		prepared(
				`SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id
				 WHERE r.round_id = ? AND r.side = ? AND r.status = 'submitted' AND a.item_id = ? ORDER BY a.value`
			)
			.pluck()
			.all(roundId, side, commentItemId) as string[]
	).map((v) => JSON.parse(v) as string);
}
