import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium: Playwright's own browser download cannot run here. Fail loudly, never skip.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(`Chromium not found at ${chromium}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
}

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: [['list']],
	// A 2-core machine that also runs the server and, in the load and crash tests, extra servers:
	// give each expectation time to settle rather than fail on a busy moment.
	expect: { timeout: 10_000 },
	// Whole journeys (sign in, set up, check with axe) took over 30 s under a load of 17 on 2 cores.
	timeout: 120_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: chromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'npm run build && node tests/e2e/serve.js',
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 240_000,
		// Tests simulate clients at other addresses with this header (see brute-force.test.ts).
		env: { PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, ADDRESS_HEADER: 'X-Test-Client-Address' }
	}
});
