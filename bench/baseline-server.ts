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
import { makeStore } from './baseline-store.ts';

const db = openDatabase(process.env.DATABASE_PATH!);
// For the machine's limit without the app's durability choice: SYNCHRONOUS=NORMAL (never corrupts in WAL mode; may lose the last commits on power loss).
if (process.env.SYNCHRONOUS === 'NORMAL') db.pragma('synchronous = NORMAL');
const store = makeStore(db, Number(process.env.ROUND_ID));

const server = createServer((req, res) => {
	if (req.method !== 'POST' || req.url !== '/submit') {
		res.writeHead(req.url === '/' ? 200 : 404).end();
		return;
	}
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		try {
			const token = store(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
			res.writeHead(303, { location: `/r/${token}/done`, 'content-length': 0 }).end();
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
