/**
 * The baseline of the submit benchmark: a bare node:http server with better-sqlite3 that stores a
 * complete response as the app's database wants it (see baseline-store.ts), with the same
 * connection pragmas as the app (openDatabase: WAL, synchronous = FULL, foreign keys). No
 * framework, no validation beyond reading the numbers, no round aggregate, no rate-limit lookup.
 * The bench bundles it with esbuild and runs it with plain node:
 *   PORT=… DATABASE_PATH=… ROUND_ID=… node baseline.mjs
 */
import { createServer } from 'node:http';
import { openDatabase } from '../src/lib/server/db.ts';
import { makeFlow, makeStore } from './baseline-store.ts';

const db = openDatabase(process.env.DATABASE_PATH!);
// For the machine's limit without the app's durability choice: SYNCHRONOUS=NORMAL (never corrupts in WAL mode; may lose the last commits on power loss).
if (process.env.SYNCHRONOUS === 'NORMAL') db.pragma('synchronous = NORMAL');
const store = makeStore(db, Number(process.env.ROUND_ID));
const flow = makeFlow(db, Number(process.env.ROUND_ID));
const NEXT: Record<string, string> = { traits: 'practice', practice: 'stairs', stairs: 'profile', profile: 'review' };

/** The flow's routes, as the app's: POST /start, POST /r/<token>/<page>, POST /r/<token>/submit; each answers 303. */
function route(url: string, form: URLSearchParams): string | undefined {
	if (url === '/submit') return `/r/${store(form)}/done`;
	if (url === '/start') return `/r/${flow.start(form.get('side') ?? 'municipality')}/traits`;
	const [, token, page] = /^\/r\/([A-Za-z0-9_-]{43})\/([a-z]+)$/.exec(url) ?? [];
	if (page === 'submit') return flow.submit(token) ? `/r/${token}/done` : undefined;
	if (page && NEXT[page]) return flow.save(token, form) ? `/r/${token}/${NEXT[page]}` : undefined;
	return undefined;
}

const server = createServer((req, res) => {
	if (req.method !== 'POST') {
		res.writeHead(req.url === '/' ? 200 : 404).end();
		return;
	}
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		try {
			const location = route(req.url ?? '', new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
			if (location) res.writeHead(303, { location, 'content-length': 0 }).end();
			else res.writeHead(404, { 'content-length': 0 }).end();
		} catch (error) {
			console.error(error);
			res.writeHead(500).end();
		}
	});
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`baseline listening on ${process.env.PORT}`));
process.on('SIGTERM', () => {
	server.close();
	db.close();
	process.exit(0);
});
