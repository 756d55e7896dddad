/**
 * Demo data: a project of six partnerships in Central Finland, each assessed three times about
 * six months apart, so that a new user sees a living product at once (`npm run portaat -- demo`).
 *
 * Everything is made through the repository functions that real use goes through (projects,
 * organisations, pairs, rounds, responses), and every answer set is validated with the round's
 * questionnaire schema before it is saved, as the questionnaire route does. No SQL here.
 *
 * The associations, their names and every answer are invented; the municipalities are real places.
 * Each pair follows a story (a trajectory on the stairs) and each respondent's answers come from
 * a per-side level plus deterministic noise from a seeded PRNG: the same seed gives the same demo.
 */
import { scoreGroup } from '../assessment/aggregate.ts';
import { answersSchema, type Answers, type AnswerValue } from '../assessment/answers.ts';
import { scoreResponse } from '../assessment/scoring.ts';
import { sumTallies } from '../assessment/tally.ts';
import { TRAIT_IDS, type Locale, type QuestionnaireVersion, type Side, type TraitId } from '../assessment/types.ts';
import { getVersion } from '../assessment/versions/index.ts';
import { writeTransaction } from './db.ts';
import { createOrganisation, listOrganisations, type OrganisationKind } from './organisations.ts';
import { createPair, listPairs } from './pairs.ts';
import { declareGroup, saveActor, type ActorState, type Group } from './partnership-map.ts';
import type { MapRelation, MapResource, MapSector } from '../map/kinds.ts';
import { createProject, listAllProjects } from './projects.ts';
import { createMeeting, meetingActions, setActionStatuses, type ActionStatus } from './meetings.ts';
import { addAgreement, addInstrument, addTablePair, createTable, setConvener, setMember } from './tables.ts';
import { pairRoundResults } from './results.ts';
import { closeRound, getRound, openRound, type Round } from './rounds.ts';
import { getResponseByResume, saveAnswers, startResponse, submitResponse } from './responses.ts';
import { nowIso } from './tokens.ts';

export const DEMO_PROJECT_NAME = 'Kehitytään kimpassa – demo';
export const DEMO_PROJECT_DESCRIPTION =
	'Kuusi keskisuomalaista kuntaa ja paikallista yhdistystä arvioi kumppanuuttaan puolen vuoden välein, ja tämän esimerkkihankkeen yhdistykset ja vastaukset ovat keksittyjä.';
export const DEMO_DEFAULT_SEED = 2026;

/** The id of an existing demo project (the first, if several), or undefined. */
export function findDemoProject(): number | undefined {
	return listAllProjects().find((p) => p.name === DEMO_PROJECT_NAME)?.id;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). Good enough for demo noise, never for secrets. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Dice {
	constructor(readonly next: () => number) {}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** An integer from min to max, both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}
	/** Roughly normal noise with the given standard deviation (sum of four uniforms). */
	noise(sd: number): number {
		return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3) * sd;
	}
}

// ---------------------------------------------------------------------------------------------
// The six partnerships and their stories

type Tone = 'up' | 'flat' | 'down' | 'unheard';
type Levels = readonly [municipality: number, association: number];
type TraitShift = Partial<Record<TraitId, number>>;

interface PairStory {
	municipality: string;
	association: { name: string; kind: OrganisationKind };
	theme: string;
	area: string;
	/** What happens on the stairs, for a reader of this file. */
	trajectory: string;
	/** Each side's evidence step in rounds 1, 2 and 3. */
	levels: readonly [Levels, Levels, Levels];
	/** Trait means moved up or down from what the level alone gives, per side and round (index 0–2). */
	traitShift?: (side: Side, round: number) => TraitShift;
	/** The pair's cooperation is about a village or district (ticks "limited to an area"). */
	areaBound: boolean;
	sharedPremises: boolean;
	/** Share of respondents answering in English (the multicultural association). */
	english?: number;
	/** Round 3 is still open, with drafts left unsubmitted. */
	lastRoundOpen: boolean;
	/**
	 * A round (index 0–2) where one side had only two respondents: withheld under the smallest
	 * group size of 3, unless the round was opened as "small side, open results".
	 */
	small?: { round: number; side: Side; openResults: boolean };
}

const STORIES: readonly PairStory[] = [
	{
		municipality: 'Keuruun kaupunki',
		association: { name: 'Keurusseudun Sydänyhdistys ry', kind: 'association' },
		// The same theme as Pihtiputaan Seniorit: a theme summary then compares two pairs.
		theme: 'Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy',
		area: 'Keuruun keskusta ja Haapamäki',
		trajectory: 'steady climber: 2 → 3 → 4 on both sides; in round 2 only two answered on the association side, so that round is withheld',
		levels: [
			[2, 2],
			[3, 3],
			[4, 4]
		],
		areaBound: false,
		sharedPremises: false,
		lastRoundOpen: false,
		small: { round: 1, side: 'association', openResults: false }
	},
	{
		municipality: 'Joutsan kunta',
		association: { name: 'Leivonmäen Kylät ry', kind: 'association' },
		theme: 'Kylän elinvoima ja lähipalvelut',
		area: 'Leivonmäen kyläalue (entinen Leivonmäen kunta)',
		trajectory: 'stuck at 3: staff network well, but no shared goal or regular meeting place',
		levels: [
			[3, 3],
			[3, 3],
			[3, 3]
		],
		traitShift: () => ({ shared_goal: -0.6, meeting_place: -0.5, concrete: -0.3 }),
		areaBound: true,
		sharedPremises: false,
		lastRoundOpen: true
	},
	{
		municipality: 'Toivakan kunta',
		association: { name: 'Toivakan Työtupa ry', kind: 'association' },
		theme: 'Pitkään työttömänä olleiden työllistyminen',
		area: 'Toivakka',
		trajectory: 'slow starter: 2 → 2 → 3, the staff network forms only in the second half year',
		levels: [
			[2, 2],
			[2, 2],
			[3, 3]
		],
		areaBound: false,
		sharedPremises: false,
		lastRoundOpen: false
	},
	{
		municipality: 'Pihtiputaan kunta',
		association: { name: 'Pihtiputaan Seniorit ry', kind: 'association' },
		theme: 'Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy',
		area: 'Elämäjärven ja Muurasjärven kylät',
		trajectory: 'drops 4 → 4 → 3 after the municipality’s contact person left',
		levels: [
			[4, 4],
			[4, 4],
			[3, 3]
		],
		traitShift: (side, round) =>
			round === 2
				? side === 'municipality'
					? { meeting_place: -0.7, deliberate: -0.5, shared_goal: -0.4 }
					: { meeting_place: -0.6, trust: -0.3, reciprocity: -0.4 }
				: {},
		areaBound: true,
		sharedPremises: false,
		lastRoundOpen: false,
		// Only two of the seniors' association's members answer round 3; they agreed to open results beforehand.
		small: { round: 2, side: 'association', openResults: true }
	},
	{
		municipality: 'Viitasaaren kaupunki',
		association: { name: 'Viitasaaren Nuorten Tekijöiden 4H ry', kind: 'association' },
		theme: 'Nuorten kesätyöt ja harrastukset',
		area: 'Viitasaari',
		trajectory: 'sides disagree: the municipality sees step 4, the association step 2, trust low on the association side',
		levels: [
			[3, 2],
			[4, 2],
			[4, 2]
		],
		traitShift: (side) =>
			side === 'association'
				? { trust: -1.2, reciprocity: -0.8, respect: -0.6, mutual_need: -0.3 }
				: { trust: -0.3, mutual_need: 0.3 },
		areaBound: false,
		sharedPremises: false,
		lastRoundOpen: false
	},
	{
		municipality: 'Jyväskylän kaupunki',
		association: { name: 'Monikulttuurinen yhdistys Kohtaamo ry', kind: 'association' },
		theme: 'Maahan muuttaneiden kotoutuminen ja työllistyminen',
		area: 'Huhtasuo ja Keltinmäki',
		trajectory: 'fast climber: 2 → 4 → 5 with shared premises and a joint service',
		levels: [
			[2, 2],
			[4, 4],
			[5, 5]
		],
		traitShift: () => ({ respect: 0.3, mutual_need: 0.3 }),
		areaBound: true,
		sharedPremises: true,
		english: 0.25,
		lastRoundOpen: true
	}
];

// ---------------------------------------------------------------------------------------------
// Comments (invented, no names), chosen by how the side's view moved since the last round

const COMMENTS: Readonly<Record<Locale, Readonly<Record<Tone, readonly string[]>>>> = {
	fi: {
		up: [
			'Yhteiset tapahtumat ovat tuoneet mukaan uusia ihmisiä, ja oikea yhteyshenkilö löytyy nyt yhdellä soitolla.',
			'Kumppanuuspöytä on toiminut: sovitut asiat kirjataan ylös ja niihin palataan seuraavalla kerralla.',
			'Seuraavaksi kannattaisi sopia yhteisestä budjetista, jotta toimintaa voisi suunnitella koko vuodeksi.'
		],
		flat: [
			'Yhteistyö toimii, mutta se nojaa edelleen muutamaan aktiiviseen ihmiseen.',
			'Tapaamme kyllä säännöllisesti, mutta yhteinen tavoite on vielä hakusessa.',
			'Hyviä ideoita on paljon, mutta aika ja rahat eivät tahdo riittää niiden toteuttamiseen.'
		],
		down: [
			'Yhteyshenkilön vaihduttua moni asia jäi kesken, ja tuntuu, että aloitamme osin alusta.',
			'Uudet työntekijät eivät vielä tunne yhdistyksen toimintaa, joten tieto ei kulje entiseen tapaan.'
		],
		unheard: [
			'Vapaaehtoisten tekemä työ jää usein näkymättömäksi kunnan suunnitelmissa.',
			'Tieto kunnan päätöksistä tulee meille usein vasta jälkikäteen.',
			'Toivoisimme, että meitä kuultaisiin jo suunnitteluvaiheessa eikä vasta, kun asiat on päätetty.'
		]
	},
	sv: {
		up: ['Samarbetet har blivit mer regelbundet, och nu vet vi vem vi ska kontakta.'],
		flat: ['Vi träffas, men det gemensamma målet är fortfarande oklart.'],
		down: ['Sedan kontaktpersonen bytts har mycket blivit på hälft.'],
		unheard: ['Vi skulle vilja bli hörda redan när planerna görs.']
	},
	en: {
		up: ['The joint events have brought in new people, and it is much easier to reach the right person now.'],
		flat: ['We meet, but we have not yet agreed what we want to achieve together.'],
		down: ['Since the contact person changed, several things have been left half done.'],
		unheard: ['We would like to be heard when plans are made, not only after the decisions.']
	}
};

/** Only for pairs that share premises, when things go up. */
const PREMISES_COMMENT = 'Tilojen yhteiskäyttö on säästänyt molemmilta rahaa ja vaivaa, ja kävijöitä on enemmän kuin ennen.';

// ---------------------------------------------------------------------------------------------
// One respondent's answers

interface RespondentContext {
	version: QuestionnaireVersion;
	story: PairStory;
	level: number;
	shift: TraitShift;
	tone: Tone;
	language: Locale;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const agreement = (value: number) => clamp(Math.round(value), 1, 5);

/** What a trait's statements centre on at a level of the stairs: step 2 ≈ 2.9, step 4 ≈ 3.9, step 5 ≈ 4.4. */
const traitCentre = (level: number) => 1.9 + 0.5 * level;

/**
 * A practice statement's centre: agreed where the step is reached (mostly 4–5), half-true on the
 * next step up (mostly 2–3), disagreed further up (mostly 1–2).
 */
function practiceCentre(step: number, level: number): { centre: number; sd: number } {
	if (step <= level) return { centre: 4.5, sd: 0.55 };
	if (step === level + 1) return { centre: 2.7, sd: 0.7 };
	return { centre: 1.8, sd: 0.6 };
}

/** The answers in the questionnaire's order of sections: traits, practice, stairs, profile (with the comment). */
function respondentAnswers(dice: Dice, ctx: RespondentContext): Answers[] {
	const { version, story, level, shift, tone, language } = ctx;
	const bias = dice.noise(0.3); // some people agree more readily than others
	const traits: Record<string, AnswerValue> = {};
	for (const item of version.traitItems) {
		traits[item.id] = dice.chance(0.04)
			? 'na'
			: agreement(traitCentre(level) + (shift[item.trait] ?? 0) + bias + dice.noise(0.7));
	}
	const practice: Record<string, AnswerValue> = {};
	for (const item of version.practiceItems) {
		const { centre, sd } = practiceCentre(item.step, level);
		// Higher steps are about agreements and budgets that not everyone has seen.
		practice[item.id] = dice.chance(item.step > level + 1 ? 0.08 : 0.03)
			? 'na'
			: agreement(centre + bias / 2 + dice.noise(sd));
	}
	const r = dice.next();
	const now = clamp(level + (r < 0.25 ? 1 : r < 0.32 ? -1 : 0), 1, 6); // people overrate more often than underrate
	const t = dice.next();
	const target = clamp(now + (t < 0.1 ? 0 : t < 0.9 ? 1 : 2), now, 6);
	const stairs = { [version.selfPlacement.now.id]: now, [version.selfPlacement.target.id]: target };

	const profile: Record<string, AnswerValue> = {};
	const ticked = (chances: Record<string, number>) =>
		Object.entries(chances)
			.filter(([, p]) => dice.chance(p))
			.map(([id]) => id);
	const activities = version.descriptive.find((d) => d.id === 'activities');
	if (activities && dice.chance(0.9))
		profile[activities.id] = ticked({
			discussion: level >= 2 ? 0.85 : 0.3,
			events: level >= 3 ? 0.75 : 0.3,
			premises: story.sharedPremises && level >= 4 ? 0.8 : 0.05,
			planning: level >= 4 ? 0.7 : level === 3 ? 0.3 : 0.05,
			service: level >= 5 ? 0.75 : level === 4 ? 0.25 : 0.02,
			budget: level >= 5 ? 0.5 : 0.03,
			area: story.areaBound ? 0.65 : 0.1,
			theme: story.areaBound ? 0.3 : 0.65
		}).filter((id) => activities.options.some((o) => o.id === id));
	const resourceChances = {
		public_money: level >= 4 ? 0.6 : 0.15,
		private_money: 0.15,
		volunteer_work: 0.75,
		viewpoints: 0.5,
		expertise: level >= 3 ? 0.55 : 0.3,
		local_knowledge: story.areaBound ? 0.8 : 0.45,
		contacts: 0.6,
		reach: story.english ? 0.8 : 0.3
	};
	// 2026-1 asks what the partnership combines; 2026-2 what each side brings, and its scope on its own.
	for (const id of ['resources', 'our_resources', 'their_resources']) {
		const question = version.descriptive.find((d) => d.id === id);
		if (question && dice.chance(0.85))
			profile[id] = ticked(resourceChances).filter((option) => question.options.some((o) => o.id === option));
	}
	const scope = version.descriptive.find((d) => d.id === 'scope');
	if (scope && dice.chance(0.9)) profile[scope.id] = ticked({ area: story.areaBound ? 0.7 : 0.1, theme: story.areaBound ? 0.3 : 0.7 });
	if (dice.chance(0.33)) {
		const pool = COMMENTS[language][tone];
		profile[version.comment.id] = dice.pick(
			language === 'fi' && tone === 'up' && story.sharedPremises ? [...pool, PREMISES_COMMENT] : pool
		);
	}

	return [traits, practice, stairs, profile];
}

/**
 * A side's submitted answers for one round. A side is drawn again (from the same PRNG, so still
 * deterministic) until its evidence step is the one the story says: the noise makes individual
 * answers vary, never the story.
 */
function sideAnswers(dice: Dice, respondents: number, ctx: Omit<RespondentContext, 'language'>, languages: () => Locale) {
	for (let attempt = 0; ; attempt++) {
		const people = Array.from({ length: respondents }, () => {
			const language = languages();
			return { language, sections: respondentAnswers(dice, { ...ctx, language }) };
		});
		const tally = sumTallies(people.map((p) => scoreResponse(ctx.version, Object.assign({}, ...p.sections)).tally));
		if ((tally.respondents > 0 && scoreGroup(ctx.version, tally).evidence.step === ctx.level) || attempt >= 50) return people;
	}
}

// ---------------------------------------------------------------------------------------------
// Creating the demo

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoSummary {
	projectId: number;
	pairs: number;
	rounds: number;
	/** Submitted responses. */
	responses: number;
	/** Responses started and left unsubmitted in the open rounds. */
	drafts: number;
}

/**
 * Creates the demo project in one transaction (all or nothing). `now` is the moment the demo is
 * seen from: round 1 opened about a year before it, round 2 about six months, round 3 two weeks.
 */
export function createDemo(options: { seed?: number; now?: number } = {}): DemoSummary {
	const seed = options.seed ?? DEMO_DEFAULT_SEED;
	const now = options.now ?? Date.now();
	const dice = new Dice(mulberry32(seed));
	return writeTransaction(() => {
		const projectId = createProject({ name: DEMO_PROJECT_NAME, description: DEMO_PROJECT_DESCRIPTION });
		const summary: DemoSummary = { projectId, pairs: 0, rounds: 0, responses: 0, drafts: 0 };
		for (const story of STORIES) {
			const municipalityId = createOrganisation(projectId, { name: story.municipality, kind: 'municipality' });
			const associationId = createOrganisation(projectId, story.association);
			const pairId = createPair(projectId, {
				municipalityOrgId: municipalityId,
				associationOrgId: associationId,
				theme: story.theme,
				area: story.area
			});
			summary.pairs++;
			let tableId: number | undefined;
			for (let index = 0; index < 3; index++) {
				const counts = demoRound(dice, { projectId, pairId, story, index, now });
				summary.rounds++;
				summary.responses += counts.submitted;
				summary.drafts += counts.drafts;
				// Between rounds the partnership table meets and agrees actions on what the results showed.
				if (index < 2) demoMeeting(tableId ??= pairTable(projectId, story, pairId), pairId, counts.roundId, counts.opensAt + 40 * DAY, index === 0 ? 'done' : 'in_progress');
			}
		}
		demoTables(projectId, now);
		demoMaps(projectId, seed, now);
		return summary;
	});
}

// ---------------------------------------------------------------------------------------------
// Partnership maps: one for each theme and each area, drawn about ten months ago and changed since

/** Local actors a map can hold, `{g}` standing for the municipality's name in the genitive. */
const MAP_ACTORS: readonly { name: string; sector: MapSector; resources: readonly MapResource[] }[] = [
	{ name: '{g} kirjasto', sector: 'municipality', resources: ['premises', 'reach'] },
	{ name: '{g} liikuntapalvelut', sector: 'municipality', resources: ['premises', 'expertise'] },
	{ name: 'Hyvinvointialueen kotihoito', sector: 'municipality', resources: ['expertise', 'reach'] },
	{ name: '{g} työllisyyspalvelut', sector: 'municipality', resources: ['public_money', 'expertise'] },
	{ name: '{g} Eläkkeensaajat ry', sector: 'association', resources: ['volunteer_work', 'local_knowledge'] },
	{ name: '{g} Urheiluseura ry', sector: 'association', resources: ['volunteer_work', 'premises'] },
	{ name: 'SPR:n {g} osasto', sector: 'association', resources: ['volunteer_work', 'contacts'] },
	{ name: '{g} Marttayhdistys ry', sector: 'association', resources: ['volunteer_work', 'local_knowledge', 'private_money'] },
	{ name: '{g} seurakunta, diakoniatyö', sector: 'parish', resources: ['premises', 'volunteer_work', 'reach'] },
	{ name: '{g} seurakunnan nuorisotyö', sector: 'parish', resources: ['reach', 'expertise'] },
	{ name: '{g} kansalaisopisto', sector: 'school', resources: ['expertise', 'premises'] },
	{ name: '{g} yhtenäiskoulu', sector: 'school', resources: ['premises', 'reach'] },
	{ name: 'Gradia, {g} toimipiste', sector: 'school', resources: ['expertise'] },
	{ name: '{g} Yrittäjät ry', sector: 'company', resources: ['private_money', 'contacts'] },
	{ name: 'Kyläkauppa', sector: 'company', resources: ['local_knowledge', 'reach'] },
	{ name: 'Paikallinen taksiyrittäjä', sector: 'company', resources: ['reach'] },
	{ name: 'Naapuriapurinki', sector: 'other', resources: ['volunteer_work', 'local_knowledge'] },
	{ name: 'Asukasraati', sector: 'other', resources: ['local_knowledge', 'contacts'] }
];

/**
 * Each theme and area of the stories becomes a declared group with a map: its pairs' sides, and
 * other local actors from at least five sectors, at most 15 actors in all. On the first day most stand outside or
 * are to be invited; on the second, two months before `now`, actors have been added and some
 * of the invited have come closer. Made through saveActor like real edits.
 */
function demoMaps(projectId: number, seed: number, now: number): void {
	const dice = new Dice(mulberry32(seed + 14));
	const first = nowIso(now - 300 * DAY).slice(0, 10);
	const second = nowIso(now - 60 * DAY).slice(0, 10);
	const today = nowIso(now).slice(0, 10);
	const pairs = listPairs(projectId);
	for (const kind of ['theme', 'area'] as const) {
		const names = [...new Set(pairs.map((p) => (kind === 'theme' ? p.theme : p.area)))];
		for (const name of names) {
			const group: Group = { id: declareGroup(projectId, kind, name), projectId, kind, name };
			const here = pairs.filter((p) => (kind === 'theme' ? p.theme : p.area) === name);
			const g = here[0].municipality.name.split(' ')[0];
			const save = (id: number | null, state: ActorState, on: string) => saveActor(group, id, state, on, null, today);
			const sides = here.flatMap((pair) => [
				{ pair, org: pair.municipality, sector: 'municipality' as const, resources: ['public_money', 'expertise', 'premises'] as MapResource[] },
				{ pair, org: pair.association, sector: 'association' as const, resources: ['volunteer_work', 'local_knowledge', 'reach'] as MapResource[] }
			]);
			for (const side of sides)
				save(null, { name: side.org.name, sector: side.sector, resources: side.resources, relation: 'pair', pairId: side.pair.id, organisationId: side.org.id, note: '' }, first);
			// Two of each of five sectors at least, then a few more at random.
			const pool = [...MAP_ACTORS];
			for (let i = pool.length - 1; i > 0; i--) {
				const j = dice.int(0, i);
				[pool[i], pool[j]] = [pool[j], pool[i]];
			}
			const chosen = (['municipality', 'association', 'parish', 'school', 'company'] as const).flatMap((sector) => pool.filter((a) => a.sector === sector).slice(0, 2));
			// At most 15 actors on a map, the pairs' sides included.
			const extra = pool.filter((a) => !chosen.includes(a)).slice(0, Math.min(dice.int(0, 3), 15 - sides.length - chosen.length));
			const later = dice.int(2, 3);
			[...chosen, ...extra].forEach((template, i) => {
				const isLater = i >= chosen.length + extra.length - later;
				const relation: MapRelation = isLater ? 'invite' : dice.pick(['earlier', 'invite', 'none', 'none'] as const);
				const state: ActorState = {
					name: template.name.replaceAll('{g}', g),
					sector: template.sector,
					resources: [...template.resources],
					relation,
					pairId: null,
					organisationId: null,
					note: ''
				};
				const id = save(null, state, isLater ? second : first);
				// By the second day some of those to be invited have come to a meeting, and some outsiders are now wanted.
				if (!isLater && relation === 'invite' && dice.chance(0.6)) save(id, { ...state, relation: 'earlier' }, second);
				if (!isLater && relation === 'none' && dice.chance(0.5)) save(id, { ...state, relation: 'invite' }, second);
			});
		}
	}
}

function demoRound(
	dice: Dice,
	{ projectId, pairId, story, index, now }: { projectId: number; pairId: number; story: PairStory; index: number; now: number }
): { submitted: number; drafts: number; roundId: number; opensAt: number } {
	const last = index === 2;
	const stillOpen = last && story.lastRoundOpen;
	const opensAt = last ? now - 14 * DAY + dice.int(0, 48) * HOUR : now - (365 - 182 * index) * DAY + dice.int(0, 10) * DAY;
	// Closed rounds took answers for three to four weeks (the last one for eleven days); an open one runs two more weeks.
	const answerUntil = stillOpen ? now - HOUR : last ? opensAt + 11 * DAY : opensAt + dice.int(21, 28) * DAY;
	const plannedClose = stillOpen ? now + 14 * DAY : last ? opensAt + 12 * DAY : opensAt + 30 * DAY;
	const small = story.small?.round === index ? story.small : undefined;
	// The first two rounds were answered before 2026-2 was published, so the demo's history spans both versions.
	const questionnaireVersion = last ? undefined : '2026-1';
	const roundId = openRound(
		pairId,
		{ closesAt: nowIso(plannedClose), asksRole: false, openResults: small?.openResults ?? false, questionnaireVersion },
		opensAt
	);
	const round = getRound(projectId, pairId, roundId)!;
	const version = getVersion(round.questionnaireVersion)!;
	const schema = answersSchema(version);

	type Person = { side: Side; language: Locale; sections: Answers[]; sectionsToSave: number };
	const people: Person[] = [];
	for (const [s, side] of (['municipality', 'association'] as const).entries()) {
		const level = story.levels[index][s];
		const previous = index > 0 ? story.levels[index - 1][s] : level;
		const other = story.levels[index][1 - s];
		const tone: Tone =
			side === 'association' && other - level >= 2 ? 'unheard' : level > previous ? 'up' : level < previous ? 'down' : 'flat';
		const languages = (): Locale => {
			const r = dice.next();
			if (side === 'association' && story.english && r < story.english) return 'en';
			return r > 0.94 ? 'sv' : r > 0.9 ? 'en' : 'fi';
		};
		// Three to five people a side, two where the story says so (fewer than the default smallest group shown).
		const respondents = stillOpen ? dice.int(2, 3) : small?.side === side ? 2 : dice.int(3, 5);
		const shift = story.traitShift?.(side, index) ?? {};
		for (const p of sideAnswers(dice, respondents, { version, story, level, shift, tone }, languages))
			people.push({ side, ...p, sectionsToSave: p.sections.length });
		// A couple of people in an open round have started and not yet submitted.
		if (stillOpen && (side === 'municipality' || dice.chance(0.5))) {
			const [draft] = sideAnswers(dice, 1, { version, story, level, shift, tone }, languages);
			people.push({ side, ...draft, sectionsToSave: dice.int(1, 2) });
		}
	}

	// People answer at their own moments during the round; create them in that order.
	const timed = people
		.map((person) => ({ person, at: opensAt + HOUR + Math.floor(dice.next() * (answerUntil - opensAt - 2 * HOUR)) }))
		.sort((a, b) => a.at - b.at);
	let submitted = 0;
	let drafts = 0;
	for (const { person, at } of timed) {
		const token = startResponse({ roundId, side: person.side, language: person.language }, at);
		const responseId = getResponseByResume(token)!.id;
		let t = at;
		for (const section of person.sections.slice(0, person.sectionsToSave)) {
			t += dice.int(2, 5) * MINUTE;
			const parsed = schema.parse(section) as Answers;
			const outcome = saveAnswers(responseId, round, { set: parsed, clear: [] }, t);
			if (outcome !== 'saved') throw new Error(`Demo answers were not saved (${outcome}) in round ${roundId}`);
		}
		if (person.sectionsToSave < person.sections.length) {
			drafts++;
			continue;
		}
		const outcome = submitResponse(responseId, round, t + MINUTE);
		if (outcome !== 'submitted') throw new Error(`A demo response was not submitted (${outcome}) in round ${roundId}`);
		submitted++;
	}
	if (!stillOpen) closeRound(roundId, answerUntil + dice.int(1, 20) * HOUR);
	return { submitted, drafts, roundId, opensAt };
}

/** A pair's own table: its two organisations meeting about their results. */
function pairTable(projectId: number, story: PairStory, pairId: number): number {
	const tableId = createTable(projectId, { name: `${story.municipality} – ${story.association.name}`, theme: story.theme, area: story.area, goal: '' }, null);
	addTablePair(tableId, pairId);
	return tableId;
}

/** A meeting after a round: one action on the pair's weakest trait, one towards the next step. */
function demoMeeting(tableId: number, pairId: number, roundId: number, heldAt: number, status: ActionStatus): void {
	// A table meets whatever the round showed; with the pair withheld it works from the side that is shown.
	const shown = pairRoundResults(pairId).find((r) => r.round.id === roundId)?.result;
	const result = shown?.pair ?? shown?.sides.municipality ?? shown?.sides.association;
	if (!result) return;
	const weakest = TRAIT_IDS.filter((t) => result.traits[t].mean !== null).sort((a, b) => result.traits[a].mean! - result.traits[b].mean!)[0];
	const nextStep = Math.min(6, (result.evidence.step ?? 1) + 1);
	const meetingId = createMeeting(
		tableId,
		{
			heldOn: nowIso(heldAt).slice(0, 10),
			durationMinutes: 75,
			chairOrgId: null,
			secretaryOrgId: null,
			participants: 'Kunnan ja yhdistyksen edustajat, hanketyöntekijä',
			agenda: '1. Kierroksen tulokset ja puolten erot\n2. Mihin tartumme ennen seuraavaa kierrosta',
			notes: 'Sovittiin kahdesta toimenpiteestä ja seuraavasta tapaamisesta.',
			decisions: '',
			createdBy: null
		},
		[
			{ what: 'Yhteinen tapaaminen kuukausittain, asialista etukäteen', memberOrgId: null, note: 'Yhdistys kutsuu koolle', resources: ['volunteer_work', 'contacts'], dueOn: null, targetTrait: weakest ?? null, targetStep: null },
			{ what: 'Kirjataan työnjako ja yhteyshenkilöt', memberOrgId: null, note: 'Kunta', resources: ['expertise'], dueOn: null, targetTrait: null, targetStep: nextStep }
		]
	);
	setActionStatuses(meetingId, new Map(meetingActions(meetingId).map((a) => [a.id, status])), heldAt + 30 * DAY);
}

// ---------------------------------------------------------------------------------------------
// Two partnership tables of several members: one by theme, one by area

type DemoAction = [what: string, member: string, status: ActionStatus, dueInDays: number];
interface DemoTableMeeting {
	daysAgo: number;
	chair: string;
	secretary: string;
	notes: string;
	decisions: string;
	actions: DemoAction[];
}

/**
 * A theme table around older people's wellbeing, where two assessed pairs sit with a memory
 * association and a parish, and a town's area table with its school, parish and shop. Meetings
 * lie in the past relative to `now`; the theme table's rules were due for review a month ago.
 */
function demoTables(projectId: number, now: number): void {
	const ids = new Map<string, number>();
	for (const o of listOrganisations(projectId)) ids.set(o.name, o.id);
	const org = (name: string, kind: OrganisationKind) => ids.get(name) ?? ids.set(name, createOrganisation(projectId, { name, kind })).get(name)!;
	const pairOf = (municipality: string) => listPairs(projectId).find((p) => p.municipality.id === ids.get(municipality))!.id;
	const day = (daysAgo: number) => nowIso(now - daysAgo * DAY).slice(0, 10);

	const series = (tableId: number, meetings: DemoTableMeeting[]) => {
		for (const meeting of meetings) {
			const heldAt = now - meeting.daysAgo * DAY;
			const meetingId = createMeeting(
				tableId,
				{
					heldOn: day(meeting.daysAgo),
					durationMinutes: 90,
					chairOrgId: ids.get(meeting.chair)!,
					secretaryOrgId: ids.get(meeting.secretary)!,
					participants: 'Jäsenten edustajat ja hanketyöntekijä',
					agenda: '1. Edellisen kerran avoimet tehtävät\n2. Parien tulokset\n3. Työnjako',
					notes: meeting.notes,
					decisions: meeting.decisions,
					createdBy: null
				},
				meeting.actions.map(([what, member, , dueInDays]) => ({
					what, memberOrgId: ids.get(member)!, note: '', resources: [], dueOn: nowIso(heldAt + dueInDays * DAY).slice(0, 10),
					targetTrait: 'concrete', targetStep: null
				}))
			);
			const statuses = new Map(meetingActions(meetingId).map((a, i) => [a.id, meeting.actions[i][2]]));
			setActionStatuses(meetingId, statuses, Math.min(now, heldAt + 20 * DAY));
		}
	};

	const pihtipudas = 'Pihtiputaan kunta', seniors = 'Pihtiputaan Seniorit ry', joutsa = 'Joutsan kunta', villages = 'Leivonmäen Kylät ry';
	const memory = 'Keski-Suomen Muistiyhdistys ry', parish = 'Pihtiputaan seurakunta';
	const theme = createTable(
		projectId,
		{ name: 'Ikäihmisten hyvinvoinnin kumppanuuspöytä', theme: 'Kotona asuvien ikäihmisten hyvinvointi ja yksinäisyyden ehkäisy', area: '', goal: 'Kohtaamispaikka joka kylään kahden vuoden kuluessa.' },
		null
	);
	addTablePair(theme, pairOf(pihtipudas));
	addTablePair(theme, pairOf(joutsa));
	setMember(theme, org(memory, 'association'), 'Toiminnanohjaaja');
	setMember(theme, org(parish, 'parish'), 'Diakoniatyöntekijä');
	setConvener(theme, ids.get(pihtipudas)!);
	// A different member chairs each time, as in Keuruu's table.
	series(theme, [
		{ daysAgo: 300, chair: pihtipudas, secretary: seniors, notes: 'Ensimmäinen tapaaminen: tavoite sovittiin yhdessä.', decisions: 'Kohtaamispaikkojen kartoitus aloitetaan.', actions: [
			['Kartoitetaan kylien kokoontumistilat', pihtipudas, 'done', 30], ['Kysytään jäseniltä vapaaehtoisia', seniors, 'done', 30], ['Selvitetään muistikahvilan malli', memory, 'done', 45]] },
		{ daysAgo: 200, chair: seniors, secretary: pihtipudas, notes: 'Kartoitus valmis; kolme tilaa käytettävissä.', decisions: 'Kokeillaan kahvia ja kohtaamisia -iltapäiviä.', actions: [
			['Varataan seurakuntatalo kevääksi', parish, 'done', 20], ['Tehdään ilmoitus kuntatiedotteeseen', joutsa, 'done', 30], ['Kootaan vapaaehtoisten vuorolista', villages, 'in_progress', 60]] },
		{ daysAgo: 100, chair: parish, secretary: pihtipudas, notes: 'Iltapäiviä pidetty neljä, kävijöitä 15–30.', decisions: 'Jatketaan syksyllä ja laajennetaan Leivonmäelle.', actions: [
			['Haetaan pientä avustusta tarjoiluihin', seniors, 'in_progress', 60], ['Sovitaan kuljetuksesta syrjäkylistä', joutsa, 'agreed', 45]] },
		{ daysAgo: 20, chair: villages, secretary: pihtipudas, notes: 'Syksyn kokemukset käytiin läpi.', decisions: 'Pelisäännöt päivitetään seuraavaan tapaamiseen.', actions: [
			['Päivitetään pelisäännöt', pihtipudas, 'agreed', 40], ['Koulutetaan kaksi uutta vapaaehtoista', memory, 'agreed', 60]] }
	]);
	addAgreement(projectId, { tableId: theme }, { title: 'Kumppanuuspöydän pelisäännöt', agreedOn: day(300), reviewOn: day(30), link: 'https://example.fi/pelisaannot.pdf' });
	addInstrument(projectId, { tableId: theme }, { kind: 'grant_with_obligations', note: 'Järjestöavustus kohtaamispaikkoihin' });
	addInstrument(projectId, { tableId: theme }, { kind: 'free_premises', note: 'Seurakuntatalo ja kirjaston kokoustila' });

	const viitasaari = 'Viitasaaren kaupunki', youth = 'Viitasaaren Nuorten Tekijöiden 4H ry';
	const school = 'Viitasaaren lukio', shop = 'Viitasaaren Kauppa Oy', church = 'Viitasaaren seurakunta';
	const area = createTable(projectId, { name: 'Viitasaaren kumppanuuspöytä', theme: '', area: 'Viitasaari', goal: 'Jokaiselle halukkaalle nuorelle kesätyö tai harrastus.' }, null);
	addTablePair(area, pairOf(viitasaari));
	setMember(area, org(church, 'parish'), '');
	setMember(area, org(school, 'school'), 'Opinto-ohjaaja');
	setMember(area, org(shop, 'company'), '');
	setConvener(area, ids.get(youth)!);
	series(area, [
		{ daysAgo: 150, chair: youth, secretary: viitasaari, notes: 'Kesätöiden tarve ja tarjonta käytiin läpi.', decisions: 'Kesätyöpaikat kootaan yhteen ilmoitukseen.', actions: [
			['Kootaan yritysten kesätyöpaikat', shop, 'done', 30], ['Kerrotaan kesätöistä oppitunneilla', school, 'in_progress', 60]] },
		{ daysAgo: 45, chair: church, secretary: viitasaari, notes: 'Ilmoitus julkaistiin, hakijoita 40.', decisions: 'Harrastusten avoimet ovet syyskuussa.', actions: [
			['Valmistellaan avoimet ovet', viitasaari, 'agreed', 90], ['Pyydetään nuorilta toiveet', youth, 'agreed', 60]] }
	]);
	addAgreement(projectId, { pairId: pairOf(viitasaari) }, { title: 'Nuorisotilan käyttösopimus', agreedOn: day(400), reviewOn: day(-200), link: '' });
	addInstrument(projectId, { pairId: pairOf(viitasaari) }, { kind: 'free_premises', note: 'Nuorisotila' });
}
