// Serves the built app on a fresh database for the browser tests.
import { rmSync } from 'node:fs';

const dir = 'test-results/e2e-db';
rmSync(dir, { recursive: true, force: true });
process.env.DATABASE_PATH = `${dir}/portaat.db`;
await import('../../build/index.js');
