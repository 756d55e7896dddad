import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The browser tests' database: outside Playwright's output folder (which a run empties)
 * and per port, so two runs at once never share or delete each other's file.
 */
export function e2eDatabasePath() {
	return join(tmpdir(), `portaat-e2e-${process.env.E2E_PORT ?? 4173}`, 'portaat.db');
}
