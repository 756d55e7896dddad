import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /sv/… and /en/… serve the same routes as the Finnish root.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
