import { currentVersion } from '../assessment/versions/index.ts';
import type { Side } from '../assessment/types.ts';
import { db, statement } from './db.ts';
import { nowIso, randomToken } from './tokens.ts';

export interface Round {
	id: number;
	pairId: number;
	number: number;
	questionnaireVersion: string;
	opensAt: string;
	closesAt: string | null;
	closedAt: string | null;
	asksRole: boolean;
	answersErasedAt: string | null;
}

interface RoundRow extends Omit<Round, 'asksRole'> {
	asksRole: number;
}

const columns = `r.id, r.pair_id AS pairId, r.number, r.questionnaire_version AS questionnaireVersion, r.opens_at AS opensAt,
	r.closes_at AS closesAt, r.closed_at AS closedAt, r.asks_role AS asksRole, r.answers_erased_at AS answersErasedAt`;

const toRound = (r: RoundRow): Round => ({ ...r, asksRole: r.asksRole === 1 });

/** A round takes answers from its opening until it is closed or its planned closing time passes. */
export function isOpen(round: Pick<Round, 'opensAt' | 'closesAt' | 'closedAt'>, now = Date.now()): boolean {
	const t = nowIso(now);
	return round.closedAt === null && round.opensAt <= t && (round.closesAt === null || round.closesAt > t);
}

export function listRounds(pairId: number): Round[] {
	return (db().prepare(`SELECT ${columns} FROM rounds r WHERE r.pair_id = ? ORDER BY r.number`).all(pairId) as RoundRow[]).map(toRound);
}

/** A round of this project's pair; ids of another project give undefined. */
export function getRound(projectId: number, pairId: number, roundId: number): Round | undefined {
	const row = db()
		.prepare(`SELECT ${columns} FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = ? AND r.pair_id = ? AND p.project_id = ?`)
		.get(roundId, pairId, projectId) as RoundRow | undefined;
	return row && toRound(row);
}

export class RoundAlreadyOpenError extends Error {}

/**
 * Opens the pair's next round on the current questionnaire version, with a fresh invitation
 * link for each side. One round at a time: a pair's open round must be closed first.
 */
export function openRound(pairId: number, input: { closesAt: string | null; asksRole: boolean }, now = Date.now()): number {
	return db().transaction(() => {
		if (listRounds(pairId).some((r) => isOpen(r, now))) throw new RoundAlreadyOpenError();
		const number = (db().prepare('SELECT coalesce(max(number), 0) + 1 FROM rounds WHERE pair_id = ?').pluck().get(pairId) as number);
		const roundId = Number(
			db()
				.prepare('INSERT INTO rounds (pair_id, number, questionnaire_version, opens_at, closes_at, asks_role) VALUES (?, ?, ?, ?, ?, ?)')
				.run(pairId, number, currentVersion.id, nowIso(now), input.closesAt, input.asksRole ? 1 : 0).lastInsertRowid
		);
		const invite = db().prepare('INSERT INTO invitations (round_id, side, token) VALUES (?, ?, ?)');
		for (const side of ['municipality', 'association'] as const) invite.run(roundId, side, randomToken());
		return roundId;
	})();
}

export function closeRound(roundId: number, now = Date.now()): void {
	db().prepare('UPDATE rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(nowIso(now), roundId);
}

export function reopenRound(roundId: number): void {
	db().prepare('UPDATE rounds SET closed_at = NULL, closes_at = NULL WHERE id = ?').run(roundId);
}

/** The live invitation link token of each side. */
export function invitationTokens(roundId: number): Record<Side, string | undefined> {
	const rows = db()
		.prepare('SELECT side, token FROM invitations WHERE round_id = ? AND revoked_at IS NULL')
		.all(roundId) as { side: Side; token: string }[];
	return {
		municipality: rows.find((r) => r.side === 'municipality')?.token,
		association: rows.find((r) => r.side === 'association')?.token
	};
}

/** Replaces a side's link: the old one stops working at once; responses already started keep their resume links. */
export function replaceInvitation(roundId: number, side: Side, now = Date.now()): string {
	const token = randomToken();
	db().transaction(() => {
		db().prepare('UPDATE invitations SET revoked_at = ? WHERE round_id = ? AND side = ? AND revoked_at IS NULL').run(nowIso(now), roundId, side);
		db().prepare('INSERT INTO invitations (round_id, side, token) VALUES (?, ?, ?)').run(roundId, side, token);
	})();
	return token;
}

/**
 * The smallest group size a round's results are judged by. Read through this one function so
 * that moving the size onto the round (fixed when it opens) changes one place.
 */
export function roundMinGroupSize(context: { project: { minGroupSize: number } }): number {
	return context.project.minGroupSize;
}

/** Whether the token is an invitation link that was replaced: its visitor gets "no longer in use" (410), not "not found". */
export function isReplacedInvitation(token: string): boolean {
	return statement('SELECT 1 FROM invitations WHERE token = ? AND revoked_at IS NOT NULL').get(token) !== undefined;
}

export interface SideCounts {
	started: number;
	submitted: number;
	/** Submitted responses a project worker keyed in from paper: a count only, never which. */
	paper: number;
}

/** How many have started (any response) and submitted, per side. */
export function responseCounts(roundId: number): Record<Side, SideCounts> {
	const rows = statement(
		`SELECT side, count(*) AS started, sum(status = 'submitted') AS submitted, sum(status = 'submitted' AND entered_on_paper) AS paper
		 FROM responses WHERE round_id = ? GROUP BY side`
	).all(roundId) as ({ side: Side } & SideCounts)[];
	const of = (side: Side) => {
		const r = rows.find((x) => x.side === side);
		return { started: r?.started ?? 0, submitted: r?.submitted ?? 0, paper: r?.paper ?? 0 };
	};
	return { municipality: of('municipality'), association: of('association') };
}

/** Many more starts than submits on a side: the link may have spread, or someone is stuffing drafts. */
export function startsFarExceedSubmits(c: Pick<SideCounts, 'started' | 'submitted'>): boolean {
	return c.started - c.submitted >= 10 && c.started >= 3 * Math.max(1, c.submitted);
}

export interface RoundContext {
	round: Round;
	pair: { id: number; municipality: string; association: string; theme: string; area: string };
	project: { id: number; name: string; minGroupSize: number };
}

export interface InvitationContext extends RoundContext {
	invitationId: number;
	side: Side;
}

interface ContextRow extends RoundRow {
	pId: number;
	mName: string;
	aName: string;
	theme: string;
	area: string;
	prId: number;
	prName: string;
	minGroupSize: number;
}

// A round with its pair's names and its project, for the respondent's pages.
const contextSelect = `${columns}, p.id AS pId, m.name AS mName, a.name AS aName, p.theme, p.area,
	pr.id AS prId, pr.name AS prName, pr.min_group_size AS minGroupSize
	FROM rounds r JOIN pairs p ON p.id = r.pair_id
	JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
	JOIN projects pr ON pr.id = p.project_id`;

function toContext({ pId, mName, aName, theme, area, prId, prName, minGroupSize, ...round }: ContextRow): RoundContext {
	return {
		round: toRound(round),
		pair: { id: pId, municipality: mName, association: aName, theme, area },
		project: { id: prId, name: prName, minGroupSize }
	};
}

export function roundContext(roundId: number): RoundContext | undefined {
	const row = db().prepare(`SELECT ${contextSelect} WHERE r.id = ?`).get(roundId) as ContextRow | undefined;
	return row && toContext(row);
}

/** What a respondent's invitation link opens: the side, the round, the pair. Revoked links give undefined. */
export function invitationByToken(token: string): InvitationContext | undefined {
	const row = db()
		.prepare(
			`SELECT i.id AS invitationId, i.side, ${contextSelect} JOIN invitations i ON i.round_id = r.id
			 WHERE i.token = ? AND i.revoked_at IS NULL`
		)
		.get(token) as (ContextRow & { invitationId: number; side: Side }) | undefined;
	if (!row) return undefined;
	const { invitationId, side, ...rest } = row;
	return { invitationId, side, ...toContext(rest) };
}
