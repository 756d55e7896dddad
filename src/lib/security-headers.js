// Plain JavaScript so that scripts/serve.js can use it without a build step.

/** Powerful features the app never uses; fullscreen and the clipboard stay allowed to itself. */
const DENIED_FEATURES = [
	'accelerometer',
	'autoplay',
	'browsing-topics',
	'camera',
	'display-capture',
	'encrypted-media',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/**
 * Headers every response carries: pages, static files and refusals made before a page runs.
 * @param {boolean} https whether the request reached the app over https
 * @returns {Readonly<Record<string, string>>}
 */
export function securityHeaders(https) {
	return https ? HTTPS : HTTP;
}

/** @param {boolean} https */
function headersFor(https) {
	return Object.freeze({
		'X-Content-Type-Options': 'nosniff',
		// Tokens in paths (invitation, resume and password links) must never reach another site.
		// same-origin sends no referrer across origins; no-referrer would also make browsers send
		// `Origin: null` on form posts, which SvelteKit's CSRF check rightly refuses.
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'DENY',
		'Permissions-Policy': DENIED_FEATURES.map((f) => `${f}=()`).join(', '),
		// A year; not includeSubDomains, since the app may live beside other sites of the same domain.
		...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {})
	});
}

// Built once: every request sets them, twice (scripts/serve.js and the hook).
const HTTP = headersFor(false);
const HTTPS = headersFor(true);
