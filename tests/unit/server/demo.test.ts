import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PairScore } from '../../../src/lib/assessment/privacy';
import { answersSchema } from '../../../src/lib/assessment/answers';
import { findings } from '../../../src/lib/assessment/findings';
import { getVersion } from '../../../src/lib/assessment/versions';
import { db } from '../../../src/lib/server/db';
import { createDemo, DEMO_PROJECT_NAME, type DemoSummary } from '../../../src/lib/server/demo';
import { listPairs, type Pair } from '../../../src/lib/server/pairs';
import { getProject, listAllProjects } from '../../../src/lib/server/projects';
import { getAnswers } from '../../../src/lib/server/responses';
import { isOpen, listRounds, responseCounts } from '../../../src/lib/server/rounds';
import { freshDatabase as newDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const NOW = Date.UTC(2026, 2, 1, 12);
const DAY = 24 * 60 * 60 * 1000;

const freshDatabase = () => newDatabase('demo');

interface StoredRound {
	pair: string;
	number: number;
	pairStep: number | null;
	municipalityN: number;
	associationN: number;
	result: string;
}

function storedResults(projectId: number): StoredRound[] {
	return db()
		.prepare(
			`SELECT m.name AS pair, r.number, rr.pair_step AS pairStep, rr.municipality_n AS municipalityN,
			        rr.association_n AS associationN, rr.result
			 FROM pairs p JOIN organisations m ON m.id = p.municipality_org_id JOIN rounds r ON r.pair_id = p.id
			 JOIN round_results rr ON rr.round_id = r.id
			 WHERE p.project_id = ? ORDER BY p.id, r.number`
		)
		.all(projectId) as StoredRound[];
}

restoreDatabaseAfterAll();

describe('the demo project', () => {
	let demo: DemoSummary;
	let pairs: Pair[];

	beforeAll(() => {
		freshDatabase();
		demo = createDemo({ seed: 7, now: NOW });
		pairs = listPairs(demo.projectId);
	});

	const pairOf = (municipality: string) => pairs.find((p) => p.municipality.name === municipality)!;
	const resultsOf = (municipality: string) => storedResults(demo.projectId).filter((r) => r.pair === municipality);

	it('spans two questionnaire versions: rounds 1 and 2 on 2026-1, round 3 (the newest) on 2026-2', () => {
		for (const pair of pairs) {
			const rounds = listRounds(pair.id);
			expect(rounds.map((r) => r.questionnaireVersion), pair.municipality.name).toEqual(['2026-1', '2026-1', '2026-2']);
		}
	});

	it('has six pairs with three rounds each', () => {
		expect(getProject(demo.projectId)).toMatchObject({ name: DEMO_PROJECT_NAME });
		expect(getProject(demo.projectId)!.description).toMatch(/\S/);
		expect(pairs).toHaveLength(6);
		expect(demo).toMatchObject({ pairs: 6, rounds: 18 });
		for (const pair of pairs) {
			expect(pair.theme).not.toBe('');
			expect(pair.area).not.toBe('');
			expect(listRounds(pair.id).map((r) => r.number)).toEqual([1, 2, 3]);
		}
	});

	it('spreads the rounds over a year: about 12 months, 6 months and 2 weeks before now', () => {
		for (const pair of pairs) {
			const [r1, r2, r3] = listRounds(pair.id).map((r) => (NOW - Date.parse(r.opensAt)) / DAY);
			expect(r1).toBeGreaterThan(340);
			expect(r1).toBeLessThanOrEqual(366);
			expect(r2).toBeGreaterThan(160);
			expect(r2).toBeLessThanOrEqual(183);
			expect(r3).toBeGreaterThan(11);
			expect(r3).toBeLessThanOrEqual(14);
		}
	});

	it('closes rounds 1 and 2, and round 3 except in one or two pairs, which have drafts left', () => {
		let open = 0;
		for (const pair of pairs) {
			const rounds = listRounds(pair.id);
			for (const round of rounds.slice(0, 2)) expect(round.closedAt).not.toBeNull();
			const last = rounds[2];
			if (isOpen(last, NOW)) {
				open++;
				const counts = responseCounts(last.id);
				const drafts =
					counts.municipality.started - counts.municipality.submitted + counts.association.started - counts.association.submitted;
				expect(drafts).toBeGreaterThanOrEqual(1);
				expect(counts.municipality.submitted).toBeGreaterThanOrEqual(1);
				expect(counts.association.submitted).toBeGreaterThanOrEqual(1);
			} else {
				expect(last.closedAt).not.toBeNull();
				expect(Date.parse(last.closedAt!)).toBeLessThan(NOW);
			}
		}
		expect(open).toBeGreaterThanOrEqual(1);
		expect(open).toBeLessThanOrEqual(2);
		expect(demo.drafts).toBeGreaterThanOrEqual(2);
	});

	it('has 2–5 respondents a side in every closed round', () => {
		for (const pair of pairs)
			for (const round of listRounds(pair.id).filter((r) => !isOpen(r, NOW))) {
				const counts = responseCounts(round.id);
				for (const side of ['municipality', 'association'] as const) {
					expect(counts[side].submitted).toBeGreaterThanOrEqual(2);
					expect(counts[side].submitted).toBeLessThanOrEqual(5);
				}
			}
	});

	it('stores a score for every submitted response and a round result whose counts are the submitted responses', () => {
		const unscored = db()
			.prepare(
				`SELECT count(*) FROM responses r JOIN rounds ro ON ro.id = r.round_id JOIN pairs p ON p.id = ro.pair_id
				 LEFT JOIN response_scores s ON s.response_id = r.id
				 WHERE p.project_id = ? AND r.status = 'submitted' AND s.response_id IS NULL`
			)
			.pluck()
			.get(demo.projectId);
		expect(unscored).toBe(0);
		let submitted = 0;
		for (const pair of pairs)
			for (const round of listRounds(pair.id)) {
				const counts = responseCounts(round.id);
				const row = db().prepare('SELECT municipality_n, association_n FROM round_results WHERE round_id = ?').get(round.id);
				expect(row).toEqual({ municipality_n: counts.municipality.submitted, association_n: counts.association.submitted });
				submitted += counts.municipality.submitted + counts.association.submitted;
			}
		expect(submitted).toBe(demo.responses);
	});

	it('stores only answers that the round’s questionnaire accepts, in all three languages', () => {
		const responses = db()
			.prepare(
				`SELECT r.id, r.language, ro.questionnaire_version AS version FROM responses r JOIN rounds ro ON ro.id = r.round_id
				 JOIN pairs p ON p.id = ro.pair_id WHERE p.project_id = ?`
			)
			.all(demo.projectId) as { id: number; language: string; version: string }[];
		let comments = 0;
		for (const response of responses) {
			const version = getVersion(response.version)!;
			const answers = getAnswers(response.id);
			expect(answersSchema(version).safeParse(answers).success).toBe(true);
			if (typeof answers[version.comment.id] === 'string') comments++;
		}
		const languages = new Set(responses.map((r) => r.language));
		expect(languages).toEqual(new Set(['fi', 'sv', 'en']));
		expect(responses.filter((r) => r.language === 'fi').length / responses.length).toBeGreaterThan(0.7);
		// About a third write a comment.
		expect(comments / responses.length).toBeGreaterThan(0.15);
		expect(comments / responses.length).toBeLessThan(0.5);
	});

	it('moves pairs up and down the stairs', () => {
		const moves = pairs.map((p) => {
			const steps = resultsOf(p.municipality.name).map((r) => r.pairStep);
			return steps[2]! - steps[0]!;
		});
		expect(moves.some((m) => m > 0)).toBe(true);
		expect(moves.some((m) => m < 0)).toBe(true);
		expect(moves.some((m) => m === 0)).toBe(true);
		// The stories as designed: a steady climber (round 2 withheld: two answered on the association
		// side) and a drop after staff turnover (round 3 shown with open results, two answered).
		expect(resultsOf('Keuruun kaupunki').map((r) => r.pairStep)).toEqual([2, null, 4]);
		expect(resultsOf('Pihtiputaan kunta').map((r) => r.pairStep)).toEqual([4, 4, 3]);
	});

	it('shows the disagreeing pair’s sides a step or more apart, with lower trust on the association side', () => {
		const pair = pairOf('Viitasaaren kaupunki');
		expect(pair).toBeDefined();
		const last = resultsOf(pair.municipality.name)[2];
		const result = JSON.parse(last.result) as PairScore;
		const differ = findings(result).find((f) => f.kind === 'sides_differ_step');
		expect(differ).toMatchObject({ kind: 'sides_differ_step', municipality: 4, association: 2 });
		const trust = result.sides.association!.traits.trust.mean!;
		expect(trust).toBeLessThan(result.sides.municipality!.traits.trust.mean!);
		// …and lower than in any pair whose sides agree.
		for (const other of pairs.filter((p) => p.id !== pair.id)) {
			const r = JSON.parse(resultsOf(other.municipality.name)[2].result) as PairScore;
			// A round still open shows nothing to compare with.
			if (!r.pair) continue;
			expect(findings(r).some((f) => f.kind === 'sides_differ_step')).toBe(false);
			expect(r.pair!.traits.trust.mean!).toBeGreaterThan(result.pair!.traits.trust.mean!);
		}
	});
});

describe('the same seed', () => {
	it('gives identical round results in two fresh databases, and another seed does not', () => {
		freshDatabase();
		const first = storedResults(createDemo({ seed: 42, now: NOW }).projectId);
		freshDatabase();
		const second = storedResults(createDemo({ seed: 42, now: NOW }).projectId);
		freshDatabase();
		const other = storedResults(createDemo({ seed: 43, now: NOW }).projectId);
		expect(first).toHaveLength(18);
		expect(second).toEqual(first);
		expect(other.map((r) => r.result)).not.toEqual(first.map((r) => r.result));
	});
});

describe('npm run portaat -- demo', () => {
	function portaat(file: string, ...args: string[]) {
		return spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/portaat.ts', ...args], {
			env: { ...process.env, DATABASE_PATH: file },
			encoding: 'utf8'
		});
	}

	it('creates the demo once, refuses a second time, and creates another with --again', { timeout: 60_000 }, () => {
		const file = freshDatabase();
		const first = portaat(file, 'demo');
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toMatch(/project 1\b/);
		expect(first.stdout).toMatch(/6 pairs, 18 rounds/);
		expect(first.stdout).toMatch(/\/projects\/1\b/);

		const again = portaat(file, 'demo');
		expect(again.status).toBe(1);
		expect(again.stderr).toMatch(/already exists/);
		expect(again.stderr).toMatch(/--again/);
		expect(listAllProjects().filter((p) => p.name === DEMO_PROJECT_NAME)).toHaveLength(1);

		const forced = portaat(file, 'demo', '--again');
		expect(forced.status).toBe(0);
		expect(listAllProjects().filter((p) => p.name === DEMO_PROJECT_NAME)).toHaveLength(2);
	});
});
