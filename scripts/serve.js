// Starts the built app: adapter-node's custom-server way (build/handler.js), so that
// - without ORIGIN the app works at whatever address it is reached over plain http
//   (http://127.0.0.1:3000, http://localhost:3000, the machine's address in an office network):
//   the origin is taken from the request's Host, so SvelteKit's cross-site check still refuses
//   posts whose Origin is another site;
// - with ORIGIN set (behind an https proxy), behaviour is adapter-node's own;
// - static files and refusals made before a page runs carry the same security headers as pages.
import http from 'node:http';
import { securityHeaders } from '../src/lib/security-headers.js';

// The protocol header is ours alone: any value a client sends is overwritten below.
const PROTOCOL = 'x-portaat-protocol';
if (!process.env.ORIGIN) delete process.env.ORIGIN;
const derived = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (derived) process.env.PROTOCOL_HEADER = PROTOCOL;
const protocolHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
const addressHeader = process.env.ADDRESS_HEADER?.toLowerCase();

const { handler } = await import('../build/handler.js');

/** @param {http.IncomingMessage} req */
function isHttps(req) {
	if (process.env.ORIGIN) return process.env.ORIGIN.startsWith('https:');
	return protocolHeader !== undefined && req.headers[protocolHeader] === 'https';
}

const server = http.createServer((req, res) => {
	if (derived) req.headers[PROTOCOL] = 'http';
	// A request that did not come through the proxy has no address header: use the peer's address
	// rather than fail the request (adapter-node would answer 500).
	if (addressHeader && !(addressHeader in req.headers)) req.headers[addressHeader] = req.socket.remoteAddress ?? '';
	for (const [name, value] of Object.entries(securityHeaders(isHttps(req)))) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

// Clients (browsers, proxies, fetch) reuse idle connections; Node's 5 s default closes them
// under a client that is just sending its next request, which then fails with ECONNRESET.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => {
	console.log(`Listening on http://${host}:${port}`);
	if (derived) console.log('ORIGIN is not set: forms are accepted at any address the app is reached over plain http. Set ORIGIN behind an https proxy.');
});

// A graceful stop: finish requests, then let the app close the database (sveltekit:shutdown).
let stopping = false;
/** @param {string} reason */
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), 30_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
