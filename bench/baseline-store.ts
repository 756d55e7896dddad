/**
 * The baseline's database work: a complete response stored in one transaction — the response
 * row, its answers and its score row — with the app's schema and scoring library.
 */
import type Database from 'better-sqlite3';
import { itemsOf, type AnswerValue } from '../src/lib/assessment/answers.ts';
import { scoreResponse, SCORING_VERSION } from '../src/lib/assessment/scoring.ts';
import { currentVersion } from '../src/lib/assessment/versions/index.ts';
import { hashToken, nowIso, randomToken } from '../src/lib/server/tokens.ts';

const items = itemsOf(currentVersion);

export function makeStore(db: Database.Database, roundId: number) {
	const insertResponse = db.prepare(
		`INSERT INTO responses (round_id, side, resume_token_hash, status, language, created_at, updated_at, submitted_at)
		 VALUES (?, ?, ?, 'submitted', 'fi', ?, ?, ?)`
	);
	const insertAnswer = db.prepare('INSERT INTO answers (response_id, item_id, value) VALUES (?, ?, ?)');
	const insertScore = db.prepare('INSERT INTO response_scores (response_id, scoring_version, score) VALUES (?, ?, ?)');
	const store = db.transaction((side: string, answers: Record<string, AnswerValue>) => {
		const now = nowIso();
		const token = randomToken();
		const id = Number(insertResponse.run(roundId, side, hashToken(token), now, now, now).lastInsertRowid);
		for (const [item, value] of Object.entries(answers)) insertAnswer.run(id, item, JSON.stringify(value));
		insertScore.run(id, SCORING_VERSION, JSON.stringify(scoreResponse(currentVersion, answers)));
		return token;
	});
	/** Stores a posted form (item ids → values, `side`) and returns the new response's token. */
	return (form: URLSearchParams): string => store.immediate(form.get('side') === 'association' ? 'association' : 'municipality', readAnswers(form));
}

export function readAnswers(form: URLSearchParams): Record<string, AnswerValue> {
	const answers: Record<string, AnswerValue> = {};
	for (const item of items) {
		if (item.kind === 'choice') answers[item.id] = form.getAll(item.id);
		else {
			const raw = form.get(item.id);
			if (raw === null) continue;
			answers[item.id] = item.kind === 'text' || raw === 'na' ? raw : Number(raw);
		}
	}
	return answers;
}
