import { beforeAll, describe, expect, it } from 'vitest';
import { TRAIT_IDS } from '../../../src/lib/assessment/types';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair, deletePair } from '../../../src/lib/server/pairs';
import { PAGE_SIZE, pairPage, pairQuery, projectAggregates } from '../../../src/lib/server/project-view';
import { createProject, getProject, updateProject } from '../../../src/lib/server/projects';
import { closeRound, isOpen, listRounds } from '../../../src/lib/server/rounds';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let projectId = 0;
beforeAll(() => {
	freshDatabase('project-view');
	projectId = createDemo().projectId;
});
restoreDatabaseAfterAll();

const q = (s: string) => pairQuery(new URLSearchParams(s));

/** What the project page must show, computed the slow way: every round's stored JSON, closed rounds only. */
function expected(project: number, min: number, now = Date.now()) {
	const rows = db()
		.prepare(
			`SELECT p.id AS pairId, r.number, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt,
			        rr.municipality_n AS m, rr.association_n AS a, rr.pair_step AS step, rr.result
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?`
		)
		.all(project) as { pairId: number; number: number; opensAt: string; closesAt: string | null; closedAt: string | null; m: number; a: number; step: number | null; result: string }[];
	const shown = rows.filter((r) => !isOpen(r, now) && r.m >= min && r.a >= min);
	const rounds = [...new Set(shown.map((r) => r.number))].sort((x, y) => x - y);
	return {
		shown,
		stepCounts: rounds
			.map((round) => {
				const counts: Record<number, number> = {};
				for (const r of shown.filter((r) => r.number === round && r.step !== null)) counts[r.step!] = (counts[r.step!] ?? 0) + 1;
				return { round, counts };
			})
			.filter((r) => Object.keys(r.counts).length > 0),
		traitMeans: rounds.map((round) => {
			const inRound = shown.filter((r) => r.number === round);
			const means = Object.fromEntries(
				TRAIT_IDS.map((t) => {
					const values = inRound.map((r) => JSON.parse(r.result).pair?.traits?.[t]?.mean).filter((v): v is number => typeof v === 'number');
					return [t, values.length ? values.reduce((x, y) => x + y, 0) / values.length : null];
				})
			);
			return { round, pairs: inRound.length, means };
		})
	};
}

function expectAggregates(project: number, min: number) {
	const got = projectAggregates(project, min);
	const want = expected(project, min);
	expect(got.stepCounts).toEqual(want.stepCounts);
	expect(got.traitMeans.map((r) => [r.round, r.pairs])).toEqual(want.traitMeans.map((r) => [r.round, r.pairs]));
	got.traitMeans.forEach((r, i) => {
		for (const t of TRAIT_IDS) {
			const w = want.traitMeans[i].means[t];
			if (w === null) expect(r.means[t]).toBeNull();
			else expect(r.means[t]).toBeCloseTo(w, 9);
		}
	});
}

describe('the project aggregates', () => {
	it('count steps and average traits of closed rounds only, where both sides reach the smallest group size', () => {
		// The demo has open rounds with results that would count if they were closed.
		const openWithResults = db()
			.prepare('SELECT r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt FROM rounds r JOIN round_results rr ON rr.round_id = r.id WHERE rr.municipality_n >= 1 AND rr.association_n >= 1')
			.all()
			.filter((r) => isOpen(r as never));
		expect(openWithResults.length).toBeGreaterThan(0);
		expectAggregates(projectId, getProject(projectId)!.minGroupSize);
	});

	it('follow a change of the smallest group size', () => {
		const project = getProject(projectId)!;
		const withSize = (n: number) => updateProject(projectId, { name: project.name, description: project.description, minGroupSize: n, retentionDays: project.retentionDays });
		for (const n of [1, 5, 3]) {
			withSize(n);
			expectAggregates(projectId, n);
		}
		withSize(project.minGroupSize);
	});

	it('count a round from the moment it closes, and forget an erased pair', () => {
		const min = getProject(projectId)!.minGroupSize;
		const big = db()
			.prepare(
				`SELECT r.id, r.pair_id AS pairId, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt
				 FROM rounds r JOIN round_results rr ON rr.round_id = r.id JOIN pairs p ON p.id = r.pair_id
				 WHERE p.project_id = ? AND rr.municipality_n >= ? AND rr.association_n >= ?`
			)
			.all(projectId, min, min) as { id: number; pairId: number; opensAt: string; closesAt: string | null; closedAt: string | null }[];
		const open = big.find((r) => isOpen(r))!;
		const pairId = open.pairId;
		const counted = () => projectAggregates(projectId, min).traitMeans.reduce((n, r) => n + r.pairs, 0);
		const before = counted();
		closeRound(open.id);
		expectAggregates(projectId, min);
		expect(counted()).toBe(before + 1);
		deletePair(projectId, pairId);
		expectAggregates(projectId, min);
	});
});

describe('a page of pairs', () => {
	it('shows each pair’s steps of closed rounds only, and the movement between its last two closed rounds', () => {
		const min = 1;
		const { rows } = pairPage(projectId, min, q(''));
		const want = expected(projectId, min);
		for (const row of rows) {
			for (const round of listRounds(row.pairId)) {
				const shown = want.shown.find((s) => s.pairId === row.pairId && s.number === round.number);
				expect(row.steps[round.number]).toBe(shown ? shown.step : null);
			}
			const closed = listRounds(row.pairId).filter((r) => !isOpen(r));
			const last = closed.at(-1);
			const now = last ? row.steps[last.number] : null;
			const before = last ? row.steps[last.number - 1] : null;
			expect(row.movement).toBe(now != null && before != null ? now - before : null);
		}
	});

	it('filters by text (Finnish letters too), status and movement, and sorts with unknown values last', () => {
		const all = pairPage(projectId, 1, q('')).rows;
		const keuruu = pairPage(projectId, 1, q('q=KEURUUN')).rows;
		expect(keuruu.map((r) => r.municipality)).toEqual(['Keuruun kaupunki']);
		const withUmlaut = all.find((r) => /[äö]/i.test(`${r.municipality} ${r.association}`))!;
		const word = `${withUmlaut.municipality} ${withUmlaut.association}`.split(' ').find((w) => /[äö]/i.test(w))!;
		expect(pairPage(projectId, 1, q(`q=${encodeURIComponent(word.toLocaleUpperCase('fi'))}`)).rows.map((r) => r.pairId)).toContain(withUmlaut.pairId);
		for (const status of ['open', 'closed'] as const) {
			const got = pairPage(projectId, 1, q(`status=${status}`)).rows;
			expect(got.map((r) => r.pairId).sort()).toEqual(all.filter((r) => r.latest && r.latest.open === (status === 'open')).map((r) => r.pairId).sort());
		}
		for (const [movement, test] of [['up', (d: number) => d > 0], ['down', (d: number) => d < 0], ['same', (d: number) => d === 0]] as const) {
			const got = pairPage(projectId, 1, q(`movement=${movement}`)).rows;
			expect(got.map((r) => r.pairId).sort()).toEqual(all.filter((r) => r.movement !== null && test(r.movement)).map((r) => r.pairId).sort());
		}
		const byMovement = pairPage(projectId, 1, q('sort=movement')).rows.map((r) => r.movement);
		const known = byMovement.filter((d) => d !== null) as number[];
		expect(known).toEqual([...known].sort((x, y) => y - x));
		expect(byMovement.slice(known.length).every((d) => d === null)).toBe(true);
		const answers = pairPage(projectId, 1, q('sort=answers')).rows.map((r) => (r.latest ? r.latest.submitted.municipality + r.latest.submitted.association : 0));
		expect(answers).toEqual([...answers].sort((x, y) => y - x));
	});

	it('pages 50 pairs at a time, in name order, and shows the last page for a page number past it', () => {
		const project = createProject({ name: 'Iso hanke', description: '' });
		for (let i = 0; i < 120; i++) {
			const m = createOrganisation(project, { name: `Kunta ${String(i).padStart(3, '0')}`, kind: 'municipality' });
			const a = createOrganisation(project, { name: `Yhdistys ${String(i).padStart(3, '0')}`, kind: 'association' });
			createPair(project, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
		}
		const first = pairPage(project, 3, q(''));
		expect(first.rows).toHaveLength(PAGE_SIZE);
		expect([first.total, first.pages, first.page]).toEqual([120, 3, 1]);
		expect(first.rows[0].municipality).toBe('Kunta 000');
		const third = pairPage(project, 3, q('page=3'));
		expect(third.rows.map((r) => r.municipality)).toEqual(Array.from({ length: 20 }, (_, i) => `Kunta ${String(100 + i)}`));
		expect(pairPage(project, 3, q('page=99')).page).toBe(3);
		expect(pairPage(project, 3, q('page=99&sort=answers')).rows).toHaveLength(20);
		expect(pairPage(project, 3, q('q=kunta 11')).total).toBe(10);
		expect(pairPage(project, 3, q('status=none')).total).toBe(120);
	});

	it('falls back to defaults for anything unknown in the URL', () => {
		expect(q('status=<script>&sort=x&page=-3&movement=1')).toEqual({ q: '', status: 'all', movement: 'all', sort: 'name', page: 1 });
	});
});
