/**
 * A second server of the built app on its own port and database file, for the load and crash
 * tests (which must not disturb the suite's shared server), and the respondent's HTTP flow
 * that they drive against it with plain fetch.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemsOf } from '../../src/lib/assessment/answers';
import { SECTIONS, sectionItems } from '../../src/lib/assessment/sections';
import { currentVersion } from '../../src/lib/assessment/versions';

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export interface SeparateServer {
	origin: string;
	port: number;
	databasePath: string;
	process: ChildProcess;
	/** Everything the server wrote, for the failure message. */
	output: () => string;
	/** SIGKILL by default: for the crash test that is the point, elsewhere it is just quick. */
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A fresh temporary database file (its folder is removed by `removeDatabase`). */
export function freshDatabase(label: string): string {
	return join(mkdtempSync(join(tmpdir(), `portaat-${label}-`)), 'portaat.db');
}

export function removeDatabase(databasePath: string): void {
	rmSync(databasePath.replace(/\/portaat\.db$/, ''), { recursive: true, force: true });
}

/**
 * Starts the app as `npm start` does (scripts/serve.js) on the given database and waits until it
 * answers. ORIGIN is http://127.0.0.1:PORT unless `env` says otherwise (`ORIGIN: ''` for none).
 */
export async function startServer(databasePath: string, port?: number, env: Record<string, string> = {}): Promise<SeparateServer> {
	port ??= await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_PATH: databasePath,
			// Hundreds of respondents from one address on one link: these servers measure throughput, not the start limit.
			START_LIMIT_PER_ADDRESS: '100000',
			START_LIMIT_PER_LINK: '100000',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const server: SeparateServer = {
		origin,
		port,
		databasePath,
		process: child,
		output: () => log,
		stop: async (signal = 'SIGKILL') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${log}`);
		try {
			const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
			await response.arrayBuffer();
			if (response.status < 500) return server;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await server.stop();
			throw new Error(`The server did not answer within 20 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

export interface Round {
	projectId: number;
	pairId: number;
	roundId: number;
	links: { municipality: string; association: string };
}

/** A project, a pair and an open round made by the fixture script (the repositories) on that database. */
export function createRound(databasePath: string): Round {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'round'], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		encoding: 'utf8'
	});
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

// The questionnaire new rounds use, read from the library so that a new version needs no edit here.
const version = currentVersion;
const choiceOptions = (id: string) => version.descriptive.find((d) => d.id === id)?.options.map((o) => o.id) ?? [];
/** The options of every choice question, by question id. */
export const CHOICE_OPTIONS: Record<string, string[]> = Object.fromEntries(version.descriptive.map((d) => [d.id, choiceOptions(d.id)]));
export const ACTIVITIES = choiceOptions('activities');
/** Every option of the other choice questions (resources, scope). */
export const RESOURCES = [...new Set(version.descriptive.filter((d) => d.id !== 'activities').flatMap((d) => choiceOptions(d.id)))];
export type Section = (typeof SECTIONS)[number];
type Kind = 'agreement' | 'step' | 'choice' | 'text';
/** The items of each questionnaire page of the current version, by kind. */
export const SECTION_ITEMS = {} as Record<Section, Record<Kind, readonly string[]>>;
for (const section of SECTIONS) {
	const items = sectionItems(version, section);
	const of = (kind: Kind) => items.filter((i) => i.kind === kind).map((i) => i.id);
	SECTION_ITEMS[section] = { agreement: of('agreement'), step: of('step'), choice: of('choice'), text: of('text') };
}
/** Items a complete response stores: every statement, two steps, every choice list and a comment. */
export const ANSWERS_PER_RESPONSE = itemsOf(version).length;

/** The four questionnaire pages filled in completely, as a browser would post them; `seed` varies the answers. */
export function completePages(seed: number): { section: string; form: URLSearchParams }[] {
	const pick = <T>(list: readonly T[], i: number) => list[(seed + i) % list.length];
	const agreement = ['1', '2', '3', '4', '5', 'na'];
	const traits = new URLSearchParams();
	SECTION_ITEMS.traits.agreement.forEach((id, i) => traits.append(id, pick(agreement, i)));
	traits.append('nav', 'next');
	const practice = new URLSearchParams();
	SECTION_ITEMS.practice.agreement.forEach((id, i) => practice.append(id, pick(agreement, i * 7 + 3)));
	practice.append('nav', 'next');
	const stairs = new URLSearchParams({ 'stairs.now': String(1 + (seed % 6)), 'stairs.target': String(1 + ((seed + 1) % 6)), nav: 'next' });
	const profile = new URLSearchParams();
	for (const id of SECTION_ITEMS.profile.choice) profile.append('_choices', id);
	SECTION_ITEMS.profile.choice.forEach((id, i) => {
		const options = CHOICE_OPTIONS[id];
		if (i % 2 === 0) profile.append(id, pick(options, i));
		profile.append(id, pick(options, i + 3) === pick(options, i) ? pick(options, i + 1) : pick(options, i + 3));
	});
	profile.append('comment', `Vastaaja ${seed}: yhteistyö sujuu, tapaamisia saisi olla useammin.`);
	profile.append('nav', 'review');
	return [
		{ section: 'traits', form: traits },
		{ section: 'practice', form: practice },
		{ section: 'stairs', form: stairs },
		{ section: 'profile', form: profile }
	];
}

export class ServerError extends Error {}

export interface Respondent {
	/** Every status the server answered with, in order. */
	statuses: number[];
	resume?: string;
}

/** One form post the way a browser without JavaScript makes it; the redirect is not followed. */
export async function post(origin: string, path: string, body: URLSearchParams | string, record: number[]): Promise<Response> {
	const response = await fetch(origin + path, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	});
	await response.arrayBuffer();
	record.push(response.status);
	return response;
}

/** Starts a response on the invitation and returns its resume token (from the redirect to its first page). */
export async function start(origin: string, invitation: string, record: number[]): Promise<string> {
	const response = await post(origin, `/a/${invitation}?/start`, '', record);
	const location = response.headers.get('location') ?? '';
	const match = /^\/r\/([A-Za-z0-9_-]{43})\/traits$/.exec(location);
	if (response.status !== 303 || !match) throw new ServerError(`start: ${response.status} ${location}`);
	return match[1];
}

/** Posts the four pages; each must be saved and lead on. */
export async function answer(origin: string, resume: string, seed: number, record: number[]): Promise<void> {
	for (const { section, form } of completePages(seed)) {
		const response = await post(origin, `/r/${resume}/${section}`, form, record);
		if (response.status !== 303) throw new ServerError(`${section}: ${response.status}`);
	}
}

/** Submits; true when the server said so (a 303 to the thank-you page). */
export async function submit(origin: string, resume: string, record: number[]): Promise<boolean> {
	const response = await post(origin, `/r/${resume}/review?/submit`, '', record);
	return response.status === 303 && response.headers.get('location') === `/r/${resume}/done`;
}
