/**
 * The JavaScript a page loads, from the built output: the modules its HTML names (modulepreload
 * links and the inline start script's imports) and everything they import statically, plus —
 * separately — what those modules import dynamically (such as chart.js, fetched when a chart is
 * drawn). The router table's imports of every page (entry/app.*.js) are not followed: a page loads
 * only its own nodes, which its HTML names. Sizes are gzip -9 of the files in build/client.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

let CLIENT = resolve('build/client');

/** Where the built client files are (build/client, or the bench's copy of it). */
export function useClientDir(dir: string): void {
	CLIENT = resolve(dir);
}

export interface JsFile {
	path: string;
	bytes: number;
	gzip: number;
	chart: boolean;
	/** Compiled message functions in it (paraglide: one per message and language). */
	messages: number;
}

export interface PageJs {
	files: JsFile[];
	gzip: number;
	bytes: number;
	/** Loaded later by dynamic import from the page's own modules. */
	dynamic: JsFile[];
	dynamicGzip: number;
	chartStatic: boolean;
	chartDynamic: boolean;
	/** Compiled message functions (paraglide: one per message and language) in the modules loaded with the page. */
	messageFunctions: number;
}

/** The module paths (/_app/…) an HTML page names, and the scripts it loads. */
export function namedModules(html: string, linkHeader: string | undefined, pageUrl: string): string[] {
	const found = new Set<string>();
	for (const tag of html.match(/<link\b[^>]*>/g) ?? [])
		if (/rel="modulepreload"/.test(tag)) found.add(new URL(/href="([^"]+)"/.exec(tag)![1], pageUrl).pathname);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) found.add(new URL(m[1], pageUrl).pathname);
	// A page without the framework (csr = false) loads its own small script.
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) found.add(new URL(m[1], pageUrl).pathname);
	for (const m of (linkHeader ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) found.add(new URL(m[1], pageUrl).pathname);
	return [...found].filter((p) => p.endsWith('.js'));
}

const cache = new Map<string, { text: string; bytes: number; gzip: number }>();
function file(path: string) {
	let entry = cache.get(path);
	if (!entry) {
		const buffer = readFileSync(path);
		entry = { text: buffer.toString('utf8'), bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
		cache.set(path, entry);
	}
	return entry;
}

const staticImports = (text: string) => [...text.matchAll(/\b(?:from|import)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]);
const dynamicImports = (text: string) => [...text.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]);
/** chart.js's own marker on the canvases it manages; no other module has it. */
const isChart = (text: string) => /\._chartjs\b/.test(text);
const isRouterTable = (path: string) => /\/entry\/app\.[^/]+\.js$/.test(path);

function closure(starts: string[], seen = new Set<string>()): Set<string> {
	const queue = starts.filter((p) => !seen.has(p));
	const out = new Set<string>();
	while (queue.length) {
		const path = queue.pop()!;
		if (seen.has(path)) continue;
		seen.add(path);
		out.add(path);
		for (const spec of staticImports(file(path).text)) queue.push(resolve(dirname(path), spec));
	}
	return out;
}

export function pageJs(modules: string[]): PageJs {
	const starts = modules.map((m) => join(CLIENT, m));
	const seen = new Set<string>();
	const statics = closure(starts, seen);
	const dynamicStarts = [...statics].filter((p) => !isRouterTable(p)).flatMap((p) => dynamicImports(file(p).text).map((spec) => resolve(dirname(p), spec)));
	const dynamics = closure(dynamicStarts, seen);
	const describe = (p: string): JsFile => ({
		path: relative(CLIENT, p),
		bytes: file(p).bytes,
		gzip: file(p).gzip,
		chart: isChart(file(p).text),
		messages: file(p).text.match(/=\(\)=>`/g)?.length ?? 0
	});
	const files = [...statics].map(describe);
	const dynamic = [...dynamics].map(describe);
	return {
		files,
		gzip: files.reduce((a, f) => a + f.gzip, 0),
		bytes: files.reduce((a, f) => a + f.bytes, 0),
		dynamic,
		dynamicGzip: dynamic.reduce((a, f) => a + f.gzip, 0),
		messageFunctions: files.reduce((a, f) => a + f.messages, 0),
		chartStatic: files.some((f) => f.chart),
		chartDynamic: dynamic.some((f) => f.chart)
	};
}

/** What every one of these pages loads with it: the framework and the root layout. */
export function commonFloor(pages: PageJs[]): { files: JsFile[]; gzip: number } {
	const [first, ...rest] = pages;
	const files = first.files.filter((f) => rest.every((p) => p.files.some((g) => g.path === f.path)));
	return { files, gzip: files.reduce((a, f) => a + f.gzip, 0) };
}
