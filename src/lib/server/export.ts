/**
 * A project's data as tables for coordinators and project workers to take away: one row per
 * submitted response, and one row per pair and round of the stored scores. The writers
 * (csv.ts, xlsx.ts) turn a table into a file.
 */
import type { GroupScore, PairScore } from '../assessment/aggregate.ts';
import { disclose } from '../assessment/privacy.ts';
import { itemsOf, type AnswerValue, type ItemRef } from '../assessment/answers.ts';
import { SIDES, TRAIT_IDS, type QuestionnaireVersion, type Side } from '../assessment/types.ts';
import { currentVersion, getVersion, versions } from '../assessment/versions/index.ts';
import { db } from './db.ts';
import type { Project } from './projects.ts';
import { isOpen } from './rounds.ts';

/** A cell: a number, a text, or no value. */
export type Cell = string | number | null;

export interface Table {
	columns: string[];
	rows: Cell[][];
}

export type ExportKind = 'responses' | 'scores' | 'actions';

/** The columns every row of the responses and scores exports starts with. */
const PAIR_ROUND_COLUMNS = ['project', 'pair_id', 'municipality', 'association', 'round_number', 'round_id', 'questionnaire_version'];

// Pairs in the order the project page lists them, then rounds in order.
const pairOrder = 'm.name COLLATE NOCASE, a.name COLLATE NOCASE, p.id, r.number';
const pairJoins = `JOIN pairs p ON p.id = r.pair_id
	JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id`;

/**
 * The item columns for rounds that used these versions: the first version's items in the
 * order it asks them, then the items later versions added. Item ids are stable across versions.
 */
export function itemColumns(used: readonly QuestionnaireVersion[]): ItemRef[] {
	const seen = new Map<string, ItemRef>();
	for (const version of used) for (const item of itemsOf(version)) if (!seen.has(item.id)) seen.set(item.id, item);
	return [...seen.values()];
}

/** An answer as a cell: numbers stay numbers, "I can't say" stays 'na', ticked options are joined with ';'. */
export function answerCell(value: AnswerValue | undefined): Cell {
	if (value === undefined) return null;
	if (typeof value === 'object') return value.join(';');
	return value;
}

interface ResponseRow {
	id: number;
	pairId: number;
	municipality: string;
	association: string;
	roundNumber: number;
	roundId: number;
	version: string;
	side: Side;
	language: string;
	role: string | null;
	submittedAt: string;
	answersErasedAt: string | null;
}

/**
 * One row per submitted response of the project, with its answers by stable item id. Drafts are
 * left out. A round whose raw answers retention erased keeps its rows, with empty answers and
 * the time of erasing in `answers_erased`.
 */
export function responsesTable(project: Pick<Project, 'id' | 'name'>): Table {
	const submitted = "p.project_id = ? AND s.status = 'submitted'";
	const responses = db()
		.prepare(
			`SELECT s.id, p.id AS pairId, m.name AS municipality, a.name AS association, r.number AS roundNumber, r.id AS roundId,
			        r.questionnaire_version AS version, s.side, s.language, s.role, s.submitted_at AS submittedAt,
			        r.answers_erased_at AS answersErasedAt
			 FROM responses s JOIN rounds r ON r.id = s.round_id ${pairJoins}
			 WHERE ${submitted}
			 ORDER BY ${pairOrder}, CASE s.side WHEN 'municipality' THEN 0 ELSE 1 END, s.submitted_at, s.id`
		)
		.all(project.id) as ResponseRow[];
	const answers = new Map<number, Map<string, AnswerValue>>();
	const stored = db()
		.prepare(
			`SELECT x.response_id AS responseId, x.item_id AS itemId, x.value
			 FROM answers x JOIN responses s ON s.id = x.response_id JOIN rounds r ON r.id = s.round_id JOIN pairs p ON p.id = r.pair_id
			 WHERE ${submitted}`
		)
		.all(project.id) as { responseId: number; itemId: string; value: string }[];
	for (const { responseId, itemId, value } of stored) {
		const of = answers.get(responseId) ?? new Map<string, AnswerValue>();
		of.set(itemId, JSON.parse(value) as AnswerValue);
		answers.set(responseId, of);
	}

	const usedIds = new Set(responses.map((r) => r.version));
	for (const id of usedIds) if (!getVersion(id)) throw new Error(`A round of project ${project.id} uses unknown questionnaire version ${id}`);
	// Versions in the order they were published; with no responses yet, the current one names the columns.
	const used = Object.values(versions).filter((v) => usedIds.has(v.id));
	const items = itemColumns(used.length > 0 ? used : [currentVersion]);

	return {
		columns: [
			...PAIR_ROUND_COLUMNS,
			'side',
			'language',
			'role',
			'submitted_at',
			'answers_erased',
			...items.map((i) => i.id)
		],
		rows: responses.map((r) => {
			const given = answers.get(r.id);
			return [
				project.name,
				r.pairId,
				r.municipality,
				r.association,
				r.roundNumber,
				r.roundId,
				r.version,
				r.side,
				r.language,
				r.role,
				r.submittedAt,
				r.answersErasedAt,
				...items.map((i) => answerCell(given?.get(i.id)))
			];
		})
	};
}

interface ScoreRow {
	pairId: number;
	municipality: string;
	association: string;
	roundNumber: number;
	roundId: number;
	version: string;
	opensAt: string;
	closesAt: string | null;
	closedAt: string | null;
	scoringVersion: number;
	municipalityN: number;
	associationN: number;
	result: string;
}

type Scope = Side | 'pair';
const SCOPES: readonly Scope[] = [...SIDES, 'pair'];

/** Columns of one measure, per side and for the pair: `trust.municipality`, `trust.association`, `trust.pair`. */
const scoped = (measure: string) => SCOPES.map((scope) => `${measure}.${scope}`);

const MEASURES: readonly { name: string; value: (g: GroupScore) => number | null }[] = [
	{ name: 'evidence_step', value: (g) => g.evidence.step },
	{ name: 'self_placed', value: (g) => g.selfPlaced.mean },
	{ name: 'target', value: (g) => g.target.mean },
	...TRAIT_IDS.map((t) => ({ name: t, value: (g: GroupScore) => g.traits[t].mean }))
];

/**
 * One row per pair and round that has a stored aggregate, read from round_results as the submit
 * transaction left it (never recomputed from raw answers, which retention may have erased).
 * A side with fewer respondents than the project's smallest group size has its numbers left
 * empty, and so has the pair then, since the pair and the other side would give them away:
 * the same rule as the pair's results page. `hidden` names the sides withheld, joined with ';'.
 */
export function scoresTable(project: Pick<Project, 'id' | 'name' | 'minGroupSize'>, now = Date.now()): Table {
	const rows = db()
		.prepare(
			`SELECT p.id AS pairId, m.name AS municipality, a.name AS association, r.number AS roundNumber, r.id AS roundId,
			        r.questionnaire_version AS version, r.opens_at AS opensAt, r.closes_at AS closesAt, r.closed_at AS closedAt,
			        rr.scoring_version AS scoringVersion, rr.municipality_n AS municipalityN, rr.association_n AS associationN, rr.result
			 FROM round_results rr JOIN rounds r ON r.id = rr.round_id ${pairJoins}
			 WHERE p.project_id = ?
			 ORDER BY ${pairOrder}`
		)
		.all(project.id) as ScoreRow[];

	return {
		columns: [
			...PAIR_ROUND_COLUMNS,
			'scoring_version',
			'round_status',
			'respondents.municipality',
			'respondents.association',
			'hidden',
			...MEASURES.flatMap((m) => scoped(m.name))
		],
		rows: rows.map((r) => {
			const disclosed = disclose(JSON.parse(r.result) as PairScore, project.minGroupSize);
			const hidden = SIDES.filter((side) => disclosed.hidden[side]);
			const group = (scope: Scope): GroupScore | null => (scope === 'pair' ? disclosed.score.pair : disclosed.score.sides[scope]);
			return [
				project.name,
				r.pairId,
				r.municipality,
				r.association,
				r.roundNumber,
				r.roundId,
				r.version,
				r.scoringVersion,
				isOpen(r, now) ? 'open' : 'closed',
				r.municipalityN,
				r.associationN,
				hidden.length > 0 ? hidden.join(';') : null,
				...MEASURES.flatMap((m) =>
					SCOPES.map((scope) => {
						const g = group(scope);
						return g ? m.value(g) : null;
					})
				)
			];
		})
	};
}

/** `portaat-kehitytaan-kimpassa-demo-responses-2026-11-25.csv`: the project, what, and the day in Finland. */
export function exportFileName(project: Pick<Project, 'id' | 'name'>, kind: ExportKind, format: 'csv' | 'xlsx', now = Date.now()): string {
	const slug =
		project.name
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.slice(0, 40)
			.replace(/^-+|-+$/g, '') || `project-${project.id}`;
	const parts = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)!.value;
	return `portaat-${slug}-${kind}-${part('year')}-${part('month')}-${part('day')}.${format}`;
}

/**
 * One row per agreed action with its meeting: what the partnership table agreed, who is
 * responsible, with which resources, by when, what it aims to move and how far it has got.
 */
export function actionsTable(project: Pick<Project, 'id' | 'name'>): Table {
	const rows = db()
		.prepare(
			`SELECT p.id AS pairId, m.name AS municipality, a.name AS association, mt.id AS meetingId, mt.held_on AS heldOn,
			        r.number AS fromRound, mt.participants, mt.agenda, mt.notes, x.id AS actionId, x.what,
			        CASE WHEN xo.name IS NULL THEN x.responsible WHEN x.responsible = '' THEN xo.name ELSE xo.name || ' – ' || x.responsible END AS responsible,
			        x.resources, x.due_on AS dueOn, x.target_trait AS targetTrait, x.target_step AS targetStep, x.status,
			        x.status_changed_at AS statusChangedAt
			 FROM pair_actions pa JOIN table_actions x ON x.id = pa.action_id JOIN table_meetings mt ON mt.id = pa.meeting_id
			 JOIN pairs p ON p.id = pa.pair_id LEFT JOIN organisations xo ON xo.id = x.member_org_id
			 JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id
			 LEFT JOIN rounds r ON r.id = pa.meeting_round_id
			 WHERE p.project_id = ? ORDER BY m.name COLLATE NOCASE, a.name COLLATE NOCASE, mt.held_on, x.id`
		)
		.all(project.id) as Record<string, string | number | null>[];
	const columns = [
		'project', 'pair_id', 'municipality', 'association', 'meeting_id', 'held_on', 'from_round', 'participants', 'agenda', 'notes',
		'action_id', 'what', 'responsible', 'resources', 'due_on', 'target_trait', 'target_step', 'status', 'status_changed_at'
	];
	return {
		columns,
		rows: rows.map((r) => [
			project.name, r.pairId, r.municipality, r.association, r.meetingId, r.heldOn, r.fromRound, r.participants, r.agenda, r.notes,
			r.actionId, r.what, r.responsible, (JSON.parse(String(r.resources)) as string[]).join(';'), r.dueOn, r.targetTrait, r.targetStep,
			r.status, r.statusChangedAt
		])
	};
}
