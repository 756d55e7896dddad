// Starts the built app. adapter-node takes requests as https unless ORIGIN says otherwise,
// and SvelteKit then refuses every form posted from http://localhost as cross-site; so the
// local default is http://localhost:PORT. Set ORIGIN to the public address in production.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;
await import('../build/index.js');
