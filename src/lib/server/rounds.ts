import { currentVersion } from '../assessment/versions/index.ts';
import type { Side } from '../assessment/types.ts';
import type { OrganisationKind } from '../organisation-kinds.ts';
import { prepared, writeTransaction } from './db.ts';
import { hashToken, nowIso, randomToken } from './tokens.ts';

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
	/** The promise made to the round's respondents, fixed when it opened. */
	minGroupSize: number;
	openResults: boolean;
}

interface RoundRow extends Omit<Round, 'asksRole' | 'openResults'> {
	asksRole: number;
	openResults: number;
}

const columns = `r.id, r.pair_id AS pairId, r.number, r.questionnaire_version AS questionnaireVersion, r.opens_at AS opensAt,
	r.closes_at AS closesAt, r.closed_at AS closedAt, r.asks_role AS asksRole, r.answers_erased_at AS answersErasedAt,
	r.min_group_size AS minGroupSize, r.open_results AS openResults`;

const toRound = (r: RoundRow): Round => ({ ...r, asksRole: r.asksRole === 1, openResults: r.openResults === 1 });

/** A round takes answers from its opening until it is closed or its planned closing time passes. */
export function isOpen(round: Pick<Round, 'opensAt' | 'closesAt' | 'closedAt'>, now = Date.now()): boolean {
	const t = nowIso(now);
	return round.closedAt === null && round.opensAt <= t && (round.closesAt === null || round.closesAt > t);
}

// The same rule in SQL, written once here for every query (a test holds them to isOpen). A round
// closes by the clock without a write, so queries take the time as @now.
/** SQL: round `r` takes answers at @now (isOpen). */
export const openSql = (r: string) => `(${r}.closed_at IS NULL AND ${r}.opens_at <= @now AND (${r}.closes_at IS NULL OR ${r}.closes_at > @now))`;
/** SQL: round `r` has ended at @now: closed by hand, or its planned closing time has passed. */
export const endedSql = (r: string) => `(${r}.closed_at IS NOT NULL OR (${r}.closes_at IS NOT NULL AND ${r}.closes_at <= @now))`;
/** SQL: the round of summary `s` has ended at @now, read from the summary itself (round_summaries.open_until, migration 012). */
export const summaryEndedSql = (s: string) => `(${s}.open_until IS NULL OR (${s}.open_until <> '' AND ${s}.open_until <= @now))`;
/** SQL: the ids of the rounds not ended at @now (open, or not yet opened), through the index of unclosed rounds. */
export const NOT_ENDED_ROUND_IDS = `SELECT id FROM rounds WHERE closed_at IS NULL AND closes_at > @now UNION ALL SELECT id FROM rounds WHERE closed_at IS NULL AND closes_at IS NULL`;

export function listRounds(pairId: number): Round[] {
	return (prepared(`SELECT ${columns} FROM rounds r WHERE r.pair_id = ? ORDER BY r.number`).all(pairId) as RoundRow[]).map(toRound);
}

export function getRoundById(roundId: number): Round | undefined {
	const row = prepared(`SELECT ${columns} FROM rounds r WHERE r.id = ?`).get(roundId) as RoundRow | undefined;
	return row && toRound(row);
}

/** A round of this project's pair; ids of another project give undefined. */
export function getRound(projectId: number, pairId: number, roundId: number): Round | undefined {
	const row = prepared(`SELECT ${columns} FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = ? AND r.pair_id = ? AND p.project_id = ?`)
		.get(roundId, pairId, projectId) as RoundRow | undefined;
	return row && toRound(row);
}

export class RoundAlreadyOpenError extends Error {}

/**
 * Opens the pair's next round on the current questionnaire version, with a fresh invitation
 * link for each side. One round at a time: a pair's open round must be closed first. The
 * project's smallest group size is copied onto the round: it is what the round's respondents
 * are told, so a later change of the setting cannot open their results.
 */
export function openRound(
	pairId: number,
	input: { closesAt: string | null; asksRole: boolean; openResults?: boolean; /** Only the demo's history sets this. */ questionnaireVersion?: string },
	now = Date.now()
): number {
	return writeTransaction(() => {
		if (listRounds(pairId).some((r) => isOpen(r, now))) throw new RoundAlreadyOpenError();
		const number = (prepared('SELECT coalesce(max(number), 0) + 1 FROM rounds WHERE pair_id = ?').pluck().get(pairId) as number);
		const roundId = Number(
			prepared(
					`INSERT INTO rounds (pair_id, number, questionnaire_version, opens_at, closes_at, asks_role, min_group_size, open_results)
					 SELECT ?, ?, ?, ?, ?, ?, pr.min_group_size, ? FROM pairs p JOIN projects pr ON pr.id = p.project_id WHERE p.id = ?`
				)
				.run(
					pairId,
					number,
					input.questionnaireVersion ?? currentVersion.id,
					nowIso(now),
					input.closesAt,
					input.asksRole ? 1 : 0,
					input.openResults ? 1 : 0,
					pairId
				)
				.lastInsertRowid
		);
		const invite = prepared('INSERT INTO invitations (round_id, side, token) VALUES (?, ?, ?)');
		for (const side of ['municipality', 'association'] as const) invite.run(roundId, side, randomToken());
		return roundId;
	});
}

export function closeRound(roundId: number, now = Date.now()): void {
	prepared('UPDATE rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(nowIso(now), roundId);
}

/** The live invitation link token of each side. */
export function invitationTokens(roundId: number): Record<Side, string | undefined> {
	const rows = prepared('SELECT side, token FROM invitations WHERE round_id = ? AND revoked_at IS NULL')
		.all(roundId) as { side: Side; token: string }[];
	return {
		municipality: rows.find((r) => r.side === 'municipality')?.token,
		association: rows.find((r) => r.side === 'association')?.token
	};
}

/** Replaces a side's link: the old one stops working at once; responses already started keep their resume links. */
export function replaceInvitation(roundId: number, side: Side, now = Date.now()): string {
	const token = randomToken();
	writeTransaction(() => {
		prepared('UPDATE invitations SET revoked_at = ? WHERE round_id = ? AND side = ? AND revoked_at IS NULL').run(nowIso(now), roundId, side);
		prepared('INSERT INTO invitations (round_id, side, token) VALUES (?, ?, ?)').run(roundId, side, token);
	});
	return token;
}

/** Whether the token is an invitation link that was replaced: its visitor gets "no longer in use" (410), not "not found". */
export function isReplacedInvitation(token: string): boolean {
	return prepared('SELECT 1 FROM invitations WHERE token = ? AND revoked_at IS NOT NULL').get(token) !== undefined;
}

export interface SideCounts {
	started: number;
	submitted: number;
	/** Submitted responses a project worker keyed in from paper: a count only, never which. */
	paper: number;
}

/** How many have started (any response) and submitted, per side. */
export function responseCounts(roundId: number): Record<Side, SideCounts> {
	const rows = prepared(
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
	/** The sides' organisations by name; `kinds` says what each is (a parish, a school…), for its role label. */
	pair: { id: number; municipality: string; association: string; kinds: Record<Side, OrganisationKind>; theme: string; area: string };
	/** minGroupSize is the round's, fixed when it opened: the promise its respondents read. */
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
	mKind: OrganisationKind;
	aKind: OrganisationKind;
	theme: string;
	area: string;
	prId: number;
	prName: string;
}

// A round with its pair's names and its project, for the respondent's pages.
const contextSelect = `${columns}, p.id AS pId, m.name AS mName, a.name AS aName, m.kind AS mKind, a.kind AS aKind, p.theme, p.area,
	pr.id AS prId, pr.name AS prName
	FROM rounds r JOIN pairs p ON p.id = r.pair_id
	JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
	JOIN projects pr ON pr.id = p.project_id`;

function toContext({ pId, mName, aName, mKind, aKind, theme, area, prId, prName, ...round }: ContextRow): RoundContext {
	return {
		round: toRound(round),
		pair: { id: pId, municipality: mName, association: aName, kinds: { municipality: mKind, association: aKind }, theme, area },
		project: { id: prId, name: prName, minGroupSize: round.minGroupSize }
	};
}

export function roundContext(roundId: number): RoundContext | undefined {
	const row = prepared(`SELECT ${contextSelect} WHERE r.id = ?`).get(roundId) as ContextRow | undefined;
	return row && toContext(row);
}

/** A response row's own columns, prefixed so that they do not clash with the round's. */
export interface ResponseColumns {
	respId: number;
	respSide: Side;
	respToken: string;
	respStatus: 'draft' | 'submitted';
	respLanguage: string;
	respRole: string | null;
	respUpdatedAt: string;
	respSubmittedAt: string | null;
}

/** A response behind a resume token with its round, pair and project, read in one query (every respondent request needs all four). */
export function responseContextByResume(token: string): (RoundContext & { row: ResponseColumns }) | undefined {
	const found = prepared(
		`SELECT resp.id AS respId, resp.side AS respSide, resp.status AS respStatus,
		        resp.language AS respLanguage, resp.role AS respRole, resp.updated_at AS respUpdatedAt, resp.submitted_at AS respSubmittedAt,
		        ${contextSelect} JOIN responses resp ON resp.round_id = r.id WHERE resp.resume_token_hash = ?`
	).get(hashToken(token)) as (ContextRow & Omit<ResponseColumns, 'respToken'>) | undefined;
	if (!found) return undefined;
	const { respId, respSide, respStatus, respLanguage, respRole, respUpdatedAt, respSubmittedAt, ...rest } = found;
	// Only the token's hash is stored: the token is the one the visitor brought.
	return {
		...toContext(rest),
		row: { respId, respSide, respToken: token, respStatus, respLanguage, respRole, respUpdatedAt, respSubmittedAt }
	};
}

/** What a respondent's invitation link opens: the side, the round, the pair. Revoked links give undefined. */
export function invitationByToken(token: string): InvitationContext | undefined {
	const row = prepared(
			`SELECT i.id AS invitationId, i.side, ${contextSelect} JOIN invitations i ON i.round_id = r.id
			 WHERE i.token = ? AND i.revoked_at IS NULL`
		)
		.get(token) as (ContextRow & { invitationId: number; side: Side }) | undefined;
	if (!row) return undefined;
	const { invitationId, side, ...rest } = row;
	return { invitationId, side, ...toContext(rest) };
}
