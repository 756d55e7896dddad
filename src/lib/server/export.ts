/**
 * A project's data as tables for coordinators and project workers to take away. The same rule
 * as the pages holds: only closed rounds, nothing of a side withheld under its round's promise,
 * no exact times and nothing next to a comment that could point at its writer. The writers
 * (csv.ts, xlsx.ts) turn a table into a file.
 */
import type { GroupScore, Measure } from '../assessment/aggregate.ts';
import { itemsOf, type AnswerValue, type ItemRef } from '../assessment/answers.ts';
import type { PairScore } from '../assessment/privacy.ts';
import { SIDES, TRAIT_IDS, type EvidenceStep, type QuestionnaireVersion, type Side } from '../assessment/types.ts';
import { currentVersion, getVersion, versions } from '../assessment/versions/index.ts';
import { prepared } from './db.ts';
import type { Project } from './projects.ts';
import { endedSql } from './rounds.ts';
import { nowIso } from './tokens.ts';

/** A cell: a number, a text, or no value. */
export type Cell = string | number | null;

export interface Table {
	columns: string[];
	rows: Cell[][];
}

/**
 * A table read a few rounds at a time: a big project's export is written out as it is read,
 * never held whole (2,000 pairs × 12 rounds are half a million responses). Each chunk is read
 * in one synchronous step, so no statement stays open while the file is sent.
 */
export interface TableStream {
	columns: string[];
	chunks: Iterable<Cell[][]>;
}

/** The whole table at once, for small ones and for tests. */
export function collect(table: TableStream): Table {
	return { columns: table.columns, rows: [...table.chunks].flat() };
}

/** How many rounds one chunk of an export reads: about 500 responses in the responses export. */
const CHUNK_ROUNDS = 25;

interface ExportRound {
	id: number;
	version: string;
}

/**
 * The project's rounds that may be exported, in export order: closed, with results and at
 * least one side shown under the round's promise. The list is small (two numbers a round).
 */
function exportRounds(projectId: number, now: number, withShownSide: boolean): ExportRound[] {
	return prepared(
		`SELECT r.id, r.questionnaire_version AS version
		 FROM rounds r ${pairJoins} JOIN round_results rr ON rr.round_id = r.id
		 WHERE p.project_id = @project AND ${closedRound}
		   AND (@any OR r.open_results = 1 OR rr.municipality_n >= r.min_group_size OR rr.association_n >= r.min_group_size)
		 ORDER BY ${pairOrder}`
	).all({ project: projectId, now: nowIso(now), any: withShownSide ? 0 : 1 }) as ExportRound[];
}

/** The rounds in chunks of CHUNK_ROUNDS, each as a JSON list of ids for `json_each`. */
function* roundChunks(rounds: readonly ExportRound[], size = CHUNK_ROUNDS): Generator<string> {
	for (let i = 0; i < rounds.length; i += size) yield JSON.stringify(rounds.slice(i, i + size).map((r) => r.id));
}

export type ExportKind = 'responses' | 'comments' | 'scores' | 'actions';

/** The columns every row of the responses, comments and scores exports starts with. */
const PAIR_ROUND_COLUMNS = ['project', 'pair_id', 'municipality', 'association', 'round_number', 'round_id', 'questionnaire_version'];

// Pairs in the order the project page lists them, then rounds in order.
const pairOrder = 'm.name COLLATE NOCASE, a.name COLLATE NOCASE, p.id, r.number';
const pairJoins = `JOIN pairs p ON p.id = r.pair_id
	JOIN organisations m ON m.id = p.municipality_org_id JOIN organisations a ON a.id = p.association_org_id`;

/** A row's pair and round, as PAIR_ROUND_SELECT reads them. */
interface PairRound {
	pairId: number;
	municipality: string;
	association: string;
	roundNumber: number;
	roundId: number;
	version: string;
}

/** SQL: the pair and round of a row (with pairJoins), for PAIR_ROUND_COLUMNS. */
const PAIR_ROUND_SELECT = 'p.id AS pairId, m.name AS municipality, a.name AS association, r.number AS roundNumber, r.id AS roundId, r.questionnaire_version AS version';

/** The cells of PAIR_ROUND_COLUMNS for a row of a pair's round. */
const pairRoundCells = (project: Pick<Project, 'name'>, r: PairRound): Cell[] => [
	project.name,
	r.pairId,
	r.municipality,
	r.association,
	r.roundNumber,
	r.roundId,
	r.version
];

/**
 * Rounds that may be exported: closed (by hand, or by their planned closing time passing), with
 * a side's rows only where the side is shown under the round's promise. The counts are the
 * counted respondents stored with the round's result.
 */
const shownSide = `(r.open_results = 1 OR CASE s.side WHEN 'municipality' THEN rr.municipality_n ELSE rr.association_n END >= r.min_group_size)`;
const closedRound = endedSql('r');

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

interface ResponseRow extends PairRound {
	id: number;
	side: Side;
	submittedOn: string;
	answersErasedOn: string | null;
}

/** The answers of the given responses, by response. */
function answersOf(responseIds: readonly number[]): Map<number, Map<string, AnswerValue>> {
	const stored = prepared('SELECT response_id AS responseId, item_id AS itemId, value FROM answers WHERE response_id IN (SELECT value FROM json_each(?))').all(
		JSON.stringify(responseIds)
	) as { responseId: number; itemId: string; value: string }[];
	const answers = new Map<number, Map<string, AnswerValue>>();
	for (const { responseId, itemId, value } of stored) {
		const of = answers.get(responseId) ?? new Map<string, AnswerValue>();
		of.set(itemId, JSON.parse(value) as AnswerValue);
		answers.set(responseId, of);
	}
	return answers;
}

/**
 * One row per counted response of the project's closed rounds, with its answers by stable item
 * id, for sides shown under their round's promise. The day only, no time, language or role, and
 * no comment (comments are their own table): nothing that singles out a person. Within a side
 * the rows are ordered by their answers, not by when they came. A round whose raw answers
 * retention erased keeps its rows, with empty answers and the day of erasing.
 */
export function responsesStream(project: Pick<Project, 'id' | 'name'>, now = Date.now(), chunkRounds = CHUNK_ROUNDS): TableStream {
	const rounds = exportRounds(project.id, now, true);
	const usedIds = new Set(rounds.map((r) => r.version));
	for (const id of usedIds) if (!getVersion(id)) throw new Error(`A round of project ${project.id} uses unknown questionnaire version ${id}`);
	// Versions in the order they were published; with no responses yet, the current one names the columns.
	const used = Object.values(versions).filter((v) => usedIds.has(v.id));
	const items = itemColumns(used.length > 0 ? used : [currentVersion]).filter((i) => i.kind !== 'text');

	function* chunks(): Generator<Cell[][]> {
		for (const ids of roundChunks(rounds, chunkRounds)) {
			const responses = prepared(
				`SELECT s.id, ${PAIR_ROUND_SELECT},
				        s.side, substr(s.submitted_at, 1, 10) AS submittedOn,
				        substr(r.answers_erased_at, 1, 10) AS answersErasedOn
				 FROM responses s JOIN rounds r ON r.id = s.round_id ${pairJoins} JOIN round_results rr ON rr.round_id = r.id
				 LEFT JOIN response_scores sc ON sc.response_id = s.id
				 WHERE r.id IN (SELECT value FROM json_each(@rounds)) AND s.status = 'submitted' AND ${closedRound} AND ${shownSide}
				   AND (r.answers_erased_at IS NOT NULL OR json_extract(sc.score, '$.tally.respondents') = 1)
				 ORDER BY ${pairOrder}, CASE s.side WHEN 'municipality' THEN 0 ELSE 1 END`
			).all({ rounds: ids, now: nowIso(now) }) as ResponseRow[];
			const answers = answersOf(responses.map((r) => r.id));
			const rows = responses.map((r) => {
				const given = answers.get(r.id);
				return [
					...pairRoundCells(project, r),
					r.side,
					r.submittedOn,
					r.answersErasedOn,
					...items.map((i) => answerCell(given?.get(i.id)))
				] as Cell[];
			});
			// Within a pair, round and side, order by the answers themselves: the order then says nothing of who came first.
			const groups = new Map<string, number>();
			const keyed = rows.map((row) => {
				const group = `${row[1]}/${row[5]}/${row[7]}`;
				if (!groups.has(group)) groups.set(group, groups.size);
				return { row, group: groups.get(group)!, key: JSON.stringify(row.slice(PAIR_ROUND_COLUMNS.length + 3)) };
			});
			keyed.sort((x, y) => x.group - y.group || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
			yield keyed.map((x) => x.row);
		}
	}
	return { columns: [...PAIR_ROUND_COLUMNS, 'side', 'submitted_on', 'answers_erased_on', ...items.map((i) => i.id)], chunks: chunks() };
}

export const responsesTable = (project: Pick<Project, 'id' | 'name'>, now = Date.now()): Table => collect(responsesStream(project, now));

/**
 * The comments of the project's closed rounds, for sides shown under their round's promise:
 * pair, round and side only, and within a side in alphabetical order, never beside the
 * answers, the day or anything else of the person who wrote them.
 */
export function commentsStream(project: Pick<Project, 'id' | 'name'>, now = Date.now(), chunkRounds = CHUNK_ROUNDS): TableStream {
	const commentIds = JSON.stringify([...new Set(Object.values(versions).map((v) => v.comment.id))]);
	const rounds = exportRounds(project.id, now, true);
	function* chunks(): Generator<Cell[][]> {
		for (const ids of roundChunks(rounds, chunkRounds)) {
			const rows = prepared(
				`SELECT ${PAIR_ROUND_SELECT},
				        s.side, x.value
				 FROM answers x JOIN responses s ON s.id = x.response_id JOIN rounds r ON r.id = s.round_id ${pairJoins}
				 JOIN round_results rr ON rr.round_id = r.id JOIN response_scores sc ON sc.response_id = s.id
				 WHERE r.id IN (SELECT value FROM json_each(@rounds)) AND s.status = 'submitted' AND ${closedRound} AND ${shownSide}
				   AND json_extract(sc.score, '$.tally.respondents') = 1
				   AND x.item_id IN (SELECT value FROM json_each(@ids))
				 ORDER BY ${pairOrder}, CASE s.side WHEN 'municipality' THEN 0 ELSE 1 END, x.value`
			).all({ rounds: ids, now: nowIso(now), ids: commentIds }) as (PairRound & { side: Side; value: string })[];
			yield rows
				.map((r) => ({ ...r, text: JSON.parse(r.value) as string }))
				.filter((r) => r.text.trim() !== '')
				.map((r) => [...pairRoundCells(project, r), r.side, r.text]);
		}
	}
	return { columns: [...PAIR_ROUND_COLUMNS, 'side', 'comment'], chunks: chunks() };
}

export const commentsTable = (project: Pick<Project, 'id' | 'name'>, now = Date.now()): Table => collect(commentsStream(project, now));

interface ScoreRow extends PairRound {
	closedOn: string;
	scoringVersion: number;
	municipalityN: number;
	associationN: number;
	result: string;
}

type Scope = Side | 'pair';
const SCOPES: readonly Scope[] = [...SIDES, 'pair'];

/** Columns of one measure, per side and for the pair, each with its n: `trust.municipality`, `trust.municipality.n`, … */
const scoped = (measure: string, withN: boolean) => SCOPES.flatMap((scope) => (withN ? [`${measure}.${scope}`, `${measure}.${scope}.n`] : [`${measure}.${scope}`]));

const MEASURES: readonly { name: string; value: (g: GroupScore) => Measure | number | null }[] = [
	{ name: 'evidence_step', value: (g) => g.evidence.step },
	...([2, 3, 4, 5, 6] as EvidenceStep[]).map((s) => ({ name: `step${s}_mean`, value: (g: GroupScore) => g.stepMeans[s] })),
	{ name: 'self_placed', value: (g) => g.selfPlaced },
	{ name: 'target', value: (g) => g.target },
	...TRAIT_IDS.map((t) => ({ name: t, value: (g: GroupScore) => g.traits[t] }))
];

/** The options of every choice question of the versions, as `activities.events` etc. */
function choiceColumns(used: readonly QuestionnaireVersion[]): { item: string; option: string }[] {
	const seen = new Map<string, { item: string; option: string }>();
	for (const v of used) for (const d of v.descriptive) for (const o of d.options) seen.set(`${d.id}.${o.id}`, { item: d.id, option: o.id });
	return [...seen.values()];
}

/**
 * One row per pair and closed round that has results, read from the stored result: what may be
 * shown under the round's promise and nothing more (a withheld side or number is empty, and
 * `hidden` names the sides withheld whole). Numbers are the shown values, one decimal, each with
 * the n of people behind it; choices are counts per side with the n who answered the question.
 */
export function scoresStream(project: Pick<Project, 'id' | 'name'>, now = Date.now(), chunkRounds = CHUNK_ROUNDS): TableStream {
	const rounds = exportRounds(project.id, now, false);
	const used = Object.values(versions).filter((v) => rounds.some((r) => r.version === v.id));
	const choices = choiceColumns(used.length > 0 ? used : [currentVersion]);
	const row = (r: ScoreRow): Cell[] => {
		const result = JSON.parse(r.result) as PairScore;
		const hidden = SIDES.filter((side) => result.hidden[side]);
		const group = (scope: Scope): GroupScore | null => (scope === 'pair' ? result.pair : result.sides[scope]);
		return [
			...pairRoundCells(project, r),
			r.scoringVersion,
			r.closedOn,
			result.rule.minGroupSize,
			result.rule.openResults ? 1 : 0,
			r.municipalityN,
			r.associationN,
			hidden.length > 0 ? hidden.join(';') : null,
			...MEASURES.flatMap((m) =>
				SCOPES.flatMap((scope) => {
					const g = group(scope);
					const v = g ? m.value(g) : null;
					if (m.name === 'evidence_step') return [typeof v === 'number' ? v : null];
					const measure = v as Measure | null;
					return [measure?.mean ?? null, measure && measure.n > 0 ? measure.n : null];
				})
			),
			...choices.flatMap((c) =>
				SIDES.flatMap((side) => {
					const x = result.sides[side]?.choices[c.item];
					const shown = x && !x.withheld && x.n > 0;
					return [shown ? (x.counts[c.option] ?? 0) : null, shown ? x.n : null];
				})
			)
		];
	};
	function* chunks(): Generator<Cell[][]> {
		for (const ids of roundChunks(rounds, chunkRounds))
			yield (
				prepared(
					`SELECT ${PAIR_ROUND_SELECT},
				        substr(coalesce(r.closed_at, r.closes_at), 1, 10) AS closedOn,
					        rr.scoring_version AS scoringVersion, rr.municipality_n AS municipalityN, rr.association_n AS associationN, rr.result
					 FROM round_results rr JOIN rounds r ON r.id = rr.round_id ${pairJoins}
					 WHERE r.id IN (SELECT value FROM json_each(@rounds)) AND ${closedRound}
					 ORDER BY ${pairOrder}`
				).all({ rounds: ids, now: nowIso(now) }) as ScoreRow[]
			).map(row);
	}
	return {
		columns: [
			...PAIR_ROUND_COLUMNS,
			'scoring_version',
			'closed_on',
			'min_group_size',
			'open_results',
			'respondents.municipality',
			'respondents.association',
			'hidden',
			...MEASURES.flatMap((m) => scoped(m.name, m.name !== 'evidence_step')),
			...choices.flatMap((c) => SIDES.flatMap((side) => [`${c.item}.${c.option}.${side}`, `${c.item}.${side}.n`]))
		],
		chunks: chunks()
	};
}

export const scoresTable = (project: Pick<Project, 'id' | 'name'>, now = Date.now()): Table => collect(scoresStream(project, now));

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
	const rows = prepared(
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
