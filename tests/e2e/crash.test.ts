/**
 * Crash: respondents submit in a loop against a server of its own; the server is killed with
 * SIGKILL in the middle of that write load and started again on the same database file. The file
 * is intact, every submission the server acknowledged (a 303 to the thank-you page) is there with
 * its score, and no response is half-written. Unacknowledged drafts may remain: they are drafts.
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
	SECTION_ITEMS,
	start,
	startServer,
	submit,
	type SeparateServer
} from './separate-server';

const CONCURRENCY = 20;

const servers: SeparateServer[] = [];
let databasePath: string | undefined;

test.afterAll(async () => {
	for (const server of servers) await server.stop();
	if (databasePath) removeDatabase(databasePath);
});

test('SIGKILL in the middle of write load loses no acknowledged submission and leaves the file intact', async () => {
	// Minutes, not seconds, when other work keeps both cores busy (a load of 17 was seen).
	test.setTimeout(180_000);
	databasePath = freshDatabase('crash');
	const rounds = [createRound(databasePath), createRound(databasePath)];
	const first = await startServer(databasePath);
	servers.push(first);

	const acknowledged: string[] = [];
	const statuses: number[] = [];
	let cutOff = 0;
	let killed = false;
	const worker = async (w: number) => {
		for (let i = 0; !killed; i++) {
			const seed = w * 1000 + i;
			const round = rounds[seed % 2];
			try {
				const resume = await start(first.origin, seed % 3 === 0 ? round.links.association : round.links.municipality, statuses);
				await answer(first.origin, resume, seed, statuses);
				if (await submit(first.origin, resume, statuses)) acknowledged.push(resume);
				else if (!killed) throw new Error(`submit not acknowledged: ${statuses.at(-1)}`);
			} catch (error) {
				// A request the kill cut off has no answer: it is neither acknowledged nor an error of the app.
				if (!killed) throw error;
				cutOff++;
				return;
			}
		}
	};
	const load = Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));

	// Kill once the load is well under way: after 1.5 s and some acknowledged submissions.
	const began = Date.now();
	while ((Date.now() - began < 1500 || acknowledged.length < 20) && Date.now() - began < 20_000) await new Promise((r) => setTimeout(r, 20));
	killed = true;
	await first.stop('SIGKILL');
	await load;
	const acked = [...acknowledged];
	test.info().annotations.push({
		type: 'crash',
		description: `killed after ${Date.now() - began} ms: ${acked.length} acknowledged submissions, ${statuses.length} answered requests, ${cutOff} cut off`
	});
	expect(statuses.filter((s) => s >= 500), first.output()).toEqual([]);
	expect(acked.length).toBeGreaterThan(0);
	expect(cutOff).toBeGreaterThan(0);

	// Started again on the same file, the server recovers the write-ahead log and serves.
	const second = await startServer(databasePath);
	servers.push(second);
	const db = new Database(databasePath, { fileMustExist: true });
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(db.pragma('foreign_key_check')).toEqual([]);

		// Every acknowledged submission is there, submitted, with its score and all its answers.
		const byToken = db.prepare(
			`SELECT r.status, (SELECT count(*) FROM response_scores s WHERE s.response_id = r.id) AS scores,
			        (SELECT count(*) FROM answers a WHERE a.response_id = r.id) AS answers
			 FROM responses r WHERE r.resume_token_hash = ?`
		);
		const missing = acked.filter((t) => {
			const row = byToken.get(hashToken(t)) as { status: string; scores: number; answers: number } | undefined;
			return !row || row.status !== 'submitted' || row.scores !== 1 || row.answers !== ANSWERS_PER_RESPONSE;
		});
		expect(missing).toEqual([]);

		// Nothing half-written: a submitted response has its score and its answers; a score belongs to a submitted response.
		const halfWritten = db
			.prepare(
				`SELECT r.id, r.status, (SELECT count(*) FROM response_scores s WHERE s.response_id = r.id) AS scores,
				        (SELECT count(*) FROM answers a WHERE a.response_id = r.id) AS answers
				 FROM responses r WHERE r.round_id IN (?, ?)`
			)
			.all(rounds[0].roundId, rounds[1].roundId) as { id: number; status: string; scores: number; answers: number }[];
		expect(halfWritten.filter((r) => r.status === 'submitted' && (r.scores !== 1 || r.answers !== ANSWERS_PER_RESPONSE))).toEqual([]);
		expect(halfWritten.filter((r) => r.status === 'draft' && r.scores !== 0)).toEqual([]);
		// Each page is saved in one transaction, so a draft holds whole pages: the answers of the first n pages.
		const pageSizes = Object.values(SECTION_ITEMS).map((kinds) => Object.values(kinds).flat().length);
		const wholePages = pageSizes.reduce((sums, n) => [...sums, sums.at(-1)! + n], [0]);
		expect(halfWritten.filter((r) => r.status === 'draft' && !wholePages.includes(r.answers))).toEqual([]);

		// The rounds' aggregates were written in the same transactions: they count exactly the submitted responses.
		for (const round of rounds) {
			const submitted = db.prepare("SELECT side, count(*) AS n FROM responses WHERE round_id = ? AND status = 'submitted' GROUP BY side").all(round.roundId) as {
				side: string;
				n: number;
			}[];
			const n = (side: string) => submitted.find((s) => s.side === side)?.n ?? 0;
			const result = db.prepare('SELECT municipality_n AS m, association_n AS a FROM round_results WHERE round_id = ?').get(round.roundId) as
				| { m: number; a: number }
				| undefined;
			expect(result ?? { m: 0, a: 0 }).toEqual({ m: n('municipality'), a: n('association') });
		}
	} finally {
		db.close();
	}

	// And the restarted server shows each acknowledged respondent the thank-you page.
	const pages = await Promise.all(acked.map(async (t) => (await fetch(`${second.origin}/r/${t}/done`, { redirect: 'manual' })).status));
	expect(pages.filter((s) => s !== 200)).toEqual([]);
});
