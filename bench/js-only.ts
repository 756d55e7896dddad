/**
 * npx tsx bench/js-only.ts [--no-build] [--browser N] [BUILD_DIR…]
 *
 * Measure 3 of bench/run.ts alone, in seconds rather than the whole bench's tens of minutes: the
 * gzip bytes of the JavaScript the questionnaire page loads, against what every page loads (the
 * framework and the root layout), computed from the built output exactly as bench/run.ts does
 * (bench/js-size.ts). Each BUILD_DIR (default: build, built first unless --no-build) is started on
 * the same small database, so an earlier build copied aside and the current one are measured side
 * by side in one run. The questionnaire is measured in all three languages. With --browser N, also
 * the questionnaire's LCP and TBT in Chromium under Slow 4G and 4× CPU slowdown (bench/browser.ts),
 * median of N runs.
 *
 * A BUILD_DIR outside build/ must sit inside this repository (e.g. under node_modules/.cache) so
 * that the app's packages resolve from it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { browserTimings } from './browser.ts';
import { BENCH_ADMIN, createBenchAdmin, historyFixture } from './data.ts';
import { commonFloor, namedModules, pageJs, useClientDir, type PageJs } from './js-size.ts';
import { client, freePort, startApp } from './lib.ts';

const { values: opts, positionals } = parseArgs({
	options: { 'no-build': { type: 'boolean' }, browser: { type: 'string' } },
	allowPositionals: true
});
const builds = positionals.length ? positionals : ['build'];
const log = (...a: unknown[]) => console.error('·', ...a);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
	if (!opts['no-build'] && builds.includes('build')) {
		log('building the app (npm run build)…');
		execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	}
	const tmp = mkdtempSync(join(os.tmpdir(), 'portaat-js-'));
	try {
		const file = join(tmp, 'js.db');
		// One pair with two rounds (the second open, with drafts) is enough for every page measured.
		const history = historyFixture(file, 1, 2, 3, 1);
		await createBenchAdmin(file);

		for (const dir of builds) {
			const entry = resolve(dir, 'index.js');
			if (!existsSync(entry)) throw new Error(`${entry} is missing`);
			useClientDir(resolve(dir, 'client'));
			const server = await startApp(entry, file, await freePort());
			try {
				const http = client(server.origin, 1);
				const get = async (path: string, cookie?: string): Promise<PageJs> => {
					const page = await http.request('GET', path, '', cookie ? { cookie } : {});
					if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
					return pageJs(namedModules(page.body, page.headers.link as string, server.origin + path));
				};
				const login = await http.request('POST', '/login', new URLSearchParams(BENCH_ADMIN).toString());
				const cookie = /portaat_session=[^;]+/.exec(String(login.headers['set-cookie'] ?? ''))?.[0];
				if (login.status !== 303 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
				const html = (await http.request('GET', `/r/${history.draft}/traits`)).body;
				const questionnaire = {
					fi: await get(`/r/${history.draft}/traits`),
					sv: await get(`/sv/r/${history.draft}/traits`),
					en: await get(`/en/r/${history.draft}/traits`)
				};
				const review = await get(`/r/${history.draft}/review`);
				const results = await get(`/projects/${history.smallProjectId}/pairs/${history.pairId}/results`, cookie);
				const others = [await get('/'), await get('/login'), await get('/privacy')];
				http.close();
				const floor = commonFloor([questionnaire.fi, results, ...others]);
				console.log(`\n${dir}`);
				console.log(`  every page (framework and root layout): ${kb(floor.gzip)} in ${floor.files.length} modules`);
				for (const [locale, q] of Object.entries(questionnaire)) {
					const total = q.gzip + q.dynamicGzip;
					console.log(
						`  questionnaire (${locale}): ${kb(total)} gzip (${kb(q.bytes)} raw), ${q.files.length} modules, ${q.messageFunctions} message functions — target ≤ 45 KB ${total <= 45 * 1024 ? '✓' : '✗'}`
					);
				}
				console.log(`  questionnaire's HTML (fi): ${kb(Buffer.byteLength(html))} as served, ${kb(gzipSync(html, { level: 9 }).length)} gzip`);
				const own = questionnaire.fi.files.filter((f) => !floor.files.some((g) => g.path === f.path)).sort((a, b) => b.gzip - a.gzip);
				console.log(`  the questionnaire's own (fi): ${own.map((f) => `${f.path.replace('_app/immutable/', '')} ${kb(f.gzip)}`).join(', ')}`);
				console.log(`  floor: ${[...floor.files].sort((a, b) => b.gzip - a.gzip).map((f) => `${f.path.replace('_app/immutable/', '')} ${kb(f.gzip)}`).join(', ')}`);
				console.log(`  respondent's review page: ${kb(review.gzip + review.dynamicGzip)}, ${review.messageFunctions} message functions`);
				console.log(`  results page: ${kb(results.gzip)} with the page + ${kb(results.dynamicGzip)} later`);
				if (opts.browser) {
					const runs = Number(opts.browser);
					const [b] = await browserTimings(server.origin, [{ name: 'questionnaire', path: `/r/${history.draft}/traits` }], runs);
					console.log(`  questionnaire in Chromium, Slow 4G, 4× CPU: LCP ${b.lcp.toFixed(0)} ms, TBT ${b.tbt.toFixed(0)} ms (median of ${runs}; runs ${b.runs.map((r) => `${r.lcp.toFixed(0)}/${r.tbt.toFixed(0)}`).join(', ')})`);
				}
			} finally {
				await server.stop();
			}
		}
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
