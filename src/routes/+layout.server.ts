import { isolate } from '$lib/bidi';
import { m } from '$lib/paraglide/messages';
import type { LayoutServerLoad } from './$types';

/**
 * The root layout's texts come as data in the request's language, not as message functions in
 * the client bundle: compiled messages carry all three languages, and every page (the
 * questionnaire first) would download them. The language never changes without a full page load
 * (the switchers reload), so data loaded once per page load stays right.
 */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user ? { name: locals.user.name, isAdmin: locals.user.isAdmin } : null;
	return {
		user,
		chrome: {
			skip: m.skip_to_content(),
			appName: m.app_name(),
			tagline: m.app_tagline(),
			language: m.language_label(),
			signIn: m.nav_sign_in(),
			accessibility: m.footer_accessibility(),
			privacy: m.footer_privacy(),
			method: m.method_title(),
			// Staff navigation only for the signed in: respondents never receive it.
			staff: user && {
				label: m.main_nav_label(),
				projects: m.nav_projects(),
				admin: m.nav_admin(),
				account: m.nav_account(),
				signedInAs: m.nav_signed_in_as({ name: isolate(user.name) }),
				signOut: m.nav_sign_out()
			}
		}
	};
};
