/**
 * Hostile input, property-based (fast-check), over HTTP against the suite's server: every form
 * action of the respondent's pages and of the sign-in and password-link pages, and every route
 * parameter, with wrong types, huge values, unknown ids, broken encodings, forged tokens and
 * other rounds' or other kinds' tokens. Never a 5xx; a refused post writes nothing; a refused
 * form says why (an alert region or a message at the field).
 *
 * Bad links count against the address (50 → 429 for a while), so the rate limits are cleared
 * between runs and after every test: the other tests sign in from the same address.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { hashToken } from '../../src/lib/server/tokens';
import * as fc from 'fast-check';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { DATABASE_PATH, query, type AccessFixture, type RoundFixture } from './helpers';
import { ACTIVITIES, CHOICE_OPTIONS, completePages, RESOURCES, SECTION_ITEMS, type Section } from './separate-server';

const RUNS = 60;
const SECTIONS = Object.keys(SECTION_ITEMS) as Section[];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HUGE = 'x'.repeat(100_000);
const LOCALES = ['', '/sv', '/en'] as const;
/** What a refused form must show: the summary or form-level alert, or a message at the field. */
const USER_MESSAGE = /role="alert"|class="[^"]*\berror-text\b/;

function write(sql: string, ...params: unknown[]) {
	const db = new Database(DATABASE_PATH);
	try {
		db.prepare(sql).run(...params);
	} finally {
		db.close();
	}
}
const clearRateLimits = () => write('DELETE FROM rate_limits');
test.afterEach(clearRateLimits);

/** Rows that no refused or forged request may add or change. */
function counts() {
	return query(`SELECT (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM responses WHERE status = 'submitted') AS submitted,
		(SELECT count(*) FROM answers) AS answers, (SELECT total(length(value)) FROM answers) AS answerBytes,
		(SELECT count(*) FROM response_scores) AS scores, (SELECT count(*) FROM round_results) AS results,
		(SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM users WHERE password_hash IS NOT NULL) AS passwords,
		(SELECT count(*) FROM user_tokens WHERE used_at IS NOT NULL) AS usedLinks`)[0];
}

function answersOf(resume: string) {
	return query<{ item_id: string; value: string }>(
		'SELECT a.item_id, a.value FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.resume_token_hash = ? ORDER BY a.item_id',
		hashToken(resume)
	);
}

/** Whatever was stored is an answer the questionnaire asks, in its shape. */
function invalidStored(resume: string): string[] {
	const all = Object.values(SECTION_ITEMS);
	const kindOf = (id: string) => (['agreement', 'step', 'choice', 'text'] as const).find((k) => all.some((s) => (s[k] as readonly string[]).includes(id)));
	return answersOf(resume)
		.filter(({ item_id, value }) => {
			const v = JSON.parse(value);
			switch (kindOf(item_id)) {
				case 'agreement':
					return !(v === 'na' || (Number.isInteger(v) && v >= 1 && v <= 5));
				case 'step':
					return !(Number.isInteger(v) && v >= 1 && v <= 6);
				case 'choice': {
					const options: string[] = CHOICE_OPTIONS[item_id] ?? [];
					return !(Array.isArray(v) && new Set(v).size === v.length && v.every((o) => options.includes(o)));
				}
				case 'text':
					return !(typeof v === 'string' && v.length <= 2000 && v.trim() === v && v !== '');
				default:
					return true;
			}
		})
		.map((r) => `${r.item_id}=${r.value.slice(0, 80)}`);
}

interface State {
	origin: string;
	a: RoundFixture;
	b: RoundFixture;
	closed: RoundFixture;
	/** A draft of round A with its first page answered. */
	draft: string;
	submitted: string;
	/** A draft with answers in a round since closed. */
	closedDraft: string;
	access: AccessFixture;
	/** An unused password link: /welcome/<token>. */
	welcome: string;
}
let state: State | undefined;

interface Reply {
	status: number;
	location: string | undefined;
	html: boolean;
	text: string;
}

async function send(
	request: APIRequestContext,
	origin: string,
	method: 'GET' | 'POST',
	path: string,
	body?: string | Buffer,
	contentType = 'application/x-www-form-urlencoded'
): Promise<Reply> {
	const headers: Record<string, string> = { origin, accept: 'text/html' };
	if (body !== undefined) headers['content-type'] = contentType;
	const response = await request.fetch(path, { method, data: body, headers, maxRedirects: 0, timeout: 20_000 });
	return {
		status: response.status(),
		location: response.headers()['location'],
		html: (response.headers()['content-type'] ?? '').includes('text/html'),
		text: await response.text()
	};
}

async function startResponse(request: APIRequestContext, origin: string, invitation: string): Promise<string> {
	const reply = await send(request, origin, 'POST', `/a/${invitation}?/start`, '');
	expect(reply.status).toBe(303);
	return /^\/r\/([A-Za-z0-9_-]{43})\/traits$/.exec(reply.location ?? '')![1];
}

const execFileAsync = promisify(execFile);
async function tsx(...args: string[]): Promise<string> {
	const { stdout } = await execFileAsync('npx', ['tsx', ...args], { env: { ...process.env, DATABASE_PATH, ORIGIN: '' }, encoding: 'utf8' });
	return stdout;
}
const lastLine = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

/**
 * The fixtures, made once per run of the suite: kept next to the suite's database (which the
 * server removes when it starts), so that a worker started again after a failed test reuses them.
 */
async function setup(request: APIRequestContext, origin: string): Promise<State> {
	const file = DATABASE_PATH.replace(/portaat\.db$/, 'fuzz-fixtures.json');
	if (state) return state;
	if (existsSync(file)) return (state = JSON.parse(readFileSync(file, 'utf8')) as State);
	const email = `fuzz.${Math.random().toString(36).slice(2, 8)}@example.fi`;
	const [a, b, closed, access, admin] = await Promise.all([
		tsx('tests/e2e/fixture.ts', 'round').then((o) => lastLine(o) as RoundFixture),
		tsx('tests/e2e/fixture.ts', 'round').then((o) => lastLine(o) as RoundFixture),
		tsx('tests/e2e/fixture.ts', 'round').then((o) => lastLine(o) as RoundFixture),
		tsx('tests/e2e/fixture.ts', 'access').then((o) => lastLine(o) as AccessFixture),
		tsx('scripts/portaat.ts', 'create-admin', '--email', email, '--name', 'Fuzz Admin')
	]);
	const welcome = /(\/welcome\/[A-Za-z0-9_-]{43})/.exec(admin)![1];
	const pages = completePages(0);
	const draft = await startResponse(request, origin, a.links.municipality);
	expect((await send(request, origin, 'POST', `/r/${draft}/traits`, pages[0].form.toString())).status).toBe(303);
	const submitted = await startResponse(request, origin, a.links.association);
	for (const { section, form } of pages) expect((await send(request, origin, 'POST', `/r/${submitted}/${section}`, form.toString())).status).toBe(303);
	expect((await send(request, origin, 'POST', `/r/${submitted}/review?/submit`, '')).location).toBe(`/r/${submitted}/done`);
	const closedDraft = await startResponse(request, origin, closed.links.municipality);
	expect((await send(request, origin, 'POST', `/r/${closedDraft}/traits`, pages[0].form.toString())).status).toBe(303);
	write('UPDATE rounds SET closed_at = ? WHERE id = ?', new Date().toISOString(), closed.roundId);
	state = { origin, a, b, closed, draft, submitted, closedDraft, access, welcome };
	writeFileSync(file, JSON.stringify(state));
	return state;
}

/** 43 characters of the tokens' own alphabet: well-formed, but nobody's. */
const forgedToken = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 43, maxLength: 43 });
/** Path segments that are no id, token or section: wrong shapes, unicode, broken percent-encodings, huge. */
const badSegment = fc.oneof(
	fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 0, maxLength: 60 }).filter((s) => s.length !== 43 && s !== ''),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
	fc.constantFrom(
		'%', '%Z', '%ZZ', '%E0%A4%A', '%FF', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%00', '%0A', '%2F', '%5C', '%25', '%%',
		'0', '-1', '01', '1.0', '1e3', '+1', '0x1', '%201', '9'.repeat(17), '9'.repeat(400), 'null', 'undefined', 'NaN',
		'__proto__', 'constructor', '%3Cscript%3E', "'%20OR%201=1--", 'a'.repeat(20_000)
	)
).filter((s) => s.length > 0);

test('forged, foreign and malformed tokens in every link and respondent route: 404 (or 429), never a 5xx, nothing written', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const invitations = [s.a.links.municipality, s.a.links.association, s.b.links.municipality, s.closed.links.municipality];
	const resumes = [s.draft, s.submitted, s.closedDraft];
	const welcomeToken = s.welcome.split('/')[2];
	const pages = completePages(7);
	const password = 'pitkä ja hyvä salasana 123';
	type Route = { method: 'GET' | 'POST'; path: (t: string) => string; body?: string; kind: 'invitation' | 'resume' | 'welcome'; expected: number };
	const routes: Route[] = [
		{ method: 'GET', path: (t) => `/a/${t}`, kind: 'invitation', expected: 404 },
		{ method: 'POST', path: (t) => `/a/${t}?/start`, body: '', kind: 'invitation', expected: 404 },
		{ method: 'GET', path: (t) => `/r/${t}`, kind: 'resume', expected: 404 },
		...SECTIONS.map((section): Route => ({ method: 'GET', path: (t) => `/r/${t}/${section}`, kind: 'resume', expected: 404 })),
		...pages.map(({ section, form }): Route => ({ method: 'POST', path: (t) => `/r/${t}/${section}`, body: form.toString(), kind: 'resume', expected: 404 })),
		{ method: 'GET', path: (t) => `/r/${t}/review`, kind: 'resume', expected: 404 },
		{ method: 'POST', path: (t) => `/r/${t}/review?/submit`, body: '', kind: 'resume', expected: 404 },
		{ method: 'GET', path: (t) => `/r/${t}/done`, kind: 'resume', expected: 404 },
		// The password page answers an unknown link with its own message, on the page.
		{ method: 'GET', path: (t) => `/welcome/${t}`, kind: 'welcome', expected: 200 },
		{ method: 'POST', path: (t) => `/welcome/${t}`, body: new URLSearchParams({ password, password_again: password }).toString(), kind: 'welcome', expected: 404 }
	];
	const foreign = (kind: Route['kind']) =>
		[...(kind !== 'invitation' ? invitations : []), ...(kind !== 'resume' ? resumes : []), ...(kind !== 'welcome' ? [welcomeToken] : [])];
	const route = fc.constantFrom(...routes);
	const token = route.chain((r) =>
		fc.tuple(
			fc.constant(r),
			fc.oneof(
				{ weight: 3, arbitrary: forgedToken.map((t) => ({ t, wellFormed: true })) },
				{ weight: 2, arbitrary: fc.constantFrom(...foreign(r.kind)).map((t) => ({ t, wellFormed: true })) },
				{ weight: 2, arbitrary: badSegment.map((t) => ({ t, wellFormed: false })) }
			),
			fc.constantFrom(...LOCALES)
		)
	);
	let run = 0;
	await fc.assert(
		fc.asyncProperty(token, async ([r, { t, wellFormed }, locale]) => {
			if (run++ % 30 === 0) clearRateLimits();
			const before = counts();
			const reply = await send(request, s.origin, r.method, locale + r.path(t), r.body);
			expect(reply.status, `${r.method} ${r.path(t).slice(0, 120)}`).toBeLessThan(500);
			if (wellFormed) expect([r.expected, 429]).toContain(reply.status);
			else expect(reply.status).not.toBe(303);
			if (r.kind === 'welcome' && wellFormed && reply.status !== 429) expect(reply.text).toMatch(USER_MESSAGE);
			expect(counts()).toEqual(before);
		}),
		{ numRuns: 100 }
	);
});

test('the 50th bad link from an address blocks its guessing, but a good link still opens from it', async ({ request, baseURL }) => {
	const s = await setup(request, baseURL!);
	clearRateLimits();
	const statuses: number[] = [];
	for (const t of fc.sample(forgedToken, 55)) statuses.push((await send(request, s.origin, 'GET', `/a/${t}`)).status);
	expect(statuses.slice(0, 49).every((x) => x === 404)).toBe(true);
	expect(statuses.slice(50).every((x) => x === 429)).toBe(true);
	// One noisy device behind an office's shared address must not lock out everyone there (issue 11).
	expect((await send(request, s.origin, 'POST', `/a/${s.a.links.municipality}?/start`, '')).status).toBe(303);
	expect((await send(request, s.origin, 'POST', `/r/${s.draft}/traits`, completePages(3)[0].form.toString())).status).toBe(303);
	expect((await send(request, s.origin, 'GET', `/a/${fc.sample(forgedToken, 1)[0]}`)).status).toBe(429);
});

const WRONG_TYPES = ['', ' ', '0', '6', '7', '-1', '3.0', ' 3', '3 ', '1e0', '0x3', 'NaN', 'Infinity', 'true', 'null', '[]', '{}', '["events"]', 'NA', 'na ', '٣', '３', '\u0000', '1\u0000'];
const anyValue = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '6', 'na', ...ACTIVITIES, ...RESOURCES) },
	{ weight: 4, arbitrary: fc.constantFrom(...WRONG_TYPES) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.constant(HUGE) }
);
function anyKey(section: Section) {
	const own = Object.values(SECTION_ITEMS[section]).flat() as string[];
	const other = SECTIONS.filter((x) => x !== section).flatMap((x) => Object.values(SECTION_ITEMS[x]).flat() as string[]);
	return fc.oneof(
		{ weight: 5, arbitrary: fc.constantFrom(...own) },
		{ weight: 1, arbitrary: fc.constantFrom(...other) },
		{ weight: 2, arbitrary: fc.constantFrom('nav', '_choices', '_role') },
		{ weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'trust.01', 'TRUST.1', 'trust.1 ', 'trust', 'step7.1', 'stairs.later', 'comment[]') },
		{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }
	);
}

/** A multipart body by hand, so that a file part and odd names can be in it. */
function multipart(fields: [string, string][], withFile: boolean): { body: Buffer; contentType: string } {
	const boundary = `----fuzz${Math.random().toString(36).slice(2)}`;
	const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`);
	if (withFile && fields.length > 0)
		parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${fields[0][0].replace(/["\r\n]/g, '_')}"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\n3\r\n`);
	return { body: Buffer.from(parts.join('') + `--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('every questionnaire page takes any post without a 5xx: a refused one changes nothing and says why, and only valid answers are ever stored', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const post = fc.constantFrom(...SECTIONS).chain((section) =>
		fc.record({
			section: fc.constant(section),
			locale: fc.constantFrom(...LOCALES),
			base: fc.option(fc.nat(20), { nil: undefined }),
			fields: fc.array(fc.tuple(anyKey(section), anyValue), { maxLength: 10 }),
			nav: fc.option(fc.constantFrom('next', 'prev', 'review', 'autosave', 'lang:sv', 'lang:xx', 'section:traits', 'section:nope', 'http://evil.example', '//evil.example'), { nil: undefined }),
			encoding: fc.constantFrom('urlencoded', 'urlencoded', 'multipart', 'multipart+file', 'bytes'),
			bytes: fc.uint8Array({ minLength: 1, maxLength: 12 })
		})
	);
	await fc.assert(
		fc.asyncProperty(post, async ({ section, locale, base, fields, nav, encoding, bytes }) => {
			const all: [string, string][] = base === undefined ? [] : [...completePages(base).find((p) => p.section === section)!.form.entries()];
			all.push(...fields);
			if (nav !== undefined) all.push(['nav', nav]);
			let body: string | Buffer = new URLSearchParams(all).toString();
			let contentType = 'application/x-www-form-urlencoded';
			if (encoding.startsWith('multipart')) ({ body, contentType } = multipart(all, encoding === 'multipart+file'));
			// Raw bytes, invalid UTF-8 among them, as the value of a real item.
			if (encoding === 'bytes') body = Buffer.concat([Buffer.from(`${body}${body ? '&' : ''}${encodeURIComponent(all[0]?.[0] ?? 'comment')}=`), Buffer.from(bytes)]);
			const before = counts();
			const saved = answersOf(s.draft);
			const reply = await send(request, s.origin, 'POST', `${locale}/r/${s.draft}/${section}`, body, contentType);
			expect([200, 303, 400, 413]).toContain(reply.status);
			if (reply.status === 400 && reply.html) expect(reply.text).toMatch(USER_MESSAGE);
			if (reply.status >= 400) {
				expect(answersOf(s.draft)).toEqual(saved);
				expect(counts()).toEqual(before);
			}
			expect(invalidStored(s.draft)).toEqual([]);
			expect(counts()).toMatchObject({ responses: before.responses, scores: before.scores, submitted: before.submitted });
		}),
		{ numRuns: 100 }
	);
});

test('a page with one bad answer among good ones is refused whole (400), with a message, and nothing of it is saved', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const notAgreement = fc.oneof(fc.constantFrom(...WRONG_TYPES, HUGE), fc.string({ unit: 'grapheme', maxLength: 20 })).filter((v) => !/^(na|[1-5])$/.test(v));
	const notStep = fc.oneof(fc.constantFrom(...WRONG_TYPES, HUGE), fc.string({ unit: 'grapheme', maxLength: 20 })).filter((v) => !/^[1-6]$/.test(v));
	type Corrupt = (form: URLSearchParams) => void;
	const corruption = (section: Section): fc.Arbitrary<[string, Corrupt]> => {
		const items = SECTION_ITEMS[section];
		const own = new Set<string>([...(Object.values(items).flat() as string[]), 'nav', '_choices', '_role']);
		const options: fc.Arbitrary<[string, Corrupt]>[] = [
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((k) => !own.has(k)).map((k) => [`unknown field ${k}`, (f) => f.append(k, '3')]),
			fc.constantFrom(...SECTIONS.filter((x) => x !== section).flatMap((x) => Object.values(SECTION_ITEMS[x]).flat() as string[])).map((k) => [`another page's ${k}`, (f) => f.append(k, '3')]),
			fc.string({ unit: 'grapheme', minLength: 101, maxLength: 300 }).filter((r) => r.trim().length > 100).map((r) => ['role too long', (f) => f.set('_role', r)])
		];
		if (items.agreement.length > 0) {
			options.push(fc.tuple(fc.constantFrom(...items.agreement), notAgreement).map(([k, v]) => [`${k}=${JSON.stringify(v.slice(0, 20))}`, (f) => f.set(k, v)]));
			options.push(fc.constantFrom(...items.agreement).map((k) => [`${k} twice`, (f) => f.append(k, '2')]));
		}
		if (items.step.length > 0) {
			options.push(fc.tuple(fc.constantFrom(...items.step), notStep).map(([k, v]) => [`${k}=${JSON.stringify(v.slice(0, 20))}`, (f) => f.set(k, v)]));
			options.push(fc.constantFrom(...items.step).map((k) => [`${k} twice`, (f) => f.append(k, '3')]));
		}
		if (items.choice.length > 0) {
			options.push(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((o) => ![...ACTIVITIES, ...RESOURCES].includes(o)).map((o) => [`option ${o}`, (f) => f.append('activities', o)]));
			options.push(fc.constant<[string, Corrupt]>(['option twice', (f) => f.append('resources', f.getAll('resources')[0])]));
			options.push(fc.constant<[string, Corrupt]>(['choices not shown', (f) => f.delete('_choices')]));
			options.push(fc.integer({ min: 2001, max: 100_000 }).map((n) => [`comment of ${n}`, (f) => f.set('comment', 'y'.repeat(n))]));
		}
		return fc.oneof(...options);
	};
	const bad = fc.constantFrom(...SECTIONS).chain((section) => fc.tuple(fc.constant(section), fc.integer({ min: 1, max: 50 }), corruption(section), fc.constantFrom(...LOCALES)));
	await fc.assert(
		fc.asyncProperty(bad, async ([section, seed, [, corrupt], locale]) => {
			const form = new URLSearchParams(completePages(seed).find((p) => p.section === section)!.form);
			corrupt(form);
			const before = counts();
			const saved = answersOf(s.draft);
			const reply = await send(request, s.origin, 'POST', `${locale}/r/${s.draft}/${section}`, form.toString());
			expect(reply.status).toBe(400);
			expect(reply.html).toBe(true);
			expect(reply.text).toMatch(USER_MESSAGE);
			expect(answersOf(s.draft)).toEqual(saved);
			expect(counts()).toEqual(before);
		}),
		{ numRuns: RUNS }
	);
});

test('closed rounds, submitted responses and unknown actions: a clear 4xx or the thank-you page, never a 5xx, nothing written', async ({ request, baseURL }) => {
	const s = await setup(request, baseURL!);
	const pages = completePages(11);
	const steady = async (method: 'GET' | 'POST', path: string, body: string | undefined, status: number, message: boolean) => {
		const before = counts();
		const closedAnswers = answersOf(s.closedDraft);
		const reply = await send(request, s.origin, method, path, body);
		expect(reply.status, path).toBe(status);
		if (message) expect(reply.text).toMatch(USER_MESSAGE);
		expect(counts()).toEqual(before);
		expect(answersOf(s.closedDraft)).toEqual(closedAnswers);
		return reply;
	};
	// A closed round takes no new response, no saved page and no submit, and says so.
	await steady('POST', `/a/${s.closed.links.municipality}?/start`, '', 409, true);
	for (const { section, form } of pages) await steady('POST', `/r/${s.closedDraft}/${section}`, form.toString(), 409, true);
	await steady('POST', `/r/${s.closedDraft}/review?/submit`, '', 409, true);
	// A submitted response changes no more: every post leads to the thank-you page.
	for (const { section, form } of pages) expect((await steady('POST', `/r/${s.submitted}/${section}`, form.toString(), 303, false)).location).toBe(`/r/${s.submitted}/done`);
	expect((await steady('POST', `/r/${s.submitted}/review?/submit`, '', 303, false)).location).toBe(`/r/${s.submitted}/done`);

	// Actions that do not exist, on every page with a form: 404 (405 where the page has none).
	const targets = [`/a/${s.a.links.municipality}`, `/r/${s.draft}/traits`, `/r/${s.draft}/review`, `/r/${s.draft}/done`, `/r/${s.draft}`, `/welcome/${s.welcome.split('/')[2]}`, '/login'];
	// Names the action table has only by inheritance, and the reserved one: all listed at once when they fail.
	const reserved = ['default', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
	const wrong: string[] = [];
	for (const path of targets)
		for (const n of reserved) {
			const before = counts();
			const reply = await send(request, s.origin, 'POST', `${path}?/${n}`, 'nav=next');
			if (reply.status < 400 || reply.status >= 500 || JSON.stringify(counts()) !== JSON.stringify(before)) wrong.push(`POST ${path.replace(/[A-Za-z0-9_-]{43}/, '<token>')}?/${n} → ${reply.status}`);
		}
	expect.soft(wrong, 'an action name the page does not define must be 404, not run or crash').toEqual([]);
	const name = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('start', 'submit', '%', '%FF', HUGE.slice(0, 5000)));
	const target = fc.constantFrom(...targets);
	await fc.assert(
		fc.asyncProperty(target, name, async (path, n) => {
			const action = /^[%]/.test(n) ? n : encodeURIComponent(n);
			// The real actions are start (invitation) and submit (review), and the pages' default: those are not "unknown".
			fc.pre(!(path.startsWith('/a/') && n === 'start') && !(path.endsWith('/review') && n === 'submit'));
			const before = counts();
			const saved = answersOf(s.draft);
			const reply = await send(request, s.origin, 'POST', `${path}?/${action}`, 'nav=next');
			expect(reply.status, `${path}?/${action.slice(0, 60)}`).toBeLessThan(500);
			expect(reply.status).toBeGreaterThanOrEqual(400);
			expect(counts()).toEqual(before);
			expect(answersOf(s.draft)).toEqual(saved);
		}),
		{ numRuns: RUNS }
	);
});

test('route parameters of every page, signed in as an administrator: a bad id, section or token is 404 (400 if its encoding is broken), never a 5xx', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const signIn = await send(request, s.origin, 'POST', '/login', new URLSearchParams({ email: s.access.users.admin.email, password: s.access.password }).toString());
	expect(signIn.status).toBe(303);
	const a = s.access.projects.a;
	const templates: ((x: string) => string)[] = [
		(x) => `/a/${x}`,
		(x) => `/r/${x}`,
		(x) => `/r/${x}/traits`,
		(x) => `/r/${s.draft}/${x}`,
		(x) => `/r/${x}/review`,
		(x) => `/r/${x}/done`,
		(x) => `/welcome/${x}`,
		(x) => `/projects/${x}`,
		(x) => `/projects/${x}/settings`,
		(x) => `/projects/${a.projectId}/pairs/${x}`,
		(x) => `/projects/${x}/pairs/${a.pairId}`,
		(x) => `/projects/${a.projectId}/pairs/${x}/results`,
		(x) => `/projects/${a.projectId}/pairs/${a.pairId}/rounds/${x}`,
		(x) => `/admin/audit/${x}`
	];
	const real = new Set(['traits', 'practice', 'stairs', 'profile', 'review', 'done', String(a.projectId), String(a.pairId), String(a.roundId)]);
	const segment = fc.oneof(badSegment, forgedToken, fc.integer({ min: 100_000, max: 2 ** 31 }).map(String)).filter((x) => {
		try {
			const decoded = decodeURIComponent(x);
			// A short number can be a real row of another fixture or of the demo (an administrator sees
			// them all, rightly with 200): ids from the big integers above are the unknown ones.
			const realElsewhere = /^\d+$/.test(decoded) && Number(decoded) < 100_000;
			return !real.has(decoded) && !realElsewhere && decoded !== '.' && decoded !== '..' && !decoded.includes('/') && !decoded.includes('\\');
		} catch {
			return true;
		}
	});
	let run = 0;
	const reportedAsInternal = new Set<string>();
	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...templates), segment, fc.constantFrom(...LOCALES), async (template, x, locale) => {
			if (run++ % 30 === 0) clearRateLimits();
			const before = counts();
			const path = locale + template(x);
			const reply = await send(request, s.origin, 'GET', path);
			expect(reply.status, path.slice(0, 120)).toBeLessThan(500);
			// The password page shows its own "this link does not work" message.
			if (template(x).startsWith('/welcome/') && reply.status === 200) expect(reply.text).toMatch(USER_MESSAGE);
			else expect([400, 404, 414, 429, 431]).toContain(reply.status);
			expect({ ...counts(), sessions: 0 }).toEqual({ ...before, sessions: 0 });
			// A bad address is the visitor's mistake: the page must not call it an unexpected server error (with an error id to report).
			if (reply.status >= 400 && reply.status < 500 && reply.html && reply.text.includes('errorId')) reportedAsInternal.add(`GET ${path.slice(0, 60)} → ${reply.status}`);
		}),
		{ numRuns: 120 }
	);
	expect([...reportedAsInternal].slice(0, 10), 'a 4xx shown as "unexpected error, try again later" with an error id').toEqual([]);
});

/** One request written byte for byte, for paths no HTTP client would send. */
function rawGet(origin: string, path: Buffer): Promise<number> {
	const { hostname, port } = new URL(origin);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname);
		let head = '';
		socket.on('data', (d) => {
			head += d.toString('latin1');
			const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
			if (match) {
				resolve(Number(match[1]));
				socket.destroy();
			}
		});
		socket.on('error', reject);
		socket.on('close', () => reject(new Error(`no status line: ${head.slice(0, 80)}`)));
		socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
		socket.write(Buffer.concat([Buffer.from('GET '), path, Buffer.from(`  HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`.replace('  ', ' '))]));
	});
}

test('raw invalid bytes in a path: never a 5xx', async ({ request, baseURL }) => {
	const s = await setup(request, baseURL!);
	const prefixes = ['/a/', '/r/', `/r/${s.draft}/`, '/welcome/', '/projects/', '/sv/r/'];
	const bytes = fc.uint8Array({ minLength: 1, maxLength: 43 }).map((b) => Buffer.from(b.map((x) => (x <= 0x20 || x === 0x7f ? 0xff : x))));
	let run = 0;
	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...prefixes), bytes, async (prefix, b) => {
			if (run++ % 30 === 0) clearRateLimits();
			const before = counts();
			const status = await rawGet(s.origin, Buffer.concat([Buffer.from(prefix), b]));
			expect(status).toBeLessThan(500);
			expect(counts()).toEqual(before);
		}),
		{ numRuns: RUNS }
	);
});

test('broken percent-encoding and invalid UTF-8 in form bodies: never a 5xx, and a refused post writes nothing', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const broken = fc.oneof(
		fc.constantFrom('%', '%Z', '%ZZ', '%FF', '%C0%AF', '%E0%A4%A', '%ED%A0%80', '%00', '%%', '&&&', '=', '==', '&=&', '%2', '+'),
		fc.uint8Array({ minLength: 1, maxLength: 16 }).map((b) => Buffer.from(b).toString('latin1'))
	);
	type Target = { path: string; base: string };
	const targets: Target[] = [
		...completePages(5).map(({ section, form }) => ({ path: `/r/${s.draft}/${section}`, base: form.toString() })),
		{ path: `/r/${s.closedDraft}/traits`, base: completePages(5)[0].form.toString() },
		{ path: `/r/${s.submitted}/review?/submit`, base: '' },
		{ path: `/a/${s.closed.links.municipality}?/start`, base: '' },
		{ path: '/login', base: new URLSearchParams({ email: s.access.users.admin.email, password: 'väärä salasana' }).toString() },
		{ path: s.welcome, base: new URLSearchParams({ password: 'lyhyt', password_again: 'lyhyt' }).toString() }
	];
	let run = 0;
	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...targets), broken, fc.constantFrom('key', 'value', 'whole'), async (target, junk, where) => {
			if (run++ % 20 === 0) clearRateLimits();
			const bytes = Buffer.from(junk, 'latin1');
			const body =
				where === 'whole'
					? bytes
					: where === 'key'
						? Buffer.concat([Buffer.from(target.base + (target.base ? '&' : '')), bytes, Buffer.from('=3')])
						: Buffer.concat([Buffer.from(target.base + (target.base ? '&' : '') + 'comment='), bytes]);
			const before = counts();
			const saved = answersOf(s.draft);
			const reply = await send(request, s.origin, 'POST', target.path, body);
			expect(reply.status, `${target.path} ${where} ${JSON.stringify(junk)}`).toBeLessThan(500);
			if (reply.status === 400 && reply.html) expect(reply.text).toMatch(USER_MESSAGE);
			if (reply.status >= 400 || !target.path.startsWith(`/r/${s.draft}/`)) {
				expect({ ...counts(), sessions: 0 }).toEqual({ ...before, sessions: 0 });
				expect(answersOf(s.draft)).toEqual(saved);
			}
			expect(invalidStored(s.draft)).toEqual([]);
		}),
		{ numRuns: RUNS }
	);
});

test('bodies that are no form at all (text/plain, broken multipart) on every form action: a 4xx, never a 5xx, nothing written', async ({ request, baseURL }) => {
	const s = await setup(request, baseURL!);
	const targets = [
		...SECTIONS.map((section) => `/r/${s.draft}/${section}`),
		`/r/${s.closedDraft}/review?/submit`,
		'/login',
		s.welcome
	];
	const body = fc.oneof(
		fc.record({ contentType: fc.constant('text/plain'), body: fc.string({ maxLength: 200 }) }),
		fc.record({ contentType: fc.constant('text/plain;charset=UTF-8'), body: fc.constantFrom('trust.1=3', 'email=a@b.fi\r\npassword=x') }),
		fc.record({ contentType: fc.constant('multipart/form-data'), body: fc.string({ maxLength: 200 }) }),
		fc.record({
			contentType: fc.constant('multipart/form-data; boundary=fuzz'),
			body: fc.constantFrom('', 'garbage', '--fuzz', '--fuzz\r\n\r\n', '--fuzz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--fuzz--', '--other\r\n\r\n--other--')
		})
	);
	// Every target with each kind first, so that a failure lists them all.
	const wrong: string[] = [];
	for (const path of targets)
		for (const [contentType, raw] of [
			['text/plain', 'trust.1=3'],
			['multipart/form-data', 'x'],
			['multipart/form-data; boundary=fuzz', 'garbage']
		]) {
			const before = counts();
			const reply = await send(request, s.origin, 'POST', path, raw, contentType);
			if (reply.status < 400 || reply.status >= 500 || JSON.stringify(counts()) !== JSON.stringify(before))
				wrong.push(`POST ${path.replace(/[A-Za-z0-9_-]{43}/, '<token>')} (${contentType}) → ${reply.status}`);
		}
	expect.soft(wrong, 'a body that is no form must be refused with a 4xx').toEqual([]);
	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...targets), body, async (path, { contentType, body }) => {
			const before = counts();
			const saved = answersOf(s.draft);
			const reply = await send(request, s.origin, 'POST', path, body, contentType);
			expect(reply.status, `${path} ${contentType} ${JSON.stringify(body.slice(0, 60))}`).toBeLessThan(500);
			expect(reply.status).toBeGreaterThanOrEqual(400);
			expect(counts()).toEqual(before);
			expect(answersOf(s.draft)).toEqual(saved);
		}),
		{ numRuns: 40 }
	);
});

const junkField = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
	{ weight: 2, arbitrary: fc.constantFrom('', ' ', 'a@b', '@example.fi', 'x@example.fi', 'ADMIN@EXAMPLE.FI', 'null', '[]', '{"$ne":null}', "' OR 1=1 --", '\u0000', 'a'.repeat(255) + '@example.fi') },
	{ weight: 1, arbitrary: fc.constant(HUGE) }
);

test('sign-in with wrong types, huge values, extra fields and invalid bytes: 400 or 429 with a message, never a 5xx, no session', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const email = fc.oneof(junkField, fc.constant(s.access.users.admin.email), fc.emailAddress());
	const form = fc.record({
		email: fc.option(email, { nil: undefined }),
		password: fc.option(junkField, { nil: undefined }),
		next: fc.option(junkField, { nil: undefined }),
		extra: fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), junkField), { maxLength: 3 }),
		bytes: fc.option(fc.uint8Array({ minLength: 1, maxLength: 12 }), { nil: undefined })
	});
	let run = 0;
	await fc.assert(
		fc.asyncProperty(form, fc.constantFrom(...LOCALES), async ({ email, password, next, extra, bytes }, locale) => {
			if (run++ % 20 === 0) clearRateLimits();
			const fields: [string, string][] = [...extra];
			if (email !== undefined) fields.push(['email', email]);
			if (password !== undefined) fields.push(['password', password]);
			if (next !== undefined) fields.push(['next', next]);
			let body: string | Buffer = new URLSearchParams(fields).toString();
			if (bytes) body = Buffer.concat([Buffer.from(body + '&password='), Buffer.from(bytes)]);
			const before = counts();
			const reply = await send(request, s.origin, 'POST', `${locale}/login`, body);
			expect([400, 429]).toContain(reply.status);
			expect(reply.html).toBe(true);
			expect(reply.text).toMatch(USER_MESSAGE);
			expect(counts()).toEqual(before);
		}),
		{ numRuns: 40 }
	);
});

test('after sign-in, any "next" leads to a page of this site only, never a 5xx', async ({ playwright, baseURL }) => {
	test.setTimeout(60_000);
	const setupRequest = await playwright.request.newContext({ baseURL });
	const s = await setup(setupRequest, baseURL!);
	await setupRequest.dispose();
	const next = fc.oneof(
		fc.constantFrom('/projects', '/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\\evil.example', '//evil.example', '/%09/evil.example', 'https://evil.example', '/\u0000', '/ /evil.example', 'javascript:alert(1)', '/é?x=1#y'),
		fc.string({ unit: 'grapheme', maxLength: 30 }).map((x) => `/${x}`),
		fc.string({ unit: fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', 'e', '.', ':', '%', '0', '9', '@'), maxLength: 8 }).map((x) => `/${x}evil.example`)
	);
	const signIn = async (n: string) => {
		clearRateLimits();
		const request = await playwright.request.newContext({ baseURL });
		try {
			const reply = await send(request, s.origin, 'POST', '/login', new URLSearchParams({ email: s.access.users.admin.email, password: s.access.password, next: n }).toString());
			const again = reply.status === 303 ? await send(request, s.origin, 'GET', `/login?next=${encodeURIComponent(n)}`) : undefined;
			return { reply, again };
		} finally {
			await request.dispose();
		}
	};
	// The known tricks first, all reported at once.
	const wrong: string[] = [];
	for (const n of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\u0000', '/\\evil.example', '//evil.example', 'https://evil.example', '/日本']) {
		const { reply, again } = await signIn(n);
		const offSite = (r: Reply | undefined) => !r || r.status !== 303 || new URL(r.location!, s.origin).origin !== s.origin;
		if (offSite(reply)) wrong.push(`POST /login next=${JSON.stringify(n)} → ${reply.status} ${JSON.stringify(reply.location ?? null)}`);
		if (reply.status === 303 && offSite(again)) wrong.push(`GET /login?next=${encodeURIComponent(n)} (signed in) → ${again?.status} ${JSON.stringify(again?.location ?? null)}`);
	}
	expect.soft(wrong, 'after sign-in the browser must stay on this site').toEqual([]);
	await fc.assert(
		fc.asyncProperty(next, async (n) => {
			clearRateLimits();
			// A fresh context each time: a signed-in user would skip the form.
			const request = await playwright.request.newContext({ baseURL });
			try {
				const reply = await send(request, s.origin, 'POST', '/login', new URLSearchParams({ email: s.access.users.admin.email, password: s.access.password, next: n }).toString());
				expect(reply.status, `next=${JSON.stringify(n)}`).toBe(303);
				// Resolved as a browser does (it drops tabs and newlines): it must stay on this site.
				expect(new URL(reply.location!, s.origin).origin, `next=${JSON.stringify(n)} → Location ${JSON.stringify(reply.location)}`).toBe(s.origin);
				// The same for a signed-in user who opens /login?next=… (a link anyone can send).
				const again = await send(request, s.origin, 'GET', `/login?next=${encodeURIComponent(n)}`);
				expect(again.status, `GET /login?next=${JSON.stringify(n)}`).toBe(303);
				expect(new URL(again.location!, s.origin).origin, `GET /login?next=${JSON.stringify(n)} → ${JSON.stringify(again.location)}`).toBe(s.origin);
			} finally {
				await request.dispose();
			}
		}),
		{ numRuns: 25 }
	);
});

test('a password link refuses bad passwords with a message and stays unused; used once, it is refused after', async ({ request, baseURL }) => {
	test.setTimeout(60_000);
	const s = await setup(request, baseURL!);
	const token = s.welcome.split('/')[2];
	const ascii = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöå ABC0123456789!?'.split(''));
	const invalid = fc.oneof(
		fc.string({ unit: ascii, maxLength: 11 }).map((p) => ({ password: p, password_again: p })),
		fc.integer({ min: 129, max: 100_000 }).map((n) => ({ password: 'p'.repeat(n), password_again: 'p'.repeat(n) })),
		fc.string({ unit: ascii, minLength: 12, maxLength: 60 }).map((p) => ({ password: p, password_again: `${p}!` })),
		fc.string({ unit: ascii, minLength: 12, maxLength: 60 }).map((p) => ({ password: p })),
		fc.string({ unit: ascii, minLength: 12, maxLength: 60 }).map((p) => ({ password_again: p })),
		fc.tuple(junkField, junkField).filter(([p, q]) => p !== q).map(([p, q]) => ({ password: p, password_again: q }))
	);
	let run = 0;
	await fc.assert(
		fc.asyncProperty(invalid, fc.option(fc.uint8Array({ minLength: 1, maxLength: 8 }), { nil: undefined }), fc.constantFrom(...LOCALES), async (fields, bytes, locale) => {
			if (run++ % 20 === 0) clearRateLimits();
			let body: string | Buffer = new URLSearchParams(fields as Record<string, string>).toString();
			// Invalid bytes go into an extra field, so that the pair stays invalid.
			if (bytes) body = Buffer.concat([Buffer.from(`${body}&extra=`), Buffer.from(bytes)]);
			const before = counts();
			const reply = await send(request, s.origin, 'POST', `${locale}/welcome/${token}`, body);
			expect(reply.status).toBe(400);
			expect(reply.text).toMatch(USER_MESSAGE);
			expect(counts()).toEqual(before);
		}),
		{ numRuns: RUNS }
	);
	const good = new URLSearchParams({ password: 'oikein pitkä salasana 2026', password_again: 'oikein pitkä salasana 2026' }).toString();
	const set = await send(request, s.origin, 'POST', `/welcome/${token}`, good);
	expect(set.status).toBe(303);
	const before = counts();
	const replay = await send(request, s.origin, 'POST', `/welcome/${token}`, good);
	expect(replay.status).toBe(404);
	expect(replay.text).toMatch(USER_MESSAGE);
	expect(counts()).toEqual(before);
});
