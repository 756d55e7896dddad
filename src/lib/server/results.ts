import type { PairScore } from '../assessment/privacy.ts';
import type { Side } from '../assessment/types.ts';
import { prepared } from './db.ts';
import { isOpen, listRounds, type Round } from './rounds.ts';

export interface RoundResult {
	round: Round;
	/** What may be shown, under the round's promise; null before the first counted response. */
	result: PairScore | null;
	scoringVersion: number | null;
	/** Counted respondents per side (responses that answered enough). */
	counts: Record<Side, number>;
}

/** A pair's rounds, oldest first, each with its stored result. */
export function pairRoundResults(pairId: number): RoundResult[] {
	const stored = new Map(
		(
			prepared(
					`SELECT rr.round_id AS roundId, rr.result, rr.scoring_version AS scoringVersion, rr.municipality_n AS m, rr.association_n AS a
					 FROM round_results rr JOIN rounds r ON r.id = rr.round_id WHERE r.pair_id = ?`
				)
				.all(pairId) as { roundId: number; result: string; scoringVersion: number; m: number; a: number }[]).map((r) => [r.roundId, r])
	);
	return listRounds(pairId).map((round) => {
		const s = stored.get(round.id);
		return {
			round,
			result: s ? (JSON.parse(s.result) as PairScore) : null,
			scoringVersion: s?.scoringVersion ?? null,
			counts: { municipality: s?.m ?? 0, association: s?.a ?? 0 }
		};
	});
}

/** The pair's latest closed round that has results: what a partnership table works from. */
export function latestClosedRound(pairId: number, now = Date.now()): RoundResult | undefined {
	return pairRoundResults(pairId).filter((r) => r.result !== null && !isOpen(r.round, now)).at(-1);
}

/**
 * Comments of a round's submitted responses of one side, in a fixed order that tells nothing of
 * who wrote them or when. Only responses that count are included, so a side's comments come from
 * the same people as its numbers.
 */
export function sideComments(roundId: number, side: Side, commentItemId: string): string[] {
	return (
		prepared(
				`SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id JOIN response_scores s ON s.response_id = r.id
				 WHERE r.round_id = ? AND r.side = ? AND r.status = 'submitted' AND a.item_id = ?
				   AND json_extract(s.score, '$.tally.respondents') = 1
				 ORDER BY a.value`
			)
			.pluck()
			.all(roundId, side, commentItemId) as string[]
	)
		.map((v) => JSON.parse(v) as string)
		.filter((text) => text.trim() !== '');
}
