import { beforeAll, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject, updateProject } from '../../../src/lib/server/projects';
import { getAnswers, getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { closeRound, getRound, openRound } from '../../../src/lib/server/rounds';
import { purgeExpiredAnswers } from '../../../src/lib/server/retention';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { countedAnswers } from '../../helpers/answers';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const DAY = 24 * 60 * 60 * 1000;
const ANSWERS = countedAnswers(v, { traits: { trust: [4, 5, 4] } });

beforeAll(() => {
	freshDatabase('retention');
});
restoreDatabaseAfterAll();

function roundWithAnswer(projectName: string, retentionDays: number | null, closedAt: number) {
	const projectId = createProject({ name: projectName, description: '' });
	updateProject(projectId, { name: projectName, description: '', minGroupSize: 3, retentionDays });
	const m = createOrganisation(projectId, { name: 'Kunta', kind: 'municipality' });
	const a = createOrganisation(projectId, { name: 'Yhdistys', kind: 'association' });
	const pairId = createPair(projectId, { municipalityOrgId: m, associationOrgId: a, theme: '', area: '' });
	const roundId = openRound(pairId, { closesAt: null, asksRole: false }, closedAt - DAY);
	const round = getRound(projectId, pairId, roundId)!;
	const response = getResponseByResume(startResponse({ roundId, side: 'municipality', language: 'fi' }, closedAt - DAY))!;
	expect(saveAnswers(response.id, round, { set: ANSWERS, clear: [] }, closedAt - DAY)).toBe('saved');
	expect(submitResponse(response.id, round, closedAt - DAY)).toBe('submitted');
	closeRound(roundId, closedAt);
	return { roundId, responseId: response.id };
}

it('erases raw answers of rounds closed longer than the project keeps them, with each response\'s score; the round\'s result stays', () => {
	const now = Date.now();
	const old = roundWithAnswer('Vanha', 30, now - 31 * DAY);
	const recent = roundWithAnswer('Tuore', 30, now - 5 * DAY);
	const kept = roundWithAnswer('Ei rajaa', null, now - 400 * DAY);

	expect(purgeExpiredAnswers(now)).toEqual([old.roundId]);
	expect(getAnswers(old.responseId)).toEqual({});
	// A response's score holds its answers to the scored statements: it goes with them.
	expect(db().prepare('SELECT count(*) FROM response_scores WHERE response_id = ?').pluck().get(old.responseId)).toBe(0);
	expect(db().prepare('SELECT count(*) FROM round_results WHERE round_id = ? AND result IS NOT NULL AND tally IS NULL').pluck().get(old.roundId)).toBe(1);
	expect(db().prepare('SELECT count(*) FROM response_scores WHERE response_id = ?').pluck().get(recent.responseId)).toBe(1);
	expect(db().prepare('SELECT answers_erased_at FROM rounds WHERE id = ?').pluck().get(old.roundId)).not.toBeNull();
	expect(getAnswers(recent.responseId)).toEqual(ANSWERS);
	expect(getAnswers(kept.responseId)).toEqual(ANSWERS);
	// Nothing is left to purge a second time.
	expect(purgeExpiredAnswers(now)).toEqual([]);
});
