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

/**
 * The baseline of the whole respondent flow: the same requests a respondent's browser makes —
 * start a draft, save each page's answers, submit — each a transaction as in the app (insert a
 * draft; check it is a draft and upsert the page's answers; check, read the answers back, score,
 * store the score and mark it submitted), with none of the app's framework around them.
 */
export function makeFlow(db: Database.Database, roundId: number) {
	const start = db.prepare(
		`INSERT INTO responses (round_id, side, resume_token_hash, language, created_at, updated_at) VALUES (?, ?, ?, 'fi', ?, ?)`
	);
	const byToken = db.prepare('SELECT id, status FROM responses WHERE resume_token_hash = ?');
	const upsert = db.prepare(
		'INSERT INTO answers (response_id, item_id, value) VALUES (?, ?, ?) ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value'
	);
	const touch = db.prepare('UPDATE responses SET updated_at = ? WHERE id = ?');
	const answersOf = db.prepare('SELECT item_id, value FROM answers WHERE response_id = ?');
	const insertScore = db.prepare('INSERT INTO response_scores (response_id, scoring_version, score) VALUES (?, ?, ?)');
	const markSubmitted = db.prepare("UPDATE responses SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'");
	const draft = (token: string) => {
		const row = byToken.get(hashToken(token)) as { id: number; status: string } | undefined;
		return row?.status === 'draft' ? row.id : undefined;
	};
	return {
		start: (side: string): string => {
			const token = randomToken();
			const now = nowIso();
			// Stored as its hash, as the app stores resume links.
			start.run(roundId, side === 'association' ? 'association' : 'municipality', hashToken(token), now, now);
			return token;
		},
		save: db.transaction((token: string, form: URLSearchParams): boolean => {
			const id = draft(token);
			if (id === undefined) return false;
			const present = new Set([...form.keys(), ...form.getAll('_choices')]);
			for (const [item, value] of Object.entries(readAnswers(form))) if (present.has(item)) upsert.run(id, item, JSON.stringify(value));
			touch.run(nowIso(), id);
			return true;
		}).immediate,
		submit: db.transaction((token: string): boolean => {
			const id = draft(token);
			if (id === undefined) return false;
			const rows = answersOf.all(id) as { item_id: string; value: string }[];
			const answers = Object.fromEntries(rows.map((r) => [r.item_id, JSON.parse(r.value) as AnswerValue]));
			insertScore.run(id, SCORING_VERSION, JSON.stringify(scoreResponse(currentVersion, answers)));
			const now = nowIso();
			markSubmitted.run(now, now, id);
			return true;
		}).immediate
	};
}
