import { scorePair, type PairScore } from '../assessment/aggregate.ts';
import type { Answers, AnswerValue } from '../assessment/answers.ts';
import { scoreResponse, SCORING_VERSION, type ResponseScore } from '../assessment/scoring.ts';
import type { Locale, Side } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { db, statement } from './db.ts';
import { isOpen, type Round } from './rounds.ts';
import { hashToken, nowIso, randomToken } from './tokens.ts';

/** Whether the round takes answers now, read inside the caller's transaction: it may have closed since the page loaded. */
function roundOpenNow(roundId: number, now: number): boolean {
	const row = db().prepare('SELECT opens_at AS opensAt, closes_at AS closesAt, closed_at AS closedAt FROM rounds WHERE id = ?').get(roundId) as
		| Pick<Round, 'opensAt' | 'closesAt' | 'closedAt'>
		| undefined;
	return row !== undefined && isOpen(row, now);
}

export interface Response {
	id: number;
	roundId: number;
	side: Side;
	/** The resume link's token as the caller gave it; only its hash is stored. */
	resumeToken: string;
	status: 'draft' | 'submitted';
	language: Locale;
	role: string | null;
	updatedAt: string;
	submittedAt: string | null;
}

const columns = `id, round_id AS roundId, side, status, language, role, updated_at AS updatedAt, submitted_at AS submittedAt`;

/**
 * Starts a draft response on an invitation, a respondent's own or one a project worker keys in
 * from a paper form; returns its resume token.
 */
export function startResponse(input: { roundId: number; side: Side; language: Locale; enteredOnPaper?: boolean }, now = Date.now()): string {
	const token = randomToken();
	statement(
		'INSERT INTO responses (round_id, side, resume_token_hash, language, entered_on_paper, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
	).run(input.roundId, input.side, hashToken(token), input.language, input.enteredOnPaper ? 1 : 0, nowIso(now), nowIso(now));
	return token;
}

export function getResponseByResume(token: string): Response | undefined {
	const row = statement(`SELECT ${columns} FROM responses WHERE resume_token_hash = ?`).get(hashToken(token)) as
		| Omit<Response, 'resumeToken'>
		| undefined;
	return row && { ...row, resumeToken: token };
}

export function getAnswers(responseId: number): Answers {
	const rows = db().prepare('SELECT item_id, value FROM answers WHERE response_id = ?').all(responseId) as {
		item_id: string;
		value: string;
	}[];
	return Object.fromEntries(rows.map((r) => [r.item_id, JSON.parse(r.value) as AnswerValue]));
}

export type SaveOutcome = 'saved' | 'submitted' | 'closed';

/**
 * Saves part of a draft in one transaction: `set` upserts answers, `clear` removes them.
 * A submitted response or a closed round changes nothing. The caller has validated the
 * values against the round's questionnaire version.
 */
export function saveAnswers(
	responseId: number,
	round: Round,
	change: { set: Answers; clear: readonly string[]; language?: Locale; role?: string | null },
	now = Date.now()
): SaveOutcome {
	return db().transaction((): SaveOutcome => {
		const status = db().prepare('SELECT status FROM responses WHERE id = ?').pluck().get(responseId);
		if (status !== 'draft') return 'submitted';
		if (!roundOpenNow(round.id, now)) return 'closed';
		const upsert = db().prepare(
			'INSERT INTO answers (response_id, item_id, value) VALUES (?, ?, ?) ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value'
		);
		const remove = db().prepare('DELETE FROM answers WHERE response_id = ? AND item_id = ?');
		for (const [item, value] of Object.entries(change.set)) upsert.run(responseId, item, JSON.stringify(value));
		for (const item of change.clear) remove.run(responseId, item);
		db()
			.prepare(
				'UPDATE responses SET updated_at = ?, language = coalesce(?, language), role = CASE WHEN ? THEN ? ELSE role END WHERE id = ?'
			)
			.run(nowIso(now), change.language ?? null, change.role !== undefined ? 1 : 0, change.role ?? null, responseId);
		return 'saved';
	}).immediate();
}

export type SubmitOutcome = 'submitted' | 'already' | 'closed';

/**
 * Submits a draft: scores it with the round's questionnaire version, stores the score, marks
 * it submitted and refreshes the round's aggregate, all in one transaction. Submitting twice
 * (double click, two tabs, back button) changes nothing the second time.
 */
export function submitResponse(responseId: number, round: Round, now = Date.now()): SubmitOutcome {
	const version = getVersion(round.questionnaireVersion);
	if (!version) throw new Error(`Round ${round.id} uses unknown questionnaire version ${round.questionnaireVersion}`);
	return db().transaction((): SubmitOutcome => {
		const status = db().prepare('SELECT status FROM responses WHERE id = ?').pluck().get(responseId);
		if (status === 'submitted') return 'already';
		if (!roundOpenNow(round.id, now)) return 'closed';
		const score = scoreResponse(version, getAnswers(responseId));
		db()
			.prepare('INSERT INTO response_scores (response_id, scoring_version, score) VALUES (?, ?, ?)')
			.run(responseId, SCORING_VERSION, JSON.stringify(score));
		db()
			.prepare("UPDATE responses SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'")
			.run(nowIso(now), nowIso(now), responseId);
		refreshRoundResult(round.id, now);
		return 'submitted';
	}).immediate();
}

/** Recomputes a round's aggregate from its stored response scores (never from raw answers). */
export function refreshRoundResult(roundId: number, now = Date.now()): PairScore {
	const rows = db()
		.prepare(
			`SELECT r.side, s.score FROM responses r JOIN response_scores s ON s.response_id = r.id
			 WHERE r.round_id = ? AND r.status = 'submitted'`
		)
		.all(roundId) as { side: Side; score: string }[];
	const result = scorePair(rows.map((r) => ({ side: r.side, score: JSON.parse(r.score) as ResponseScore })));
	const count = (side: Side) => rows.filter((r) => r.side === side).length;
	db()
		.prepare(
			`INSERT INTO round_results (round_id, scoring_version, municipality_n, association_n, pair_step, result, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (round_id) DO UPDATE SET scoring_version = excluded.scoring_version, municipality_n = excluded.municipality_n,
			   association_n = excluded.association_n, pair_step = excluded.pair_step, result = excluded.result, updated_at = excluded.updated_at`
		)
		.run(roundId, SCORING_VERSION, count('municipality'), count('association'), result.pair?.evidence.step ?? null, JSON.stringify(result), nowIso(now));
	return result;
}
