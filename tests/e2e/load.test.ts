/**
 * Load: 200 respondents answer and submit at the same time over real HTTP (the plain form posts a
 * browser without JavaScript makes), against a server of its own on a fresh database. Every
 * submission is stored exactly once, with its score, and no request gets a 5xx — also when 50 of
 * them press submit twice at once.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { hashToken } from '../../src/lib/server/tokens';
import {
	ANSWERS_PER_RESPONSE,
	answer,
	createRound,
	freshDatabase,
	removeDatabase,
	start,
	startServer,
	submit,
	type SeparateServer
} from './separate-server';

const RESPONDENTS = 200;
const DOUBLE_SUBMITTERS = 50;

let server: SeparateServer | undefined;
let databasePath: string | undefined;

test.afterAll(async () => {
	await server?.stop();
	if (databasePath) removeDatabase(databasePath);
});

test('200 concurrent respondents submit: each stored exactly once, no 5xx', async () => {
	// Minutes, not seconds, when other work keeps both cores busy (a load of 17 was seen).
	test.setTimeout(180_000);
	databasePath = freshDatabase('load');
	const round = createRound(databasePath);
	server = await startServer(databasePath);
	const { origin } = server;

	const began = performance.now();
	const statuses: number[] = [];
	const outcomes = await Promise.all(
		Array.from({ length: RESPONDENTS }, async (_, i) => {
			const invitation = i % 2 === 0 ? round.links.municipality : round.links.association;
			const resume = await start(origin, invitation, statuses);
			await answer(origin, resume, i, statuses);
			// A double click, or two tabs: both posts at once.
			const acks = await Promise.all(i < DOUBLE_SUBMITTERS ? [submit(origin, resume, statuses), submit(origin, resume, statuses)] : [submit(origin, resume, statuses)]);
			return { resume, acks };
		})
	);
	const seconds = (performance.now() - began) / 1000;
	test.info().annotations.push({ type: 'load', description: `${RESPONDENTS} respondents, ${statuses.length} requests in ${seconds.toFixed(1)} s` });

	expect(statuses.filter((s) => s >= 500), server.output()).toEqual([]);
	// Every submit, the second of a double submit too, lands on the thank-you page.
	expect(outcomes.flatMap((o) => o.acks).every(Boolean)).toBe(true);
	expect(new Set(outcomes.map((o) => o.resume)).size).toBe(RESPONDENTS);

	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
		expect(one<{ n: number }>('SELECT count(*) AS n FROM responses WHERE round_id = ?', round.roundId).n).toBe(RESPONDENTS);
		expect(one<{ n: number }>("SELECT count(*) AS n FROM responses WHERE round_id = ? AND status = 'submitted'", round.roundId).n).toBe(RESPONDENTS);
		// Exactly one score row per response (response_id is its key, so count both ways).
		expect(
			one<{ scored: number; rows: number }>(
				`SELECT count(DISTINCT s.response_id) AS scored, count(*) AS rows FROM response_scores s JOIN responses r ON r.id = s.response_id WHERE r.round_id = ?`,
				round.roundId
			)
		).toEqual({ scored: RESPONDENTS, rows: RESPONDENTS });
		// Every response holds all its answers.
		const answerCounts = db
			.prepare('SELECT r.id, count(a.item_id) AS n FROM responses r LEFT JOIN answers a ON a.response_id = r.id WHERE r.round_id = ? GROUP BY r.id')
			.all(round.roundId) as { n: number }[];
		expect(answerCounts.filter((r) => r.n !== ANSWERS_PER_RESPONSE)).toEqual([]);
		// The round's aggregate counts every submission once.
		const result = one<{ municipality_n: number; association_n: number; result: string }>(
			'SELECT municipality_n, association_n, result FROM round_results WHERE round_id = ?',
			round.roundId
		);
		expect(result.municipality_n + result.association_n).toBe(RESPONDENTS);
		expect(result).toMatchObject({ municipality_n: RESPONDENTS / 2, association_n: RESPONDENTS / 2 });
		const sides = JSON.parse(result.result).sides;
		expect([sides.municipality.respondents, sides.association.respondents]).toEqual([RESPONDENTS / 2, RESPONDENTS / 2]);
		// The double submitters' tokens are among them, once each.
		const doubled = outcomes.slice(0, DOUBLE_SUBMITTERS).map((o) => hashToken(o.resume));
		const stored = db
			.prepare(
				`SELECT resume_token_hash AS t, count(*) AS n FROM responses WHERE resume_token_hash IN (${doubled.map(() => '?').join(',')}) GROUP BY resume_token_hash`
			)
			.all(...doubled) as { t: string; n: number }[];
		expect(stored).toHaveLength(DOUBLE_SUBMITTERS);
		expect(stored.every((r) => r.n === 1)).toBe(true);
	} finally {
		db.close();
	}
	// How long it took is reported above, not asserted: speed is the benchmark's (npm run bench), and
	// a time limit here failed on a busy machine (45.15 s against 45) while every submit was right.
});
