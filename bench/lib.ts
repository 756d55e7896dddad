/** Processes, an HTTP client with keep-alive, and a closed-loop load generator for the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createNetServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export interface Proc {
	origin: string;
	child: ChildProcess;
	log: () => string;
	stop: () => Promise<void>;
}

/** Starts a server process and waits until GET / answers. */
export async function startProcess(args: string[], env: Record<string, string>, port: number): Promise<Proc> {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const proc: Proc = {
		origin,
		child,
		log: () => log,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${log}`);
		try {
			const r = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
			await r.arrayBuffer();
			if (r.status < 500) return proc;
		} catch {
			// not yet
		}
		if (Date.now() > deadline) {
			await proc.stop();
			throw new Error(`${args.join(' ')} did not answer in 30 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The built app (its entry, build/index.js or a copy) on a database file; `flags` go to node. */
export function startApp(entry: string, databasePath: string, port: number, flags: string[] = []): Promise<Proc> {
	return startProcess([...flags, entry], { HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATABASE_PATH: databasePath }, port);
}

/** Peak and current resident memory of a process, from /proc (Linux). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** An HTTP/1.1 client with its own keep-alive pool of `sockets` connections. */
export function client(origin: string, sockets: number) {
	const { hostname, port } = new URL(origin);
	const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
	const request = (method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<Reply> =>
		new Promise((resolve, reject) => {
			const data = Buffer.from(body);
			const req = http.request(
				{
					host: hostname,
					port: Number(port),
					method,
					path,
					agent,
					headers: {
						origin,
						accept: 'text/html',
						...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': data.length } : {}),
						...headers
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
					res.on('error', reject);
				}
			);
			req.on('error', reject);
			req.end(data);
		});
	return { request, close: () => agent.destroy() };
}
export type Client = ReturnType<typeof client>;

export interface LoadResult {
	concurrency: number;
	seconds: number;
	completed: number;
	failed: number;
	perSecond: number;
	p50: number;
	p99: number;
	firstFailure?: string;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * A closed loop: `concurrency` clients, each doing one operation after the other until the time
 * is up (or `work` says there is nothing left). Latency is per operation, end to end.
 *
 * Each client's connection is opened by one untimed operation first: on a saturated Node server
 * the first request on a new connection can wait seconds behind the established keep-alive
 * connections (it does for any Node server whose handler takes several event-loop turns; a plain
 * node:http server with a few setImmediate hops shows it too), which would measure connection
 * set-up under overload rather than the steady state compared here.
 */
export async function closedLoop(
	concurrency: number,
	durationMs: number,
	work: (c: Client) => Promise<true | string | null>,
	origin: string
): Promise<LoadResult> {
	const c = client(origin, concurrency);
	const latencies: number[] = [];
	let failed = 0;
	let firstFailure: string | undefined;
	await Promise.all(Array.from({ length: concurrency }, () => work(c).catch(() => null)));
	const began = performance.now();
	const deadline = began + durationMs;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < deadline) {
				const t0 = performance.now();
				let outcome: true | string | null;
				try {
					outcome = await work(c);
				} catch (error) {
					outcome = String(error);
				}
				if (outcome === null) return; // nothing left to do
				if (outcome === true) latencies.push(performance.now() - t0);
				else {
					failed++;
					firstFailure ??= outcome;
				}
			}
		})
	);
	const seconds = (performance.now() - began) / 1000;
	c.close();
	latencies.sort((a, b) => a - b);
	return {
		concurrency,
		seconds,
		completed: latencies.length,
		failed,
		perSecond: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		firstFailure
	};
}

/** Downloads a file over a fresh connection, counting its bytes without keeping them. */
export function download(origin: string, path: string, cookie: string): Promise<{ status: number; bytes: number; ms: number }> {
	const { hostname, port } = new URL(origin);
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request({ host: hostname, port: Number(port), method: 'GET', path, headers: { cookie } }, (res) => {
			let bytes = 0;
			res.on('data', (c: Buffer) => (bytes += c.length));
			res.on('end', () => resolve({ status: res.statusCode!, bytes, ms: performance.now() - started }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Starts a new peak: Linux resets VmHWM to the current RSS when 5 is written to clear_refs. */
export function resetPeak(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
