/**
 * Access control across the whole route tree. The routes tried are read from src/routes when
 * the test runs, so a new route cannot escape: a route this file cannot classify as public or
 * staff, an unknown route parameter, or an action the file does not know fails the first test.
 *
 * For each role (signed out, project worker of A, coordinator of A, administrator) and for a
 * respondent's link, every staff page and every action is tried against project A's objects and
 * against project B's (B's ids, and A's ids mixed with B's both ways). Another project's objects
 * answer 404 and never data, and the database is checked to be unchanged afterwards.
 */
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type BrowserContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { accessFixture, query, type AccessFixture, type AccessProject } from './helpers';

// ─── The route tree ─────────────────────────────────────────────────────────────────────────

const ROUTES_DIR = 'src/routes';

interface Route {
	/** `/projects/:projectId/pairs/:pairId` */
	pattern: string;
	params: string[];
	/** Has a page (+page.svelte, +page.ts, +page.server.ts): answers GET. */
	page: boolean;
	/** Form actions of +page.server.ts. */
	actions: string[];
	/** Exported request handlers of +server.ts. */
	methods: string[];
	files: string[];
	problems: string[];
}

const ROUTE_FILE = /^\+(page(@[^.]*)?\.(svelte|ts|js|server\.ts|server\.js)|server\.(ts|js))$/;

/** `projects/[projectId]/(group)/settings` → `/projects/:projectId/settings`. Anything but a plain `[name]` stays as it is, so it cannot be filled. */
function toPattern(dir: string): string {
	const segments = dir.split(sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s));
	return '/' + segments.map((s) => s.replace(/^\[([A-Za-z_]\w*)\]$/, ':$1')).join('/');
}

/** The keys of `export const actions = { … }`: one tab in, `name:` or `name(`. */
function actionNames(text: string, problems: string[], file: string): string[] {
	const start = text.search(/^export\s+const\s+actions\b/m);
	if (start < 0) {
		if (/^export\s*\{[^}]*\bactions\b/m.test(text)) problems.push(`${file}: actions are exported in a way this test cannot read`);
		return [];
	}
	const rest = text.slice(start);
	const end = rest.search(/^\}/m);
	const block = end < 0 ? rest : rest.slice(0, end);
	if (/^\t\.\.\./m.test(block)) problems.push(`${file}: actions are spread from elsewhere; list them in the file`);
	const names = [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)].map((m) => m[1]);
	if (names.length === 0) problems.push(`${file}: found \`export const actions\` but no action names`);
	return names;
}

function endpointMethods(text: string): string[] {
	const direct = [...text.matchAll(/^export\s+(?:async\s+)?(?:const|let|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/gm)].map((m) => m[1]);
	const listed = [...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) =>
		m[1]
			.split(',')
			.map((s) => s.trim().split(/\s+as\s+/).at(-1)!)
			.filter((s) => /^(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)$/.test(s))
	);
	return [...direct, ...listed];
}

function discoverRoutes(): Route[] {
	const byPattern = new Map<string, Route>();
	for (const entry of readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' })) {
		const base = entry.split(sep).at(-1)!;
		if (!ROUTE_FILE.test(base)) continue;
		const pattern = toPattern(dirname(entry));
		const file = join(ROUTES_DIR, entry);
		const route = byPattern.get(pattern) ?? {
			pattern,
			params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]),
			page: false,
			actions: [],
			methods: [],
			files: [],
			problems: []
		};
		byPattern.set(pattern, route);
		route.files.push(file);
		const text = readFileSync(file, 'utf8');
		if (base.startsWith('+page')) route.page = true;
		if (/^\+page(@[^.]*)?\.server\./.test(base)) route.actions.push(...actionNames(text, route.problems, file));
		if (base.startsWith('+server')) route.methods.push(...endpointMethods(text));
	}
	return [...byPattern.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

// ─── What the test knows about each route ─────────────────────────────────────────────────

/** Routes anyone may open: the front, sign-in, legal pages, one-time password links and respondents' bearer links. */
const PUBLIC = [
	'/',
	'/login',
	'/login/reset',
	'/logout',
	'/accessibility',
	'/privacy',
	'/method',
	'/welcome/:token',
	'/a/:token',
	'/r/:resume',
	'/r/:resume/:section',
	'/r/:resume/done',
	'/r/:resume/review',
	'/t/:token'
];

/** user: anyone signed in; admin: administrators; read: members of the project; manage: project workers of it (and administrators). */
type Need = 'user' | 'admin' | 'read' | 'manage';
type Form = Record<string, string | number>;
interface Operation {
	need: Need;
	/** A plausible, valid form: were the check missing, it would change the target project's data. */
	body: (fx: AccessFixture, target: AccessProject) => Form;
}
interface StaffSpec {
	get: Need;
	actions: Record<string, Operation>;
	/** Handlers of a +server.ts; GET is tried like a page, the others like actions. */
	methods?: Record<string, Operation>;
}

let unique = 0;
const none = () => ({});

const STAFF: Record<string, StaffSpec> = {
	'/account': {
		get: 'user',
		actions: {
			// The wrong current password: allowed users get 400, nothing changes.
			password: {
				need: 'user',
				body: () => ({ current_password: 'ei tämä ole oikea salasana', password: 'tunkeutujan uusi salasana', password_again: 'tunkeutujan uusi salasana' })
			}
		}
	},
	'/admin': {
		get: 'admin',
		actions: {
			invite: { need: 'admin', body: () => ({ email: `tunkeutuja.${++unique}.${Date.now()}@example.fi`, name: 'Tunkeutuja', is_admin: 'on' }) },
			membership: { need: 'admin', body: (fx, t) => ({ user_id: fx.users.coordinator.id, project_id: t.projectId, role: 'project_worker' }) },
			endSessions: { need: 'admin', body: (fx) => ({ user_id: fx.users.admin.id }) },
			disable: { need: 'admin', body: (fx) => ({ user_id: fx.users.admin.id }) },
			enable: { need: 'admin', body: (fx) => ({ user_id: fx.users.worker.id }) },
			passwordLink: { need: 'admin', body: (fx) => ({ user_id: fx.users.admin.id }) }
		}
	},
	'/admin/audit': { get: 'admin', actions: {} },
	'/projects': {
		get: 'user',
		actions: { create: { need: 'admin', body: () => ({ name: `Tunkeutujan hanke ${++unique}`, description: '' }) } }
	},
	'/projects/:projectId': { get: 'read', actions: {} },
	'/projects/:projectId/pairs/new': {
		get: 'manage',
		actions: {
			addOrganisation: { need: 'manage', body: () => ({ name: `Tunkeutujan organisaatio ${++unique}`, kind: 'municipality' }) },
			addPair: {
				need: 'manage',
				body: (_, t) => ({ municipality_org_id: t.organisations[0], association_org_id: t.organisations[1], theme: 'Tunkeutuja', area: '' })
			}
		}
	},
	'/projects/:projectId/settings': {
		get: 'manage',
		actions: {
			save: { need: 'manage', body: (_, t) => ({ name: t.name, description: 'Tunkeutuja muutti tämän', min_group_size: 1, retention_days: '' }) },
			erase: { need: 'admin', body: (_, t) => ({ confirm_name: t.name }) }
		}
	},
	'/projects/:projectId/pairs/:pairId': {
		get: 'read',
		actions: {
			openRound: { need: 'manage', body: () => ({ closes_on: '', asks_role: 'on' }) },
			setGroups: { need: 'manage', body: () => ({ theme: 'Tunkeutujan teema', area: '' }) },
			erase: { need: 'admin', body: () => ({ confirm: 'yes' }) }
		}
	},
	'/projects/:projectId/pairs/:pairId/results': { get: 'read', actions: {} },
	'/projects/:projectId/tables': {
		get: 'read',
		actions: { create: { need: 'manage', body: () => ({ name: `Tunkeutujan pöytä ${++unique}`, theme: 'Tunkeutuja', area: '', goal: '' }) } }
	},
	'/projects/:projectId/tables/:tableId': {
		get: 'read',
		actions: {
			settings: { need: 'manage', body: (_, t) => ({ name: 'Tunkeutujan pöytä', theme: 'Tunkeutuja', area: '', convener: t.organisations[0] }) },
			goal: { need: 'manage', body: () => ({ goal: 'Tunkeutujan tavoite' }) },
			member: { need: 'manage', body: (_, t) => ({ org_id: t.organisations[0], people: 'Tunkeutuja' }) },
			removeMember: { need: 'manage', body: (_, t) => ({ org_id: t.organisations[1] }) },
			pair: { need: 'manage', body: (_, t) => ({ pair_id: t.pairId }) },
			removePair: { need: 'manage', body: (_, t) => ({ pair_id: t.pairId }) },
			item: { need: 'manage', body: () => ({ text: 'Tunkeutujan asia' }) },
			decide: { need: 'manage', body: (_, t) => ({ item_id: t.agendaItemId, decision: 'accept' }) },
			link: { need: 'manage', body: none },
			closeLink: { need: 'manage', body: none }
		}
	},
	'/projects/:projectId/tables/:tableId/meetings/new': {
		get: 'manage',
		actions: { default: { need: 'manage', body: () => ({ held_on: '2026-11-21', participants: '', agenda: 'Tunkeutuja', notes: '' }) } }
	},
	'/projects/:projectId/tables/:tableId/meetings/:meetingId': {
		get: 'read',
		actions: {
			statuses: { need: 'manage', body: () => ({}) },
			addAction: { need: 'manage', body: (_, t) => ({ action_what_0: 'Tunkeutujan toimenpide', action_member_0: t.organisations[0] }) }
		}
	},
	// Coordinators see and print tables, and export the minutes.
	'/projects/:projectId/tables/:tableId/meetings/:meetingId/minutes/:format': { get: 'read', actions: {}, methods: { GET: { need: 'read', body: none } } },
	'/projects/:projectId/agreements': {
		get: 'read',
		actions: {
			agreement: { need: 'manage', body: (_, t) => ({ owner: `table:${t.tableId}`, title: 'Tunkeutujan sopimus', agreed_on: '', review_on: '', link: '' }) },
			deleteAgreement: { need: 'manage', body: (_, t) => ({ id: t.agreementId }) },
			instrument: { need: 'manage', body: (_, t) => ({ owner: `pair:${t.pairId}`, kind: 'procurement', note: '' }) },
			deleteInstrument: { need: 'manage', body: (_, t) => ({ id: t.instrumentId }) }
		}
	},
	'/projects/:projectId/tables/:tableId/agenda': { get: 'read', actions: {} },
	// Coordinators export too: reading the project is enough.
	'/projects/:projectId/export/:file': { get: 'read', actions: {}, methods: { GET: { need: 'read', body: none } } },
	'/projects/:projectId/groups': {
		get: 'read',
		actions: { declare: { need: 'manage', body: () => ({ kind: 'area', name: `Tunkeutujan alue ${++unique}` }) } }
	},
	'/projects/:projectId/groups/:groupId': { get: 'read', actions: {} },
	'/projects/:projectId/groups/:groupId/map': {
		get: 'read',
		actions: {
			save: {
				need: 'manage',
				body: () => ({ name: `Tunkeutujan toimija ${++unique}`, sector: 'company', relation: 'invite', effective_on: '2026-01-01', resource_premises: 'on' })
			},
			invite: { need: 'manage', body: (_, t) => ({ actor_id: t.actorId, table_id: t.tableId }) },
			invitePair: { need: 'manage', body: (_, t) => ({ actor_id: t.actorId, partner_id: t.organisations[0], side: 'association', confirm: 'yes' }) },
			agenda: { need: 'manage', body: (_, t) => ({ table_id: t.tableId }) },
			remove: { need: 'manage', body: (_, t) => ({ actor_id: t.actorId, confirm: 'yes' }) }
		}
	},
	'/projects/:projectId/pairs/:pairId/rounds/:roundId': {
		get: 'read',
		actions: {
			// Confirmed, as the second step of each sends them: without `confirm` they only ask.
			close: { need: 'manage', body: () => ({ confirm: 'yes' }) },
			replaceLink: { need: 'manage', body: () => ({ side: 'municipality', confirm: 'yes' }) },
			enterPaper: { need: 'manage', body: () => ({ side: 'municipality', language: 'fi' }) }
		}
	},
	// Printing a side's invitation shows its live link: only those who manage the round.
	'/projects/:projectId/pairs/:pairId/rounds/:roundId/invitation/:side': { get: 'manage', actions: {} },
	// A blank paper form holds no secret: whoever reads the project may print it.
	'/projects/:projectId/pairs/:pairId/rounds/:roundId/paper/:side': { get: 'read', actions: {} },
	// The projector view shows the live links and closes the round.
	'/projects/:projectId/pairs/:pairId/rounds/:roundId/present': {
		get: 'manage',
		actions: { close: { need: 'manage', body: () => ({ confirm: 'yes' }) } }
	}
};

/** How a staff route's parameters are filled from a project of the fixture. */
const PARAMS: Record<string, (p: AccessProject) => number> = {
	projectId: (p) => p.projectId,
	pairId: (p) => p.pairId,
	roundId: (p) => p.roundId,
	meetingId: (p) => p.meetingId,
	groupId: (p) => p.groupId,
	tableId: (p) => p.tableId
};

/** Parameters that name nothing of a project: the same value whichever project a path targets. */
const FIXED_PARAMS: Record<string, string> = {
	file: 'responses.csv',
	format: 'csv',
	side: 'municipality'
};

const paramValue = (name: string, p: AccessProject) => (name in FIXED_PARAMS ? FIXED_PARAMS[name] : String(PARAMS[name](p)));

interface StaffRoute extends Route {
	spec: StaffSpec;
}

function classify(routes: Route[]): { problems: string[]; staff: StaffRoute[] } {
	const problems: string[] = [];
	const staff: StaffRoute[] = [];
	const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
	for (const route of routes) {
		problems.push(...route.problems);
		if (PUBLIC.includes(route.pattern)) continue;
		const spec = STAFF[route.pattern];
		if (!spec) {
			problems.push(`${route.pattern} (${route.files.join(', ')}) is neither public nor a known staff route: add it to PUBLIC or STAFF in this test`);
			continue;
		}
		const unknown = route.params.filter((p) => !(p in PARAMS) && !(p in FIXED_PARAMS));
		if (unknown.length || /[[\]]/.test(route.pattern))
			problems.push(`${route.pattern}: this test cannot fill the parameter(s) ${unknown.join(', ') || route.pattern}; add them to PARAMS or FIXED_PARAMS`);
		if (!same(route.actions, Object.keys(spec.actions)))
			problems.push(`${route.pattern}: the code has actions [${route.actions}], this test knows [${Object.keys(spec.actions)}]`);
		if (!same(route.methods, Object.keys(spec.methods ?? {})))
			problems.push(`${route.pattern}: the code has +server.ts handlers [${route.methods}], this test knows [${Object.keys(spec.methods ?? {})}]`);
		staff.push({ ...route, spec });
	}
	for (const pattern of [...PUBLIC, ...Object.keys(STAFF)])
		if (!routes.some((r) => r.pattern === pattern)) problems.push(`${pattern} is listed in this test but no longer exists in ${ROUTES_DIR}`);
	return { problems, staff };
}

const discovered = discoverRoutes();
const { problems, staff } = classify(discovered);

// ─── Paths, requests and expectations ─────────────────────────────────────────────────────

interface Target {
	path: string;
	/** Some id of the path is project B's. */
	foreign: boolean;
	/** Every id is B's (and there is at least one). */
	allB: boolean;
	/** Whose data goes into a form. */
	owner: AccessProject;
}

/** Fills the id parameters from `projects`, in order; the fixed ones fill themselves. */
function fill(pattern: string, projects: AccessProject[]): string {
	let next = 0;
	return fillWith(pattern, (name) => (name in FIXED_PARAMS ? FIXED_PARAMS[name] : String(PARAMS[name](projects[next++]))));
}

function fillWith(pattern: string, value: (name: string, index: number) => string): string {
	let i = 0;
	return pattern.replace(/:(\w+)/g, (_, name: string) => value(name, i++));
}

/** The route with A's ids, and with every mix of A's and B's. */
function targets(route: Route, a: AccessProject, b: AccessProject): Target[] {
	const ids = route.params.filter((p) => p in PARAMS);
	const combos = ids.reduce<AccessProject[][]>((acc) => acc.flatMap((c) => [[...c, a], [...c, b]]), [[]]);
	return combos.map((c) => {
		const foreign = c.includes(b);
		return { path: fill(route.pattern, c), foreign, allB: foreign && c.every((p) => p === b), owner: foreign ? b : a };
	});
}

interface Op {
	route: StaffRoute;
	label: string;
	need: Need;
	send: (req: APIRequestContext, path: string, owner: AccessProject, origin?: string) => Promise<APIResponse>;
}

/** Every changing operation: each form action and each non-GET handler of each staff route. */
function operations(fx: AccessFixture, baseURL: string): Op[] {
	const ops: Op[] = [];
	for (const route of staff) {
		for (const [name, op] of Object.entries(route.spec.actions))
			ops.push({
				route,
				label: `POST ?/${name}`,
				need: op.need,
				send: (req, path, owner, origin = baseURL) =>
					req.post(name === 'default' ? path : `${path}?/${name}`, {
						// Never an empty form: SvelteKit refuses a body that is not form-encoded with 415.
						form: { ...op.body(fx, owner), access_control_test: '1' },
						headers: { origin, accept: 'text/html' },
						maxRedirects: 0
					})
			});
		for (const [method, op] of Object.entries(route.spec.methods ?? {}))
			if (method !== 'GET')
				ops.push({
					route,
					label: method,
					need: op.need,
					send: (req, path, owner, origin = baseURL) =>
						req.fetch(path, { method, form: { ...op.body(fx, owner), access_control_test: '1' }, headers: { origin }, maxRedirects: 0 })
				});
	}
	return ops;
}

/** Every staff route that answers GET, with what it needs. */
function readable(): { route: StaffRoute; need: Need }[] {
	return staff.flatMap((route) =>
		route.page ? [{ route, need: route.spec.get }] : route.spec.methods?.GET ? [{ route, need: route.spec.methods.GET.need }] : []
	);
}

const get = (req: APIRequestContext, path: string) => req.get(path, { maxRedirects: 0 });

type Role = 'worker' | 'coordinator' | 'admin';

function allowed(role: Role, need: Need): boolean {
	if (role === 'admin' || need === 'user' || need === 'read') return true;
	return need === 'manage' && role === 'worker';
}

const LOGIN = /^(\/(sv|en))?\/login\?next=/;

/** Collects every wrong answer, so one run lists all the holes at once. */
class Findings {
	readonly wrong: string[] = [];
	check(ok: boolean, message: string) {
		if (!ok) this.wrong.push(message);
	}
	expectNone() {
		expect(this.wrong, this.wrong.join('\n')).toEqual([]);
	}
}

/** Project B's names and bearer links must never appear in what a member of A only is sent. */
function leaksB(body: string, fx: AccessFixture): string | undefined {
	const b = fx.projects.b;
	const marker = `B ${b.name.split(' ').at(-1)}`;
	if (body.includes(marker)) return `B's name (${marker})`;
	for (const token of Object.values(b.links)) if (body.includes(token)) return "B's invitation link";
	return undefined;
}

function projectState(projectId: number) {
	const inProject = 'JOIN pairs p ON p.id = r.pair_id WHERE p.project_id = ?';
	return {
		project: query('SELECT * FROM projects WHERE id = ?', projectId),
		memberships: query('SELECT * FROM memberships WHERE project_id = ? ORDER BY user_id', projectId),
		organisations: query('SELECT * FROM organisations WHERE project_id = ? ORDER BY id', projectId),
		pairs: query('SELECT * FROM pairs WHERE project_id = ? ORDER BY id', projectId),
		rounds: query(`SELECT r.* FROM rounds r ${inProject} ORDER BY r.id`, projectId),
		invitations: query(`SELECT i.* FROM invitations i JOIN rounds r ON r.id = i.round_id ${inProject} ORDER BY i.id`, projectId),
		responses: query(`SELECT s.id, s.status FROM responses s JOIN rounds r ON r.id = s.round_id ${inProject} ORDER BY s.id`, projectId),
		audit: query('SELECT * FROM audit_log WHERE project_id = ? ORDER BY id', projectId),
		groups: query('SELECT * FROM project_groups WHERE project_id = ? ORDER BY id', projectId),
		mapChanges: query(
			'SELECT c.* FROM map_changes c JOIN map_actors a ON a.id = c.actor_id JOIN project_groups g ON g.id = a.group_id WHERE g.project_id = ? ORDER BY c.id',
			projectId
		)
	};
}

/** Everything staff actions can change, all projects included. */
function wholeState() {
	return {
		users: query('SELECT id, email, name, is_admin, disabled_at, password_hash FROM users ORDER BY id'),
		userTokens: query('SELECT token_hash, user_id, purpose, used_at FROM user_tokens ORDER BY token_hash'),
		sessions: query('SELECT id_hash, user_id FROM sessions ORDER BY id_hash'),
		projects: query('SELECT * FROM projects ORDER BY id'),
		memberships: query('SELECT * FROM memberships ORDER BY project_id, user_id'),
		organisations: query('SELECT * FROM organisations ORDER BY id'),
		pairs: query('SELECT * FROM pairs ORDER BY id'),
		rounds: query('SELECT * FROM rounds ORDER BY id'),
		invitations: query('SELECT * FROM invitations ORDER BY id'),
		responses: query('SELECT id, status FROM responses ORDER BY id'),
		audit: query('SELECT * FROM audit_log ORDER BY id'),
		groups: query('SELECT * FROM project_groups ORDER BY id'),
		mapActors: query('SELECT * FROM map_actors ORDER BY id'),
		mapChanges: query('SELECT * FROM map_changes ORDER BY id'),
		tableMembers: query('SELECT * FROM table_members ORDER BY table_id, org_id'),
		agendaItems: query('SELECT id, table_id, text, status FROM agenda_items ORDER BY id')
	};
}

/** All but project A: B, the users, the other projects, and the audit rows of anything but A. */
function allButA(a: number) {
	const whole = wholeState();
	return {
		users: whole.users,
		userTokens: whole.userTokens,
		sessions: whole.sessions,
		memberships: whole.memberships,
		projects: whole.projects.filter((p) => p.id !== a),
		b: projectState(fx.projects.b.projectId),
		audit: whole.audit.filter((r) => r.project_id !== a)
	};
}

async function signedIn(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
	const context = await browser.newContext();
	const res = await context.request.post('/login', {
		form: { email, password: fx.password },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `signing in as ${email}`).toBe(303);
	expect(res.headers().location).toMatch(/\/projects$/);
	expect((await context.cookies()).some((c) => c.name === 'portaat_session')).toBe(true);
	return context;
}

/** What a signed-out visitor (or one with only a respondent's or a forged cookie) must get: sent to sign in, nothing changed. */
async function expectSignedOut(req: APIRequestContext, findings: Findings, who: string, baseURL: string) {
	const { a, b } = fx.projects;
	for (const { route } of readable())
		for (const t of targets(route, a, b)) {
			const res = await get(req, t.path);
			const location = res.headers().location ?? '';
			findings.check(
				res.status() === 303 && LOGIN.test(location) && location.endsWith(`?next=${encodeURIComponent(t.path)}`),
				`${who}: GET ${t.path} → ${res.status()} ${location} (expected 303 to /login?next=…)`
			);
			const data = await get(req, `${t.path === '/' ? '' : t.path}/__data.json`);
			const text = await data.text();
			// A +server.ts alone has no data URL: SvelteKit answers 404 without running it.
			if (route.page)
				findings.check(/"type":"redirect","location":"(\/(sv|en))?\/login\?next=/.test(text), `${who}: GET ${t.path}/__data.json → ${data.status()} ${text.slice(0, 200)}`);
			else findings.check(data.status() === 404 && text === '', `${who}: GET ${t.path}/__data.json → ${data.status()} ${text.slice(0, 200)}`);
		}
	for (const op of operations(fx, baseURL))
		for (const t of targets(op.route, a, b)) {
			const res = await op.send(req, t.path, t.owner);
			const location = res.headers().location ?? '';
			const toLogin = res.status() === 303 && LOGIN.test(location);
			// 403 would mean the request never reached the app (a mistake in this test), so it does not count.
			const refused = [401, 404, 405].includes(res.status());
			findings.check(toLogin || refused, `${who}: ${op.label} ${t.path} → ${res.status()} ${location} (expected 303 to /login or 401/404)`);
		}
}

// ─── The tests ──────────────────────────────────────────────────────────────────────────────

let fx: AccessFixture;

// Not serial: an unclassified route fails the first test, and the others still try every route they know.
test.beforeAll(() => {
	fx = accessFixture();
});

test('every route in src/routes is classified, with its parameters and actions known', () => {
	// The tree this file was written against; the lists above must follow the code.
	expect(discovered.length).toBeGreaterThanOrEqual(PUBLIC.length + Object.keys(STAFF).length);
	expect(problems, problems.join('\n')).toEqual([]);
	expect(staff.map((r) => r.pattern)).toContain('/projects/:projectId/pairs/:pairId/rounds/:roundId');
	expect(operations(fx, 'http://x').length).toBeGreaterThan(10);
});

test('signed out: every staff page sends to sign in, every action changes nothing', async ({ browser, baseURL }) => {
	const context = await browser.newContext();
	const before = wholeState();
	const findings = new Findings();
	await expectSignedOut(context.request, findings, 'signed out', baseURL!);

	// "303 then the login page": the redirect leads to a sign-in form.
	const { a } = fx.projects;
	const res = await context.request.get(`/projects/${a.projectId}/settings`);
	expect(res.status()).toBe(200);
	expect(new URL(res.url()).pathname).toBe('/login');
	expect(await res.text()).toContain('name="password"');

	findings.expectNone();
	expect(wholeState()).toEqual(before);
	await context.close();
});

test('a forged session cookie is treated as signed out and cleared', async ({ browser, baseURL }) => {
	const context = await browser.newContext();
	const forged = randomBytes(32).toString('base64url');
	expect(forged).toMatch(/^[A-Za-z0-9_-]{43}$/);
	await context.addCookies([{ name: 'portaat_session', value: forged, url: baseURL! }]);

	const res = await get(context.request, '/projects');
	expect(res.status()).toBe(303);
	expect(res.headers().location).toMatch(LOGIN);
	const cleared = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('portaat_session='));
	expect(cleared.length).toBe(1);
	expect(cleared[0].value).toMatch(/^portaat_session=;/);
	expect(cleared[0].value).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
	expect((await context.cookies()).find((c) => c.name === 'portaat_session')).toBeUndefined();

	// Every route and action, each request with the forged cookie again.
	const before = wholeState();
	const findings = new Findings();
	const forging: APIRequestContext = new Proxy(context.request, {
		get(target, key) {
			const value = Reflect.get(target, key);
			if (typeof value !== 'function') return value;
			return async (...args: unknown[]) => {
				await context.addCookies([{ name: 'portaat_session', value: forged, url: baseURL! }]);
				return value.apply(target, args);
			};
		}
	});
	await expectSignedOut(forging, findings, 'forged session', baseURL!);
	findings.expectNone();
	expect(wholeState()).toEqual(before);
	await context.close();
});

test("a respondent's links and cookies give nothing on staff routes", async ({ browser, baseURL }) => {
	const { b } = fx.projects;
	const context = await browser.newContext();
	const invitation = await get(context.request, `/a/${b.links.municipality}`);
	expect(invitation.status()).toBe(200);
	const started = await context.request.post(`/a/${b.links.municipality}?/start`, {
		form: { start: '1' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(started.status()).toBe(303);
	const resume = /\/r\/([A-Za-z0-9_-]{43})\//.exec(started.headers().location ?? '')![1];
	expect((await context.cookies()).find((c) => c.name === 'portaat_resume')?.value).toBe(resume);

	const before = wholeState();
	const findings = new Findings();
	// With the respondent's own cookies (the resume cookie) only.
	await expectSignedOut(context.request, findings, 'respondent', baseURL!);
	// And with the invitation and resume tokens passed off as a staff session.
	for (const [label, token] of [
		['invitation token', b.links.municipality],
		['resume token', resume]
	]) {
		await context.addCookies([{ name: 'portaat_session', value: token, url: baseURL! }]);
		for (const path of ['/projects', `/projects/${b.projectId}`, `/projects/${b.projectId}/pairs/${b.pairId}/rounds/${b.roundId}`, '/admin']) {
			const res = await get(context.request, path);
			findings.check(res.status() === 303 && LOGIN.test(res.headers().location ?? ''), `${label} as session: GET ${path} → ${res.status()}`);
			findings.check(!(await context.cookies()).some((c) => c.name === 'portaat_session'), `${label} as session: cookie not cleared after ${path}`);
			await context.addCookies([{ name: 'portaat_session', value: token, url: baseURL! }]);
		}
		const close = await context.request.post(`/projects/${b.projectId}/pairs/${b.pairId}/rounds/${b.roundId}?/close`, {
			form: { x: '1' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		findings.check(close.status() === 303 && LOGIN.test(close.headers().location ?? ''), `${label} as session: POST ?/close → ${close.status()}`);
		await context.clearCookies({ name: 'portaat_session' });
	}
	findings.expectNone();
	expect(wholeState()).toEqual(before);
	await context.close();
});

/** GET every staff route with A's ids and with every mix of B's, as a signed-in role. */
async function readEverything(req: APIRequestContext, role: Role, findings: Findings) {
	const { a, b } = fx.projects;
	for (const { route, need } of readable())
		for (const t of targets(route, a, b)) {
			const res = await get(req, t.path);
			const body = await res.text();
			let expected: number;
			if (!t.foreign) expected = allowed(role, need) ? 200 : 404;
			else expected = role === 'admin' && t.allB ? 200 : 404;
			findings.check(res.status() === expected, `${role}: GET ${t.path} → ${res.status()} (expected ${expected})`);
			if (role !== 'admin') {
				const leak = leaksB(body, fx);
				findings.check(!leak, `${role}: GET ${t.path} sent ${leak}`);
			}
			if (expected === 404) {
				// The data endpoint of the same page must not answer with the data either.
				const data = await get(req, `${t.path}/__data.json`);
				const text = await data.text();
				findings.check(data.status() === 404 || /"status":404/.test(text), `${role}: GET ${t.path}/__data.json → ${data.status()} ${text.slice(0, 200)}`);
				if (role !== 'admin') findings.check(!leaksB(text, fx), `${role}: GET ${t.path}/__data.json sent ${leaksB(text, fx)}`);
			}
		}
	// Ids that exist nowhere, or are not ids, are simply not found too; so are the localised paths.
	for (const { route } of readable().filter(({ route }) => route.params.length > 0)) {
		const n = route.params.length;
		const ownBut = (index: number, value: string) => fillWith(route.pattern, (name, i) => (i === index ? value : paramValue(name, a)));
		for (const path of [ownBut(n - 1, '9999999'), ownBut(0, '1x'), ownBut(n - 1, '0')]) {
			const res = await get(req, path);
			findings.check(res.status() === 404, `${role}: GET ${path} → ${res.status()} (expected 404)`);
		}
		const other = fill(route.pattern, route.params.map(() => b));
		for (const lang of ['sv', 'en']) {
			const res = await get(req, `/${lang}${other}`);
			findings.check(res.status() === (role === 'admin' ? 200 : 404), `${role}: GET /${lang}${other} → ${res.status()}`);
		}
	}
}

/** POST every action at every path that has one of B's ids: always 404. */
async function actOnB(req: APIRequestContext, role: Role, findings: Findings, baseURL: string) {
	const { a, b } = fx.projects;
	for (const op of operations(fx, baseURL))
		for (const t of targets(op.route, a, b).filter((t) => t.foreign)) {
			const res = await op.send(req, t.path, t.owner);
			const body = await res.text();
			findings.check(res.status() === 404, `${role}: ${op.label} ${t.path} → ${res.status()} ${res.headers().location ?? ''} (expected 404)`);
			findings.check(!leaksB(body, fx), `${role}: ${op.label} ${t.path} sent ${leaksB(body, fx)}`);
		}
}

test('project worker of A: A answers, B is not found, and nothing of B changes', async ({ browser, baseURL }) => {
	const { a, b } = fx.projects;
	const worker = await signedIn(browser, baseURL!, fx.users.worker.email);
	const req = worker.request;
	const findings = new Findings();

	await readEverything(req, 'worker', findings);
	const listed = await (await get(req, '/projects')).text();
	findings.check(listed.includes(a.name.split(' ').at(-1)!) && !leaksB(listed, fx), 'worker: /projects must list A and not B');
	// The worker manages A's round: its invitation links are shown to them.
	const round = await (await get(req, `/projects/${a.projectId}/pairs/${a.pairId}/rounds/${a.roundId}`)).text();
	findings.check(round.includes(a.links.municipality), 'worker: A round page should show the invitation link to a project worker');

	const before = wholeState();
	await actOnB(req, 'worker', findings, baseURL!);
	findings.expectNone();
	expect(wholeState(), 'no action against B changed anything, anywhere').toEqual(before);

	// An action on A's own project that names B's organisations is refused and creates nothing.
	const pairs = projectState(a.projectId).pairs.length;
	const mixed = await req.post(`/projects/${a.projectId}/pairs/new?/addPair`, {
		form: { municipality_org_id: b.organisations[0], association_org_id: b.organisations[1], theme: 'Ristiin', area: '' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(mixed.status()).toBe(400);
	expect(projectState(a.projectId).pairs.length).toBe(pairs);
	const mixedOne = await req.post(`/projects/${a.projectId}/pairs/new?/addPair`, {
		form: { municipality_org_id: a.organisations[0], association_org_id: b.organisations[1], theme: 'Ristiin', area: '' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(mixedOne.status()).toBe(400);
	expect(projectState(a.projectId).pairs.length).toBe(pairs);
	expect(wholeState()).toEqual(before);
	await worker.close();
});

test('coordinator of A: reads A, manages nothing, and B is not found', async ({ browser, baseURL }) => {
	const { a } = fx.projects;
	const coordinator = await signedIn(browser, baseURL!, fx.users.coordinator.email);
	const req = coordinator.request;
	const findings = new Findings();

	await readEverything(req, 'coordinator', findings);
	// Invitation links are bearer secrets for those who manage the round only.
	const round = await (await get(req, `/projects/${a.projectId}/pairs/${a.pairId}/rounds/${a.roundId}`)).text();
	findings.check(
		!round.includes(a.links.municipality) && !round.includes(a.links.association),
		"coordinator: A's round page sent the invitation links"
	);

	const before = wholeState();
	await actOnB(req, 'coordinator', findings, baseURL!);
	// Every action on A's own objects: those that change data are not found for a coordinator.
	for (const op of operations(fx, baseURL!))
		for (const t of targets(op.route, a, fx.projects.b).filter((t) => !t.foreign)) {
			const res = await op.send(req, t.path, a);
			if (allowed('coordinator', op.need))
				findings.check([200, 400].includes(res.status()), `coordinator: ${op.label} ${t.path} → ${res.status()} (a user's own action, expected 200/400)`);
			else findings.check(res.status() === 404, `coordinator: ${op.label} ${t.path} → ${res.status()} ${res.headers().location ?? ''} (expected 404)`);
		}
	findings.expectNone();
	expect(wholeState(), 'no coordinator action changed anything').toEqual(before);
	await coordinator.close();
});

test('administrator: the admin pages and every project answer; mixed ids are not found', async ({ browser, baseURL }) => {
	const admin = await signedIn(browser, baseURL!, fx.users.admin.email);
	const findings = new Findings();
	for (const path of ['/admin', '/admin/audit']) {
		const res = await get(admin.request, path);
		findings.check(res.status() === 200, `admin: GET ${path} → ${res.status()}`);
	}
	await readEverything(admin.request, 'admin', findings);
	findings.expectNone();
	await admin.close();
});

test("project worker of A: A's own actions are allowed, administrators' ones are not", async ({ browser, baseURL }) => {
	const { a } = fx.projects;
	const worker = await signedIn(browser, baseURL!, fx.users.worker.email);
	const findings = new Findings();
	const before = allButA(a.projectId);
	for (const op of operations(fx, baseURL!))
		for (const t of targets(op.route, a, fx.projects.b).filter((t) => !t.foreign)) {
			const res = await op.send(worker.request, t.path, a);
			const location = res.headers().location ?? '';
			if (allowed('worker', op.need))
				findings.check(
					[200, 400, 409].includes(res.status()) || (res.status() === 303 && !LOGIN.test(location)),
					`worker: ${op.label} ${t.path} → ${res.status()} ${location} (expected to be allowed)`
				);
			else findings.check(res.status() === 404, `worker: ${op.label} ${t.path} → ${res.status()} ${location} (expected 404)`);
		}
	findings.expectNone();
	// A changed (organisation added, round closed, link replaced); nothing else did.
	expect(allButA(a.projectId)).toEqual(before);
	expect(query('SELECT 1 FROM projects WHERE id = ?', a.projectId)).toHaveLength(1);
	await worker.close();
});

test('a cross-site form post to a staff action is refused with 403 and changes nothing', async ({ browser, baseURL }) => {
	const { a } = fx.projects;
	const worker = await signedIn(browser, baseURL!, fx.users.worker.email);
	const before = wholeState();
	const findings = new Findings();
	const round = `/projects/${a.projectId}/pairs/${a.pairId}/rounds/${a.roundId}`;
	for (const origin of ['https://evil.example', 'null', undefined]) {
		for (const [path, form] of [
			[`/projects/${a.projectId}/pairs/new?/addOrganisation`, { name: 'Ristiinlähetetty', kind: 'municipality' }],
			[`/projects/${a.projectId}/settings?/save`, { name: 'Ristiinlähetetty', description: '', min_group_size: 2, retention_days: '' }],
			[`${round}?/close`, { x: '1' }],
			[`${round}?/replaceLink`, { side: 'association' }]
		] as const) {
			const headers: Record<string, string> = { accept: 'text/html' };
			if (origin) headers.origin = origin;
			const res = await worker.request.post(path, { form, headers, maxRedirects: 0 });
			findings.check(res.status() === 403, `origin ${origin ?? '(none)'}: POST ${path} → ${res.status()} (expected 403)`);
		}
		const multipart = await worker.request.post(`/projects/${a.projectId}/pairs/new?/addOrganisation`, {
			multipart: { name: 'Ristiinlähetetty', kind: 'municipality' },
			headers: origin ? { origin } : {},
			maxRedirects: 0
		});
		findings.check(multipart.status() === 403, `origin ${origin ?? '(none)'}: multipart POST → ${multipart.status()} (expected 403)`);
	}
	findings.expectNone();
	expect(wholeState()).toEqual(before);
	await worker.close();
});
