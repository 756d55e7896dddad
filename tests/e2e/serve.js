// Serves the built app on a fresh database for the browser tests.
import { rmSync } from 'node:fs';
import { e2eDatabasePath } from './database-path.js';

process.env.E2E_PORT ??= process.env.PORT;
const dir = e2eDatabasePath().replace(/\/portaat\.db$/, '');
rmSync(dir, { recursive: true, force: true });
process.env.DATABASE_PATH = e2eDatabasePath();
await import('../../scripts/serve.js');
