import { beforeAll, describe, expect, it } from 'vitest';
import { TRAIT_IDS } from '../../../src/lib/assessment/types';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair, deletePair } from '../../../src/lib/server/pairs';
import { choiceCountsAcrossPairs, PAGE_SIZE, pairPage, pairQuery, projectAggregates } from '../../../src/lib/server/project-view';
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
const round1 = (row: { steps: Record<number, unknown> }) => Math.min(...Object.keys(row.steps).map(Number));

/** What the project page must show, computed the slow way: every round's stored JSON, closed rounds only. */
function expected(project: number, now = Date.now()) {
	const rows = db()
		.prepare(
			`SELECT p.id AS pairId, r.number, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt,
			        rr.municipality_n AS m, rr.association_n AS a, rr.pair_step AS step, rr.result
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?`
		)
		.all(project) as { pairId: number; number: number; opensAt: string; closesAt: string | null; closedAt: string | null; m: number; a: number; step: number | null; result: string }[];
	// The stored result is already disclosed under each round's promise: only open rounds are left out.
	const shown = rows.filter((r) => !isOpen(r, now));
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

function expectAggregates(project: number, now = Date.now()) {
	const got = projectAggregates(project, now);
	const want = expected(project, now);
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
	it('count steps and average traits of closed rounds only, as their stored results disclose them', () => {
		// The demo has open rounds with results that would count if they were closed.
		const openWithResults = db()
			.prepare('SELECT r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt FROM rounds r JOIN round_results rr ON rr.round_id = r.id WHERE rr.municipality_n >= 1 AND rr.association_n >= 1')
			.all()
			.filter((r) => isOpen(r as never));
		expect(openWithResults.length).toBeGreaterThan(0);
		expectAggregates(projectId);
	});

	it('count a round from the moment its planned closing passes, and not before', () => {
		// The open rounds' planned closings in the demo: each checked a moment before, at and after it.
		const closings = db()
			.prepare(
				`SELECT DISTINCT r.closes_at FROM rounds r JOIN pairs p ON p.id = r.pair_id JOIN round_results rr ON rr.round_id = r.id
				 WHERE p.project_id = ? AND r.closed_at IS NULL AND r.closes_at IS NOT NULL`
			)
			.pluck()
			.all(projectId) as string[];
		expect(closings.length).toBeGreaterThan(0);
		const counted = (now: number) => projectAggregates(projectId, now).traitMeans.reduce((n, r) => n + r.pairs, 0);
		for (const closing of closings) {
			const at = Date.parse(closing);
			for (const now of [at - 1, at, at + 1]) expectAggregates(projectId, now);
			expect(counted(at)).toBeGreaterThan(counted(at - 1));
		}
		// Far ahead every round without a planned closing is still open, and all others count.
		expectAggregates(projectId, Date.parse('2100-01-01T00:00:00Z'));
	});

	it('keep each round\'s promise when the project\'s smallest group size changes later', () => {
		const project = getProject(projectId)!;
		const before = projectAggregates(projectId);
		updateProject(projectId, { name: project.name, description: project.description, minGroupSize: 1, retentionDays: project.retentionDays });
		expect(projectAggregates(projectId)).toEqual(before);
		updateProject(projectId, { name: project.name, description: project.description, minGroupSize: project.minGroupSize, retentionDays: project.retentionDays });
	});

	it('count a round from the moment it closes, and forget an erased pair', () => {
		const big = db()
			.prepare(
				`SELECT r.id, r.pair_id AS pairId, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt
				 FROM rounds r JOIN round_results rr ON rr.round_id = r.id JOIN pairs p ON p.id = r.pair_id
				 WHERE p.project_id = ?`
			)
			.all(projectId) as { id: number; pairId: number; opensAt: string; closesAt: string | null; closedAt: string | null }[];
		const open = big.find((r) => isOpen(r))!;
		const pairId = open.pairId;
		const counted = () => projectAggregates(projectId).traitMeans.reduce((n, r) => n + r.pairs, 0);
		const before = counted();
		closeRound(open.id);
		expectAggregates(projectId);
		expect(counted()).toBe(before + 1);
		deletePair(projectId, pairId);
		expectAggregates(projectId);
	});
});

describe('a page of pairs', () => {
	it('shows each pair’s steps of closed rounds only, and the movement against the latest earlier shown step', () => {
		const { rows } = pairPage(projectId, q(''));
		const want = expected(projectId);
		for (const row of rows) {
			for (const round of listRounds(row.pairId)) {
				const shown = want.shown.find((s) => s.pairId === row.pairId && s.number === round.number);
				expect(row.steps[round.number]).toBe(shown ? shown.step : null);
			}
			const closed = listRounds(row.pairId).filter((r) => !isOpen(r));
			const last = closed.at(-1);
			const now = last ? row.steps[last.number] : null;
			const earlier = last ? closed.filter((r) => r.number < last.number && row.steps[r.number] != null).at(-1) : undefined;
			const before = earlier ? row.steps[earlier.number] : null;
			expect(row.movement).toBe(now != null && before != null ? now - before : null);
			expect(row.versions[round1(row)]).toBe('2026-1');
		}
		// The demo pair that went 2 → withheld → 4 moved +2.
		const keuruu = rows.find((r) => r.municipality === 'Keuruun kaupunki')!;
		expect([keuruu.steps[1], keuruu.steps[2], keuruu.steps[3]]).toEqual([2, null, 4]);
		expect(keuruu.movement).toBe(2);
		expect(keuruu.versions).toEqual({ 1: '2026-1', 2: '2026-1', 3: '2026-2' });
	});

	it('filters by text (Finnish letters too), status and movement, and sorts with unknown values last', () => {
		const all = pairPage(projectId, q('')).rows;
		const keuruu = pairPage(projectId, q('q=KEURUUN')).rows;
		expect(keuruu.map((r) => r.municipality)).toEqual(['Keuruun kaupunki']);
		const withUmlaut = all.find((r) => /[äö]/i.test(`${r.municipality} ${r.association}`))!;
		const word = `${withUmlaut.municipality} ${withUmlaut.association}`.split(' ').find((w) => /[äö]/i.test(w))!;
		expect(pairPage(projectId, q(`q=${encodeURIComponent(word.toLocaleUpperCase('fi'))}`)).rows.map((r) => r.pairId)).toContain(withUmlaut.pairId);
		for (const status of ['open', 'closed'] as const) {
			const got = pairPage(projectId, q(`status=${status}`)).rows;
			expect(got.map((r) => r.pairId).sort()).toEqual(all.filter((r) => r.latest && r.latest.open === (status === 'open')).map((r) => r.pairId).sort());
		}
		for (const [movement, test] of [['up', (d: number) => d > 0], ['down', (d: number) => d < 0], ['same', (d: number) => d === 0]] as const) {
			const got = pairPage(projectId, q(`movement=${movement}`)).rows;
			expect(got.map((r) => r.pairId).sort()).toEqual(all.filter((r) => r.movement !== null && test(r.movement)).map((r) => r.pairId).sort());
		}
		const byMovement = pairPage(projectId, q('sort=movement')).rows.map((r) => r.movement);
		const known = byMovement.filter((d) => d !== null) as number[];
		expect(known).toEqual([...known].sort((x, y) => y - x));
		expect(byMovement.slice(known.length).every((d) => d === null)).toBe(true);
		const answers = pairPage(projectId, q('sort=answers')).rows.map((r) => (r.latest ? r.latest.submitted.municipality + r.latest.submitted.association : 0));
		expect(answers).toEqual([...answers].sort((x, y) => y - x));
	});

	it('pages 50 pairs at a time, in name order, and shows the last page for a page number past it', () => {
		const project = createProject({ name: 'Iso hanke', description: '' });
		for (let i = 0; i < 120; i++) {
			const m = createOrganisation(project, { name: `Kunta ${String(i).padStart(3, '0')}`, kind: 'municipality' });
			const a = createOrganisation(project, { name: `Yhdistys ${String(i).padStart(3, '0')}`, kind: 'association' });
			createPair(project, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
		}
		const first = pairPage(project, q(''));
		expect(first.rows).toHaveLength(PAGE_SIZE);
		expect([first.total, first.pages, first.page]).toEqual([120, 3, 1]);
		expect(first.rows[0].municipality).toBe('Kunta 000');
		const third = pairPage(project, q('page=3'));
		expect(third.rows.map((r) => r.municipality)).toEqual(Array.from({ length: 20 }, (_, i) => `Kunta ${String(100 + i)}`));
		expect(pairPage(project, q('page=99')).page).toBe(3);
		expect(pairPage(project, q('page=99&sort=answers')).rows).toHaveLength(20);
		expect(pairPage(project, q('q=kunta 11')).total).toBe(10);
		expect(pairPage(project, q('status=none')).total).toBe(120);
	});

	it('falls back to defaults for anything unknown in the URL', () => {
		expect(q('status=<script>&sort=x&page=-3&movement=1')).toEqual({ q: '', status: 'all', movement: 'all', sort: 'name', page: 1 });
	});
});

describe('what the pairs do together and bring', () => {
	/** The slow way: each pair's latest closed round with a stored result, its whole result JSON. */
	function expectedChoices(project: number, now = Date.now()) {
		const latest = new Map<number, { number: number; result: string }>();
		for (const r of expected(project, now).shown)
			if ((latest.get(r.pairId)?.number ?? 0) < r.number) latest.set(r.pairId, { number: r.number, result: r.result });
		const counts = new Map<string, number>();
		for (const { result } of latest.values()) {
			const sides = (JSON.parse(result) as { sides: Record<string, { choices: Record<string, { n: number; counts: Record<string, number>; withheld?: true }> } | null> }).sides;
			const reported = new Set<string>();
			for (const side of Object.values(sides))
				for (const [item, c] of Object.entries(side?.choices ?? {}))
					for (const [option, count] of Object.entries(c.counts)) if (!c.withheld && count * 2 >= c.n) reported.add(`${item}/${option}`);
			for (const key of reported) counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		return Object.fromEntries([...counts].sort());
	}
	const asRecord = (list: { item: string; option: string; pairs: number }[]) =>
		Object.fromEntries(list.map((c) => [`${c.item}/${c.option}`, c.pairs] as const).sort());

	it('counts, per option, the pairs whose latest closed round reports it on either side (at least half of a side ticked it)', () => {
		const counts = choiceCountsAcrossPairs(projectId);
		expect(counts.length).toBeGreaterThan(0);
		expect(asRecord(counts)).toEqual(expectedChoices(projectId));
		// A week on, the rounds open today have closed: their answers count, and the figures still agree.
		const later = Date.now() + 400 * 86_400_000;
		expect(asRecord(choiceCountsAcrossPairs(projectId, later))).toEqual(expectedChoices(projectId, later));
	});

	it('a withheld side reports nothing, whatever its respondents ticked', () => {
		// The demo's Keuruu round 2: the association side is withheld (two people answered), so
		// its result holds no side at all; what the pair reports comes from the other side only.
		const rows = db()
			.prepare('SELECT rr.result, s.reported FROM round_results rr JOIN round_summaries s USING (round_id) WHERE s.project_id = ?')
			.all(projectId) as { result: string; reported: string | null }[];
		type Side = { choices: Record<string, { n: number; counts: Record<string, number> }> } | null;
		const withheld = rows
			.map((r) => ({ sides: JSON.parse(r.result).sides as Record<'municipality' | 'association', Side>, reported: r.reported }))
			.filter((r) => r.sides.association === null && r.sides.municipality !== null);
		expect(withheld.length).toBeGreaterThan(0);
		for (const r of withheld) {
			const own = Object.entries(r.sides.municipality!.choices).flatMap(([item, c]) =>
				Object.entries(c.counts).filter(([, k]) => 2 * k >= c.n).map(([o]) => `${item}/${o}`)
			);
			expect((r.reported ?? '').split(' ').filter(Boolean)).toEqual([...new Set(own)].sort());
		}
	});
});
