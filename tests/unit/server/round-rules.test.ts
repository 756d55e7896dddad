import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endedSql, isOpen, NOT_ENDED_ROUND_IDS, openSql } from '../../../src/lib/server/rounds';

// Every page and export decides in SQL whether a round is open or over; the respondent's form
// decides with isOpen. If the two ever disagreed, a page could count a round that still takes
// answers, or hide one that is over. Times are drawn close together, equal ones included.
const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const at = fc.integer({ min: -3, max: 3 }).map((h) => new Date(NOW + h * 3_600_000).toISOString());
const round = fc.record({ opensAt: at, closesAt: fc.option(at, { nil: null }), closedAt: fc.option(at, { nil: null }) });

describe('the open-round rule in SQL', () => {
	it('agrees with isOpen; a round that has opened is either open or ended; the not-ended ids are the rest', () => {
		const db = new Database(':memory:');
		db.exec('CREATE TABLE rounds (id INTEGER PRIMARY KEY, opens_at TEXT NOT NULL, closes_at TEXT, closed_at TEXT)');
		const insert = db.prepare('INSERT INTO rounds (opens_at, closes_at, closed_at) VALUES (?, ?, ?)');
		const flags = db.prepare(`SELECT id, ${openSql('r')} AS open, ${endedSql('r')} AS ended FROM rounds r ORDER BY id`);
		const notEnded = db.prepare(NOT_ENDED_ROUND_IDS).pluck();
		fc.assert(
			fc.property(fc.array(round, { minLength: 1, maxLength: 12 }), (rounds) => {
				db.exec('DELETE FROM rounds');
				for (const r of rounds) insert.run(r.opensAt, r.closesAt, r.closedAt);
				const now = { now: new Date(NOW).toISOString() };
				const rows = flags.all(now) as { id: number; open: number; ended: number }[];
				const pending = new Set(notEnded.all(now) as number[]);
				rows.forEach((row, i) => {
					const r = rounds[i];
					expect(row.open === 1).toBe(isOpen(r, NOW));
					if (r.opensAt <= now.now) expect(row.open + row.ended).toBe(1);
					expect(pending.has(row.id)).toBe(row.ended === 0);
				});
			}),
			{ numRuns: 300 }
		);
		db.close();
	});
});
