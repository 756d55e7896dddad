import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { localeCheck } from './src/lib/i18n-check.ts';

export default defineConfig({
	plugins: [
		localeCheck(),
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// url first so links carry the language; cookie next so server loads agree with it.
			strategy: ['url', 'cookie', 'baseLocale']
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Property tests run hundreds of cases; on a busy 2-core machine that takes longer than
		// vitest's 5 s default. A time limit is not an assertion: give them room.
		testTimeout: 120_000
	}
});
