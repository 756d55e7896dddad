import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createDemo } from '../../../src/lib/server/demo';
import { pairQuery, projectOverview, selectPairs, type PairRow } from '../../../src/lib/server/project-view';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

let projectId = 0;
beforeAll(() => {
	freshDatabase('project-view');
	projectId = createDemo().projectId;
});
restoreDatabaseAfterAll();

describe('the project overview', () => {
	it('shows a pair step only for closed rounds, as the round\'s stored result discloses it, and counts exactly those', () => {
		const overview = projectOverview(projectId);
		const stored = db()
			.prepare(
				`SELECT r.number, rr.pair_step AS step, r.closed_at AS closedAt, p.id AS pairId
				 FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?`
			)
			.all(projectId) as { number: number; step: number | null; closedAt: string | null; pairId: number }[];
		expect(stored.some((s) => s.closedAt === null)).toBe(true);
		for (const s of stored) {
			const pair = overview.pairs.find((p) => p.pairId === s.pairId)!;
			expect(pair.steps[s.number]).toBe(s.closedAt !== null ? s.step : null);
		}
		for (const { round, counts } of overview.stepCounts) {
			const shown = stored.filter((s) => s.number === round && s.closedAt !== null && s.step !== null).length;
			expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(shown);
		}
	});

	it('gives the movement since the latest earlier round that shows a step (2 → withheld → 4 is +2)', () => {
		const overview = projectOverview(projectId);
		const keuruu = overview.pairs.find((p) => p.municipality === 'Keuruun kaupunki')!;
		expect([keuruu.steps[1], keuruu.steps[2], keuruu.steps[3]]).toEqual([2, null, 4]);
		expect(keuruu.movement).toBe(2);
	});

	it("gives each round's questionnaire version, so the table can mark where it changed", () => {
		const overview = projectOverview(projectId);
		for (const pair of overview.pairs) expect(pair.versions).toEqual({ 1: '2026-1', 2: '2026-1', 3: '2026-2' });
	});

	it('averages the traits of shown pairs of closed rounds from the stored results', () => {
		const overview = projectOverview(projectId);
		expect(overview.traitMeans.map((r) => r.round)).toEqual([1, 2, 3]);
		for (const r of overview.traitMeans) for (const mean of Object.values(r.means)) expect(mean! >= 1 && mean! <= 5).toBe(true);
	});
});

describe('filtering and sorting the pairs', () => {
	const rows: PairRow[] = [
		{ pairId: 1, municipality: 'Joutsa', association: 'Kyläyhdistys', theme: 'kylät', area: '', steps: { 1: 2, 2: 3 }, versions: { 1: '2026-1', 2: '2026-2' }, latest: { roundId: 2, number: 2, open: true, submitted: { municipality: 2, association: 1 } }, movement: 1 },
		{ pairId: 2, municipality: 'Keuruu', association: 'Sydänyhdistys', theme: '', area: 'keskusta', steps: { 1: 4, 2: 3 }, versions: { 1: '2026-2', 2: '2026-2' }, latest: { roundId: 4, number: 2, open: false, submitted: { municipality: 5, association: 3 } }, movement: -1 },
		{ pairId: 3, municipality: 'Toivakka', association: 'Työtupa', theme: '', area: '', steps: {}, versions: {}, latest: null, movement: null }
	];
	const q = (s: string) => pairQuery(new URLSearchParams(s));

	it('filters by text, status and movement', () => {
		expect(selectPairs(rows, q('q=sydän')).rows.map((r) => r.pairId)).toEqual([2]);
		expect(selectPairs(rows, q('status=open')).rows.map((r) => r.pairId)).toEqual([1]);
		expect(selectPairs(rows, q('status=none')).rows.map((r) => r.pairId)).toEqual([3]);
		expect(selectPairs(rows, q('movement=down')).rows.map((r) => r.pairId)).toEqual([2]);
	});

	it('sorts, with unknown values last', () => {
		expect(selectPairs(rows, q('sort=step')).rows.map((r) => r.pairId)).toEqual([1, 2, 3]);
		expect(selectPairs(rows, q('sort=movement')).rows.map((r) => r.pairId)).toEqual([1, 2, 3]);
		expect(selectPairs(rows, q('sort=answers')).rows.map((r) => r.pairId)).toEqual([2, 1, 3]);
	});

	it('falls back to defaults for anything unknown in the URL', () => {
		expect(q('status=<script>&sort=x&page=-3&movement=1')).toEqual({ q: '', status: 'all', movement: 'all', sort: 'name', page: 1 });
	});
});
