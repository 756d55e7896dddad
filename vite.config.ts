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
		// Property tests take 10–15 s with both cores busy (see the README's testing notes), not 5.
		testTimeout: 60_000
	}
});
