import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { e2eDatabasePath } from './database-path.js';

export const DATABASE_PATH = e2eDatabasePath();

/** Runs the operator CLI against the browser tests' database. */
export function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/portaat.ts', ...args], {
		env: { ...process.env, DATABASE_PATH, ORIGIN: '' },
		encoding: 'utf8'
	});
}

/** Creates an administrator with the CLI and returns the path of their one-time link. */
export function createAdmin(email: string, name = 'Test Admin'): string {
	const out = cli('create-admin', '--email', email, '--name', name);
	return /(\/welcome\/[A-Za-z0-9_-]{43})/.exec(out)![1];
}

/**
 * Opens a page and waits until it is hydrated: text typed before hydration can be reset by it
 * (the sign-in e-mail once came back empty on a busy machine).
 */
export async function gotoHydrated(page: Page, path: string) {
	await page.goto(path);
	await waitHydrated(page);
}

/**
 * Waits until the page shown is hydrated (on a server-only page: until its script has run), before
 * typing into it. After a navigation, first wait for something of the new page (a heading, a URL,
 * a status): the page before it had the mark too.
 */
export async function waitHydrated(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

export async function setPassword(page: Page, linkPath: string, password: string) {
	await gotoHydrated(page, linkPath);
	await page.getByLabel(/^Uusi salasana$/).fill(password);
	await page.getByLabel('Uusi salasana uudelleen').fill(password);
	await page.getByRole('button', { name: 'Tallenna salasana ja kirjaudu' }).click();
	await expect(page).toHaveURL(/\/projects$/);
}

export async function signIn(page: Page, email: string, password: string) {
	await gotoHydrated(page, '/login');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Salasana', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
	await expect(page).toHaveURL(/\/login\?signed_out/);
}

/** axe-core with the WCAG 2.1 A and AA rules; the page must have no violations. */
export async function expectAccessible(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(result.violations, result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`).join('\n')).toEqual([]);
}

export interface RoundFixture {
	projectId: number;
	pairId: number;
	roundId: number;
	links: { municipality: string; association: string };
}

/** A project with one pair and an open round, made through the repositories. */
export function roundFixture(...args: string[]): RoundFixture {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'round', ...args], {
		env: { ...process.env, DATABASE_PATH },
		encoding: 'utf8'
	});
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** Reads the browser tests' database directly, to check what was stored. */
export function query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(DATABASE_PATH, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

export interface AccessProject {
	projectId: number;
	name: string;
	organisations: [number, number];
	pairId: number;
	roundId: number;
	meetingId: number;
	/** A declared theme with one actor, to be invited, on its map. */
	groupId: number;
	actorId: number;
	tableId: number;
	agendaItemId: number;
	agreementId: number;
	instrumentId: number;
	tableLink: string;
	links: { municipality: string; association: string };
}

export interface AccessFixture {
	/** The one password of all three users. */
	password: string;
	users: Record<'admin' | 'worker' | 'coordinator', { id: number; email: string }>;
	/** The worker and the coordinator belong to A only. */
	projects: { a: AccessProject; b: AccessProject };
}

/** Two projects, each with two organisations, a pair and an open round, and an administrator, a project worker of A and a coordinator of A. */
export function accessFixture(): AccessFixture {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/fixture.ts', 'access'], {
		env: { ...process.env, DATABASE_PATH },
		encoding: 'utf8'
	});
	return JSON.parse(out.trim().split('\n').at(-1)!);
}
