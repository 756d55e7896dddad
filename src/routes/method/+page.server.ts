import { getLocale } from '$lib/paraglide/runtime';
import { methodHtml } from '$lib/content/method';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ html: methodHtml(getLocale()) });
