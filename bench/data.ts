/**
 * Benchmark fixtures, written with direct SQL for speed (hundreds of thousands of responses):
 * the schema comes from the app's own migrations, and every stored score and round aggregate is
 * computed by the assessment library (scoreResponse, scorePair), so the pages read what the app
 * would have written.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { itemsOf, type AnswerValue } from '../src/lib/assessment/answers.ts';
import { scorePair } from '../src/lib/assessment/privacy.ts';
import { sideTallies } from '../src/lib/assessment/aggregate.ts';
import { scoreResponse, SCORING_VERSION, type ResponseScore } from '../src/lib/assessment/scoring.ts';
import { currentVersion } from '../src/lib/assessment/versions/index.ts';
import { loadMigrations, migrate, migrationsDir, openDatabase } from '../src/lib/server/db.ts';
import { hashToken } from '../src/lib/server/tokens.ts';

const token = () => randomBytes(32).toString('base64url');
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

/** A small deterministic PRNG, so that every run stores the same answers. */
function prng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Respondent {
	answers: Record<string, AnswerValue>;
	/** [item_id, JSON value], in the answers table's key order. */
	rows: [string, string][];
	score: ResponseScore;
	scoreJson: string;
}

/** `n` complete responses of varied partnerships: each leans to a level, with noise and some "can't say". */
export function respondentPool(n: number, seed = 2026): Respondent[] {
	const random = prng(seed);
	const options = Object.fromEntries(currentVersion.descriptive.map((d) => [d.id, d.options.map((o) => o.id)]));
	return Array.from({ length: n }, (_, i) => {
		const level = 1.5 + random() * 3.5;
		const likert = (bias = 0) => {
			if (random() < 0.06) return 'na' as const;
			return Math.max(1, Math.min(5, Math.round(level + bias + (random() - 0.5) * 2.2)));
		};
		const answers: Record<string, AnswerValue> = {};
		for (const item of itemsOf(currentVersion)) {
			if (item.kind === 'agreement') answers[item.id] = likert(item.id.startsWith('step') ? 2 - Number(item.id[4]) * 0.6 : 0);
			else if (item.kind === 'step') answers[item.id] = Math.max(1, Math.min(6, Math.round(level + random())));
			else if (item.kind === 'choice') answers[item.id] = options[item.id].filter(() => random() < 0.35);
			else answers[item.id] = `Vastaaja ${i}: tapaamisia voisi olla useammin, ja tavoitteista pitäisi sopia yhdessä.`;
		}
		const score = scoreResponse(currentVersion, answers);
		const rows = Object.entries(answers)
			.map(([k, v]): [string, string] => [k, JSON.stringify(v)])
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return { answers, rows, score, scoreJson: JSON.stringify(score) };
	});
}

/** A database file with the app's schema, opened for a bulk load without fsyncs. It stays in WAL mode (SQLite keeps WAL when asked for no journal); closing it checkpoints and removes the -wal file. */
function bulkOpen(file: string): Database.Database {
	const migrated = openDatabase(file);
	migrate(migrated, loadMigrations(migrationsDir()));
	migrated.close();
	const db = new Database(file);
	db.pragma('journal_mode = OFF');
	db.pragma('synchronous = OFF');
	db.pragma('cache_size = -262144');
	db.pragma('foreign_keys = OFF');
	return db;
}

function statements(db: Database.Database) {
	return {
		project: db.prepare('INSERT INTO projects (name, description) VALUES (?, ?)'),
		org: db.prepare('INSERT INTO organisations (project_id, name, kind) VALUES (?, ?, ?)'),
		pair: db.prepare('INSERT INTO pairs (project_id, municipality_org_id, association_org_id, theme, area) VALUES (?, ?, ?, ?, ?)'),
		round: db.prepare(
			'INSERT INTO rounds (pair_id, number, questionnaire_version, opens_at, closes_at, closed_at, asks_role) VALUES (?, ?, ?, ?, NULL, ?, 0)'
		),
		invitation: db.prepare('INSERT INTO invitations (round_id, side, token) VALUES (?, ?, ?)'),
		response: db.prepare(
			'INSERT INTO responses (round_id, side, resume_token_hash, status, language, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		answer: db.prepare('INSERT INTO answers (response_id, item_id, value) VALUES (?, ?, ?)'),
		score: db.prepare('INSERT INTO response_scores (response_id, scoring_version, score) VALUES (?, ?, ?)'),
		result: db.prepare(
			`INSERT INTO round_results (round_id, scoring_version, municipality_n, association_n, pair_step, result, tally, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		)
	};
}

function pairOf(s: ReturnType<typeof statements>, projectId: number, i: number): number {
	const m = Number(s.org.run(projectId, `Kunta ${String(i).padStart(4, '0')}`, 'municipality').lastInsertRowid);
	const a = Number(s.org.run(projectId, `Kyläyhdistys ${String(i).padStart(4, '0')}`, 'association').lastInsertRowid);
	return Number(s.pair.run(projectId, m, a, 'Kylien elinvoima', `Alue ${i % 40}`).lastInsertRowid);
}

function insertResponse(
	s: ReturnType<typeof statements>,
	roundId: number,
	side: string,
	who: Respondent,
	at: number,
	status: 'draft' | 'submitted',
	rows = who.rows
): { id: number; resume: string } {
	const resume = token();
	// Resume links are stored only as their hash (migration 005), as the app stores them.
	const id = Number(s.response.run(roundId, side, hashToken(resume), status, 'fi', iso(at), iso(at), status === 'submitted' ? iso(at) : null).lastInsertRowid);
	for (const [item, value] of rows) s.answer.run(id, item, value);
	if (status === 'submitted') s.score.run(id, SCORING_VERSION, who.scoreJson);
	return { id, resume };
}

/**
 * For the submit benchmark: one project, `pairs` pairs each with one open round and its two
 * invitations, and `draftsPerRound` complete drafts per round waiting to be submitted. Also a
 * separate database for the baseline with one open round.
 */
export function submitFixture(file: string, pairs: number, draftsPerRound: number) {
	const db = bulkOpen(file);
	const s = statements(db);
	const pool = respondentPool(64, 7);
	const now = Date.now();
	const invitations: { token: string; side: string }[] = [];
	const draftsByRound: string[][] = [];
	db.transaction(() => {
		const projectId = Number(s.project.run('Kuormitushanke', '').lastInsertRowid);
		for (let p = 0; p < pairs; p++) {
			const pairId = pairOf(s, projectId, p);
			const roundId = Number(s.round.run(pairId, 1, currentVersion.id, iso(now - DAY), null).lastInsertRowid);
			for (const side of ['municipality', 'association']) {
				const t = token();
				s.invitation.run(roundId, side, t);
				invitations.push({ token: t, side });
			}
			draftsByRound.push(
				Array.from({ length: draftsPerRound }, (_, d) =>
					insertResponse(s, roundId, d % 2 ? 'association' : 'municipality', pool[(p * 7 + d) % pool.length], now - DAY / 2, 'draft').resume
				)
			);
		}
	})();
	db.close();
	// Interleaved, so that concurrent submits go to different rounds, as real ones would.
	const drafts: string[] = [];
	for (let d = 0; d < draftsPerRound; d++) for (const round of draftsByRound) drafts.push(round[d]);
	return { invitations, drafts, pool };
}

/** The baseline's database: the same schema with one open round to store into. */
export function baselineFixture(file: string): { roundId: number } {
	const db = bulkOpen(file);
	const s = statements(db);
	const projectId = Number(s.project.run('Perustaso', '').lastInsertRowid);
	const pairId = pairOf(s, projectId, 0);
	const roundId = Number(s.round.run(pairId, 1, currentVersion.id, iso(Date.now() - DAY), null).lastInsertRowid);
	db.close();
	return { roundId };
}

export interface HistoryFixture {
	/** A project of `smallPairs` pairs, the same at every size. */
	smallProjectId: number;
	/** A project holding all the other pairs. */
	bigProjectId: number;
	bigPairs: number;
	/** The big project's declared theme, which every one of its pairs has (the group page at its largest). */
	bigThemeId: number;
	/** A pair of the small project, with its 12 rounds. */
	pairId: number;
	/** A draft in an open round, for the questionnaire page. */
	draft: string;
	responses: number;
	seconds: number;
}

/**
 * `pairs` pairs in all, each with `rounds` rounds of `perSide` submitted respondents per side (the
 * last round open, with two drafts); `smallPairs` of them in a small project, the rest in a big one.
 */
export function historyFixture(file: string, pairs: number, rounds = 12, perSide = 10, smallPairs = 20): HistoryFixture {
	const began = performance.now();
	const db = bulkOpen(file);
	const s = statements(db);
	const pool = respondentPool(64);
	const half = pool.slice(0, 24).map((r) => ({ ...r, rows: r.rows.slice(0, 24) }));
	const start = Date.now() - rounds * 120 * DAY;
	const smallProjectId = Number(s.project.run('Pieni hanke', 'Kaksikymmentä paria').lastInsertRowid);
	const bigProjectId = Number(s.project.run('Suuri hanke', 'Kaikki muut parit').lastInsertRowid);
	// The theme every pair has (pairOf), declared in the big project, and one of its areas.
	const declare = db.prepare('INSERT INTO project_groups (project_id, kind, name) VALUES (?, ?, ?)');
	const bigThemeId = Number(declare.run(bigProjectId, 'theme', 'Kylien elinvoima').lastInsertRowid);
	declare.run(bigProjectId, 'area', 'Alue 7');
	let pairId = 0;
	let draft = '';
	let responses = 0;
	const batch = db.transaction((from: number, to: number) => {
		for (let p = from; p < to; p++) {
			const id = pairOf(s, p < smallPairs ? smallProjectId : bigProjectId, p);
			if (p === 0) pairId = id;
			for (let r = 1; r <= rounds; r++) {
				const opens = start + (r - 1) * 120 * DAY;
				const open = r === rounds;
				const roundId = Number(s.round.run(id, r, currentVersion.id, iso(opens), open ? null : iso(opens + 21 * DAY)).lastInsertRowid);
				s.invitation.run(roundId, 'municipality', token());
				s.invitation.run(roundId, 'association', token());
				const scored: { side: 'municipality' | 'association'; tally: ResponseScore['tally'] }[] = [];
				for (let k = 0; k < perSide * 2; k++) {
					const side = k % 2 ? 'association' : 'municipality';
					const who = pool[(p * 31 + r * 7 + k * 3) % pool.length];
					insertResponse(s, roundId, side, who, opens + (k + 1) * 3_600_000, 'submitted');
					scored.push({ side, tally: who.score.tally });
					responses++;
				}
				// The round's promise as the app fixes it when a round opens: the default smallest group size of 3.
				const result = scorePair(currentVersion, scored, { minGroupSize: 3, openResults: false });
				s.result.run(
					roundId,
					SCORING_VERSION,
					perSide,
					perSide,
					result.pair?.evidence.step ?? null,
					JSON.stringify(result),
					JSON.stringify(sideTallies(scored)),
					iso(opens + 21 * DAY)
				);
				if (open) {
					for (const side of ['municipality', 'association']) {
						const d = insertResponse(s, roundId, side, half[p % half.length], opens + DAY, 'draft');
						if (p === 0) draft ||= d.resume;
						responses++;
					}
				}
			}
		}
	});
	for (let p = 0; p < pairs; p += 50) batch(p, Math.min(pairs, p + 50));
	db.close();
	return { smallProjectId, bigProjectId, bigPairs: pairs - smallPairs, bigThemeId, pairId, draft, responses, seconds: (performance.now() - began) / 1000 };
}

/** The administrator the bench signs in as, made in the app's own way (the app's password hashing). */
export const BENCH_ADMIN = { email: 'bench@example.fi', password: 'benchmark-salasana-2026' };
export async function createBenchAdmin(file: string): Promise<void> {
	process.env.DATABASE_PATH = file;
	const { createUser } = await import('../src/lib/server/users.ts');
	const { hashPassword } = await import('../src/lib/server/auth/password.ts');
	const { closeDb } = await import('../src/lib/server/db.ts');
	createUser({ email: BENCH_ADMIN.email, name: 'Bench Admin', isAdmin: true, passwordHash: await hashPassword(BENCH_ADMIN.password) });
	closeDb();
}
