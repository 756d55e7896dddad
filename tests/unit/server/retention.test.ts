import { beforeAll, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createOrganisation } from '../../../src/lib/server/organisations';
import { createPair } from '../../../src/lib/server/pairs';
import { createProject, updateProject } from '../../../src/lib/server/projects';
import { getAnswers, getResponseByResume, saveAnswers, startResponse, submitResponse } from '../../../src/lib/server/responses';
import { closeRound, getRound, openRound } from '../../../src/lib/server/rounds';
import { purgeExpiredAnswers } from '../../../src/lib/server/retention';
import { freshDatabase, restoreDatabaseAfterAll } from '../../helpers/database';

const DAY = 24 * 60 * 60 * 1000;

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
	expect(saveAnswers(response.id, round, { set: { 'trust.1': 4, 'trust.2': 5 }, clear: [] }, closedAt - DAY)).toBe('saved');
	expect(submitResponse(response.id, round, closedAt - DAY)).toBe('submitted');
	closeRound(roundId, closedAt);
	return { roundId, responseId: response.id };
}

it('erases raw answers of rounds closed longer than the project keeps them, and keeps the scores', () => {
	const now = Date.now();
	const old = roundWithAnswer('Vanha', 30, now - 31 * DAY);
	const recent = roundWithAnswer('Tuore', 30, now - 5 * DAY);
	const kept = roundWithAnswer('Ei rajaa', null, now - 400 * DAY);

	expect(purgeExpiredAnswers(now)).toEqual([old.roundId]);
	expect(getAnswers(old.responseId)).toEqual({});
	expect(db().prepare('SELECT count(*) FROM response_scores WHERE response_id = ?').pluck().get(old.responseId)).toBe(1);
	expect(db().prepare('SELECT count(*) FROM round_results WHERE round_id = ?').pluck().get(old.roundId)).toBe(1);
	expect(db().prepare('SELECT answers_erased_at FROM rounds WHERE id = ?').pluck().get(old.roundId)).not.toBeNull();
	expect(getAnswers(recent.responseId)).toEqual({ 'trust.1': 4, 'trust.2': 5 });
	expect(getAnswers(kept.responseId)).toEqual({ 'trust.1': 4, 'trust.2': 5 });
	// Nothing is left to purge a second time.
	expect(purgeExpiredAnswers(now)).toEqual([]);
});
