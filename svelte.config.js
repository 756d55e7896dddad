import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Stylesheets up to 16 KB (the root one, 14 KB, and each page's own) go inline into the HTML:
		// on a slow mobile network each separate file costs a round trip before the first paint.
		inlineStyleThreshold: 16 * 1024,
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Scripts are limited to our own files, with SvelteKit's hashes for its inline start
				// script. Styles keep 'unsafe-inline', for a reason: hashes cover <style> elements but
				// not style attributes, and the stairs (style:--level) and chart.js (the canvas's size)
				// set style attributes; 'unsafe-hashes' for each value is not supported by every
				// browser respondents use. Inline style cannot run code, and script-src stays strict.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
