import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../../src/lib/assessment/answers';
import { scorePair, type PairScore } from '../../../src/lib/assessment/privacy';
import { scoreResponse, type ResponseScore } from '../../../src/lib/assessment/scoring';
import type { Side } from '../../../src/lib/assessment/types';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { closeDb, databasePath, db } from '../../../src/lib/server/db';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject } from '../../../src/lib/server/projects';
import { getAnswers, getResponseByResume, saveAnswers, startResponse, submitResponse, type Response } from '../../../src/lib/server/responses';
import { closeRound, getRound, isOpen, openRound, type Round } from '../../../src/lib/server/rounds';
import { nowIso } from '../../../src/lib/server/tokens';
import { freshDatabase as newDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const NOW = Date.UTC(2026, 2, 1, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const freshDatabase = () => newDatabase('responses');

restoreDatabaseAfterAll();

let pairCounter = 0;

/** A project with one pair and an open round (opened at `now`). */
function setupRound(options: { now?: number; closesAt?: string | null } = {}) {
	const now = options.now ?? NOW;
	pairCounter++;
	const projectId = createProject({ name: `Hanke ${pairCounter}`, description: '' });
	const m = createOrganisation(projectId, { name: `Kunta ${pairCounter}`, kind: 'municipality' });
	const a = createOrganisation(projectId, { name: `Yhdistys ${pairCounter}`, kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: 'Teema', area: 'Alue' });
	const roundId = openRound(pairId, { closesAt: options.closesAt ?? null, asksRole: false }, now);
	/** The round as the database has it now (what a request would load). */
	const round = (): Round => getRound(projectId, pairId, roundId)!;
	return { projectId, pairId, roundId, round };
}

function start(roundId: number, side: Side, now = NOW): Response {
	const token = startResponse({ roundId, side, language: 'fi' }, now);
	const response = getResponseByResume(token);
	expect(response).toBeDefined();
	return response!;
}

const count = (sql: string, ...params: unknown[]) => db().prepare(sql).pluck().get(...params) as number;

/** Everything the submit path writes, for "nothing changed" comparisons. */
function snapshot() {
	return {
		responses: db().prepare('SELECT * FROM responses ORDER BY id').all(),
		answers: db().prepare('SELECT * FROM answers ORDER BY response_id, item_id').all(),
		scores: db().prepare('SELECT * FROM response_scores ORDER BY response_id').all(),
		results: db().prepare('SELECT * FROM round_results ORDER BY round_id').all()
	};
}

/** A complete, valid answer set using every kind of value. */
function fullAnswers(level = 4): Record<string, Answers[string]> {
	const out: Record<string, Answers[string]> = {};
	v.traitItems.forEach((item, i) => (out[item.id] = i % 7 === 3 ? 'na' : Math.min(5, Math.max(1, level - 1 + (i % 3)))));
	for (const item of v.practiceItems) out[item.id] = item.step <= level ? 5 : item.step === level + 1 ? 3 : 1;
	out[v.selfPlacement.now.id] = level;
	out[v.selfPlacement.target.id] = Math.min(6, level + 1);
	out[v.descriptive[0].id] = [v.descriptive[0].options[2].id, v.descriptive[0].options[0].id];
	out[v.descriptive[1].id] = [];
	out[v.comment.id] = 'Yhteistyö sujuu – "lainausmerkit", \\kenoviiva\\, rivinvaihto\nja emoji 🙂 sekä 5';
	return out;
}

beforeEach(() => {
	freshDatabase();
});

describe('saveAnswers', () => {
	it('round-trips every kind of value exactly', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const answers = {
			...fullAnswers(),
			// Values that look like other kinds must come back as what they were.
			[v.comment.id]: '5'
		};
		expect(answersSchema(v).safeParse(answers).success).toBe(true);
		expect(saveAnswers(r.id, round(), { set: answers, clear: [] }, NOW + MINUTE)).toBe('saved');
		const back = getAnswers(r.id);
		expect(back).toEqual(answers);
		expect(typeof back[v.comment.id]).toBe('string');
		expect(back[v.descriptive[1].id]).toEqual([]);
		expect(back[v.descriptive[0].id]).toEqual([v.descriptive[0].options[2].id, v.descriptive[0].options[0].id]);
		expect(count('SELECT count(*) FROM answers WHERE response_id = ?', r.id)).toBe(Object.keys(answers).length);

		const text = 'Pelkkä teksti\twith tab, "quotes", 😀 and \u00e5\u00e4\u00f6';
		expect(saveAnswers(r.id, round(), { set: { [v.comment.id]: text }, clear: [] }, NOW + 2 * MINUTE)).toBe('saved');
		expect(getAnswers(r.id)[v.comment.id]).toBe(text);
	});

	it('upserts: a changed answer replaces the old one, others stay', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'association');
		const [a, b] = v.traitItems;
		expect(saveAnswers(r.id, round(), { set: { [a.id]: 2, [b.id]: 'na' }, clear: [] }, NOW + MINUTE)).toBe('saved');
		expect(saveAnswers(r.id, round(), { set: { [a.id]: 5 }, clear: [] }, NOW + 2 * MINUTE)).toBe('saved');
		expect(getAnswers(r.id)).toEqual({ [a.id]: 5, [b.id]: 'na' });
		expect(count('SELECT count(*) FROM answers WHERE response_id = ?', r.id)).toBe(2);
		expect(saveAnswers(r.id, round(), { set: { [b.id]: 1 }, clear: [] }, NOW + 3 * MINUTE)).toBe('saved');
		expect(getAnswers(r.id)).toEqual({ [a.id]: 5, [b.id]: 1 });
		expect(getResponseByResume(r.resumeToken)!.updatedAt).toBe(nowIso(NOW + 3 * MINUTE));
	});

	it('clears exactly the listed answers, and clearing an unanswered item is harmless', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const answers = fullAnswers();
		saveAnswers(r.id, round(), { set: answers, clear: [] }, NOW + MINUTE);
		const cleared = [v.comment.id, v.traitItems[0].id];
		expect(saveAnswers(r.id, round(), { set: {}, clear: [...cleared, 'never.answered'] }, NOW + 2 * MINUTE)).toBe('saved');
		const expected = { ...answers };
		for (const id of cleared) delete expected[id];
		expect(getAnswers(r.id)).toEqual(expected);
	});

	it("touches only its own response's answers", () => {
		const { round, roundId } = setupRound();
		const mine = start(roundId, 'municipality');
		const other = start(roundId, 'municipality');
		saveAnswers(other.id, round(), { set: fullAnswers(3), clear: [] }, NOW + MINUTE);
		saveAnswers(mine.id, round(), { set: fullAnswers(5), clear: [v.comment.id] }, NOW + 2 * MINUTE);
		expect(getAnswers(other.id)).toEqual(fullAnswers(3));
	});

	it('is all or nothing: a save that fails half-way changes no answer', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const [a, b] = v.traitItems;
		saveAnswers(r.id, round(), { set: { [a.id]: 3 }, clear: [] }, NOW + MINUTE);
		const before = snapshot();
		// A value that cannot be serialised makes the second upsert throw after the first ran.
		expect(() =>
			saveAnswers(r.id, round(), { set: { [a.id]: 5, [b.id]: 10n as never }, clear: [] }, NOW + 2 * MINUTE)
		).toThrow();
		expect(snapshot()).toEqual(before);
		expect(getAnswers(r.id)).toEqual({ [a.id]: 3 });
	});
});

describe('submitResponse', () => {
	it('stores exactly one score row, the score of the stored answers, and marks the response submitted', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const answers = fullAnswers();
		saveAnswers(r.id, round(), { set: answers, clear: [] }, NOW + MINUTE);
		expect(submitResponse(r.id, round(), NOW + 2 * MINUTE)).toBe('submitted');

		const rows = db().prepare('SELECT * FROM response_scores WHERE response_id = ?').all(r.id) as { score: string }[];
		expect(rows).toHaveLength(1);
		expect(JSON.parse(rows[0].score)).toEqual(scoreResponse(v, answers));
		const after = getResponseByResume(r.resumeToken)!;
		expect(after.status).toBe('submitted');
		expect(after.submittedAt).toBe(nowIso(NOW + 2 * MINUTE));
		// Submitting keeps the answers as they were.
		expect(getAnswers(r.id)).toEqual(answers);
	});

	it("a second submit returns 'already' and changes nothing", () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'association');
		saveAnswers(r.id, round(), { set: fullAnswers(3), clear: [] }, NOW + MINUTE);
		expect(submitResponse(r.id, round(), NOW + 2 * MINUTE)).toBe('submitted');
		const before = snapshot();
		expect(submitResponse(r.id, round(), NOW + 10 * MINUTE)).toBe('already');
		expect(snapshot()).toEqual(before);
		expect(getResponseByResume(r.resumeToken)!.submittedAt).toBe(nowIso(NOW + 2 * MINUTE));
		expect(count('SELECT count(*) FROM response_scores')).toBe(1);
		expect(count("SELECT count(*) FROM responses WHERE status = 'submitted'")).toBe(1);
	});

	it('two tabs submitting the same response back to back give one submitted response and one score row', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		saveAnswers(r.id, round(), { set: fullAnswers(4), clear: [] }, NOW + MINUTE);
		// Both tabs loaded the page (and the round) before either submitted.
		const tabA = round();
		const tabB = round();
		const outcomes = [submitResponse(r.id, tabA, NOW + 2 * MINUTE), submitResponse(r.id, tabB, NOW + 2 * MINUTE)];
		expect(outcomes).toEqual(['submitted', 'already']);
		expect(count('SELECT count(*) FROM responses WHERE round_id = ?', roundId)).toBe(1);
		expect(count("SELECT count(*) FROM responses WHERE round_id = ? AND status = 'submitted'", roundId)).toBe(1);
		expect(count('SELECT count(*) FROM response_scores')).toBe(1);
		expect(db().prepare('SELECT municipality_n, association_n FROM round_results WHERE round_id = ?').get(roundId)).toEqual({
			municipality_n: 1,
			association_n: 0
		});
	});

	it('an empty or too thin draft cannot be submitted: it stays a draft and changes nothing', () => {
		const { round, roundId } = setupRound();
		const empty = start(roundId, 'municipality');
		const before = snapshot();
		expect(submitResponse(empty.id, round(), NOW + MINUTE)).toBe('incomplete');
		expect(snapshot()).toEqual(before);
		// All "I can't say" is an answer, but not one that counts.
		const cantSay = start(roundId, 'municipality');
		const allNa = Object.fromEntries([...v.traitItems, ...v.practiceItems].map((i) => [i.id, 'na' as const]));
		saveAnswers(cantSay.id, round(), { set: allNa, clear: [] }, NOW + MINUTE);
		const saved = snapshot();
		expect(submitResponse(cantSay.id, round(), NOW + 2 * MINUTE)).toBe('incomplete');
		expect(snapshot()).toEqual(saved);
		expect(getResponseByResume(cantSay.resumeToken)!.status).toBe('draft');
	});

	it('a draft that answers half of the trait and of the practice statements is submitted and scored as it is', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const partial = {
			...Object.fromEntries(v.traitItems.slice(0, Math.ceil(v.traitItems.length / 2)).map((i) => [i.id, 4])),
			...Object.fromEntries(v.practiceItems.slice(0, Math.ceil(v.practiceItems.length / 2)).map((i) => [i.id, 3])),
			[v.selfPlacement.now.id]: 2
		};
		saveAnswers(r.id, round(), { set: partial, clear: [] }, NOW + MINUTE);
		expect(submitResponse(r.id, round(), NOW + 2 * MINUTE)).toBe('submitted');
		const stored = db().prepare('SELECT score FROM response_scores WHERE response_id = ?').pluck().get(r.id) as string;
		expect(JSON.parse(stored)).toEqual(scoreResponse(v, partial));
		expect(JSON.parse(stored).tally.respondents).toBe(1);
	});
});

describe('after submitting or closing, answers are frozen', () => {
	it("saveAnswers after submit returns 'submitted' and changes no answer", () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		saveAnswers(r.id, round(), { set: fullAnswers(4), clear: [] }, NOW + MINUTE);
		submitResponse(r.id, round(), NOW + 2 * MINUTE);
		const before = snapshot();
		expect(
			saveAnswers(r.id, round(), { set: { [v.traitItems[0].id]: 1, [v.comment.id]: 'muutettu' }, clear: [v.selfPlacement.now.id] }, NOW + 3 * MINUTE)
		).toBe('submitted');
		expect(
			saveAnswers(r.id, round(), { set: {}, clear: Object.keys(fullAnswers(4)), language: 'en', role: 'rooli' }, NOW + 4 * MINUTE)
		).toBe('submitted');
		expect(snapshot()).toEqual(before);
		expect(getAnswers(r.id)).toEqual(fullAnswers(4));
	});

	it("after closeRound, saving and submitting return 'closed' and the draft keeps all its answers", () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'association');
		const answers = fullAnswers(3);
		expect(saveAnswers(r.id, round(), { set: answers, clear: [] }, NOW + MINUTE)).toBe('saved');
		closeRound(roundId, NOW + 2 * MINUTE);
		expect(isOpen(round(), NOW + 3 * MINUTE)).toBe(false);
		const before = snapshot();

		expect(saveAnswers(r.id, round(), { set: { [v.traitItems[0].id]: 1 }, clear: [v.comment.id] }, NOW + 3 * MINUTE)).toBe(
			'closed'
		);
		expect(submitResponse(r.id, round(), NOW + 4 * MINUTE)).toBe('closed');

		expect(snapshot()).toEqual(before);
		expect(getAnswers(r.id)).toEqual(answers);
		expect(getResponseByResume(r.resumeToken)!.status).toBe('draft');
		expect(count('SELECT count(*) FROM response_scores')).toBe(0);
	});

	it("a submitted response in a closed round still answers 'already', not 'closed'", () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'association');
		saveAnswers(r.id, round(), { set: fullAnswers(3), clear: [] }, NOW + MINUTE);
		submitResponse(r.id, round(), NOW + 2 * MINUTE);
		closeRound(roundId, NOW + 3 * MINUTE);
		expect(submitResponse(r.id, round(), NOW + 4 * MINUTE)).toBe('already');
	});

	// The questionnaire action loads the round, then awaits the request body, then saves: the
	// round can be closed in between. A closed round must change nothing whatever the caller loaded.
	it('a round closed after the caller loaded it refuses the save (the round state is read when writing)', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		const answers = { [v.traitItems[0].id]: 2 };
		saveAnswers(r.id, round(), { set: answers, clear: [] }, NOW + MINUTE);
		const loadedBeforeClosing = round();
		closeRound(roundId, NOW + 2 * MINUTE);
		expect(saveAnswers(r.id, loadedBeforeClosing, { set: { [v.traitItems[0].id]: 5 }, clear: [] }, NOW + 3 * MINUTE)).toBe(
			'closed'
		);
		expect(getAnswers(r.id)).toEqual(answers);
	});
});

describe('the planned closing time', () => {
	it('closes the round by itself: isOpen turns false and saving or submitting returns closed', () => {
		const { round, roundId } = setupRound({ closesAt: nowIso(NOW + HOUR) });
		const r = start(roundId, 'municipality');
		expect(isOpen(round(), NOW + 30 * MINUTE)).toBe(true);
		expect(saveAnswers(r.id, round(), { set: fullAnswers(4), clear: [] }, NOW + 30 * MINUTE)).toBe('saved');

		expect(isOpen(round(), NOW + HOUR)).toBe(false);
		expect(isOpen(round(), NOW + 2 * HOUR)).toBe(false);
		const before = snapshot();
		expect(saveAnswers(r.id, round(), { set: { [v.traitItems[0].id]: 1 }, clear: [] }, NOW + 2 * HOUR)).toBe('closed');
		expect(submitResponse(r.id, round(), NOW + 2 * HOUR)).toBe('closed');
		expect(snapshot()).toEqual(before);
		expect(getAnswers(r.id)).toEqual(fullAnswers(4));
	});

	it('a closing time already in the past when the round opens makes it closed at once', () => {
		const { round, roundId } = setupRound({ closesAt: nowIso(NOW - MINUTE) });
		expect(round().closesAt).toBe(nowIso(NOW - MINUTE));
		expect(isOpen(round(), NOW)).toBe(false);
		const r = start(roundId, 'association');
		expect(saveAnswers(r.id, round(), { set: { [v.traitItems[0].id]: 4 }, clear: [] }, NOW)).toBe('closed');
		expect(getAnswers(r.id)).toEqual({});
		expect(submitResponse(r.id, round(), NOW)).toBe('closed');
		expect(count('SELECT count(*) FROM response_scores')).toBe(0);
	});
});

describe('round_results after submits', () => {
	function storedResult(roundId: number) {
		return db()
			.prepare('SELECT municipality_n, association_n, pair_step, result FROM round_results WHERE round_id = ?')
			.get(roundId) as { municipality_n: number; association_n: number; pair_step: number | null; result: string } | undefined;
	}

	function storedScores(roundId: number): { side: Side; tally: ResponseScore['tally'] }[] {
		return (
			db()
				.prepare(
					`SELECT r.side, s.score FROM responses r JOIN response_scores s ON s.response_id = r.id
					 WHERE r.round_id = ? ORDER BY r.id`
				)
				.all(roundId) as { side: Side; score: string }[]
		).map((r) => ({ side: r.side, tally: (JSON.parse(r.score) as ResponseScore).tally }));
	}
	const rule = (r: Round) => ({ minGroupSize: r.minGroupSize, openResults: r.openResults });

	it('count the submitted responses per side and equal scorePair of the stored scores', () => {
		const { round, roundId } = setupRound();
		const other = setupRound();
		// Another pair's submissions must not leak into this round.
		const stranger = start(other.roundId, 'association');
		saveAnswers(stranger.id, other.round(), { set: fullAnswers(6), clear: [] }, NOW + MINUTE);
		submitResponse(stranger.id, other.round(), NOW + MINUTE);

		const plan: { side: Side; level: number; submit: boolean }[] = [
			{ side: 'municipality', level: 4, submit: true },
			{ side: 'association', level: 2, submit: true },
			{ side: 'municipality', level: 5, submit: true },
			{ side: 'association', level: 3, submit: false },
			{ side: 'municipality', level: 1, submit: false }
		];
		const submittedAnswers: { side: Side; answers: Answers }[] = [];
		let t = NOW + 2 * MINUTE;
		for (const p of plan) {
			const r = start(roundId, p.side, t);
			const answers = fullAnswers(p.level);
			expect(saveAnswers(r.id, round(), { set: answers, clear: [] }, (t += MINUTE))).toBe('saved');
			if (!p.submit) continue;
			expect(submitResponse(r.id, round(), (t += MINUTE))).toBe('submitted');
			submittedAnswers.push({ side: p.side, answers });
			const row = storedResult(roundId)!;
			expect(row.municipality_n).toBe(submittedAnswers.filter((s) => s.side === 'municipality').length);
			expect(row.association_n).toBe(submittedAnswers.filter((s) => s.side === 'association').length);
		}

		const row = storedResult(roundId)!;
		expect(row).toMatchObject({ municipality_n: 2, association_n: 1 });
		const result = JSON.parse(row.result) as PairScore;
		const scores = storedScores(roundId);
		expect(scores).toHaveLength(3);
		expect(result).toEqual(scorePair(v, scores, rule(round())));
		// …and the stored scores are those of the answers that were submitted.
		expect(submittedAnswers).toHaveLength(3);
		expect(result).toEqual(scorePair(v, submittedAnswers.map((s) => ({ side: s.side, tally: scoreResponse(v, s.answers).tally })), rule(round())));
		expect(result.respondents).toEqual({ municipality: 2, association: 1 });
		// Under the round's promise of 3, both sides are withheld whole, and the pair with them.
		expect(round().minGroupSize).toBe(3);
		expect(result.hidden).toEqual({ municipality: true, association: true, pair: true });
		expect(result.pair).toBeNull();
		expect(row.pair_step).toBeNull();

		// The other round was untouched by this round's submits.
		expect(storedResult(other.roundId)).toMatchObject({ municipality_n: 0, association_n: 1 });
		expect(JSON.parse(storedResult(other.roundId)!.result)).toEqual(scorePair(v, storedScores(other.roundId), rule(other.round())));
	});

	it('has no pair value while only one side has submitted', () => {
		const { round, roundId } = setupRound();
		const r = start(roundId, 'municipality');
		saveAnswers(r.id, round(), { set: fullAnswers(4), clear: [] }, NOW + MINUTE);
		submitResponse(r.id, round(), NOW + 2 * MINUTE);
		const row = storedResult(roundId)!;
		expect(row).toMatchObject({ municipality_n: 1, association_n: 0, pair_step: null });
		const result = JSON.parse(row.result) as PairScore;
		expect(result.pair).toBeNull();
		expect(result.sides.association).toBeNull();
		expect(result).toEqual(scorePair(v, storedScores(roundId), rule(round())));
	});
});

describe('a server restart in the middle of answering', () => {
	it('keeps the draft and its answers in the same file, and the draft can be submitted once', () => {
		const file = databasePath();
		const { round, roundId, projectId, pairId } = setupRound();
		const r = start(roundId, 'municipality');
		const first = { [v.traitItems[0].id]: 4, [v.traitItems[1].id]: 'na', [v.comment.id]: 'ennen katkoa' } as const;
		expect(saveAnswers(r.id, round(), { set: first, clear: [] }, NOW + MINUTE)).toBe('saved');

		closeDb(); // the server shuts down
		expect(existsSync(file)).toBe(true);
		expect(process.env.DATABASE_PATH).toBe(file);

		// The next request opens the same file again.
		const resumed = getResponseByResume(r.resumeToken);
		expect(db().name).toBe(file);
		expect(resumed).toMatchObject({ id: r.id, status: 'draft', roundId });
		expect(getAnswers(r.id)).toEqual(first);

		const reloaded = getRound(projectId, pairId, roundId)!;
		const rest = fullAnswers(4);
		expect(saveAnswers(r.id, reloaded, { set: rest, clear: [] }, NOW + 2 * MINUTE)).toBe('saved');
		expect(getAnswers(r.id)).toEqual({ ...first, ...rest });

		closeDb(); // and once more, between saving and submitting
		expect(submitResponse(r.id, getRound(projectId, pairId, roundId)!, NOW + 3 * MINUTE)).toBe('submitted');
		expect(submitResponse(r.id, getRound(projectId, pairId, roundId)!, NOW + 4 * MINUTE)).toBe('already');
		expect(count('SELECT count(*) FROM responses WHERE round_id = ?', roundId)).toBe(1);
		expect(count("SELECT count(*) FROM responses WHERE round_id = ? AND status = 'submitted'", roundId)).toBe(1);
		expect(count('SELECT count(*) FROM response_scores')).toBe(1);
		expect(JSON.parse(db().prepare('SELECT score FROM response_scores').pluck().get() as string)).toEqual(
			scoreResponse(v, { ...first, ...rest })
		);
	});
});
