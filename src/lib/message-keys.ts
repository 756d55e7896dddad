import type { Locale } from '$lib/assessment/types';
import { m } from '$lib/paraglide/messages';

/**
 * The messages a server answer can name by key (form errors, statuses, kinds). An explicit map
 * rather than `m[key]`: indexing the whole `m` namespace would bundle every message of the app
 * into each page that shows an error.
 */
const byKey = {
	admin_cannot_disable_self: m.admin_cannot_disable_self,
	admin_email_taken: m.admin_email_taken,
	error_answer_invalid: m.error_answer_invalid,
	error_confirm_erase: m.error_confirm_erase,
	error_confirm_project_name: m.error_confirm_project_name,
	error_control_characters: m.error_control_characters,
	error_date: m.error_date,
	error_date_past: m.error_date_past,
	error_duration: m.error_duration,
	error_email: m.error_email,
	error_group_exists: m.error_group_exists,
	error_group_size: m.error_group_size,
	error_group_size_admin: m.error_group_size_admin,
	error_confirm_small: m.error_confirm_small,
	error_not_enough_answered: m.error_not_enough_answered,
	error_invalid: m.error_invalid,
	error_link: m.error_link,
	error_login_failed: m.error_login_failed,
	error_map_date: m.error_map_date,
	error_map_duplicate: m.error_map_duplicate,
	error_map_remove_confirm: m.error_map_remove_confirm,
	error_map_pair: m.error_map_pair,
	error_map_table: m.error_map_table,
	error_member_required: m.error_member_required,
	error_not_found: m.error_not_found,
	error_organisation_exists: m.error_organisation_exists,
	error_password_common: m.error_password_common,
	error_password_email: m.error_password_email,
	error_password_long: m.error_password_long,
	error_password_mismatch: m.error_password_mismatch,
	error_password_short: m.error_password_short,
	error_password_wrong: m.error_password_wrong,
	error_pick_from_list: m.error_pick_from_list,
	error_pick_member: m.error_pick_member,
	error_pick_organisation: m.error_pick_organisation,
	error_pick_owner: m.error_pick_owner,
	error_pick_pair: m.error_pick_pair,
	error_pair_exists: m.error_pair_exists,
	error_pair_partner: m.error_pair_partner,
	error_pair_side: m.error_pair_side,
	error_rate_limited: m.error_rate_limited,
	error_review_before_agreed: m.error_review_before_agreed,
	error_required: m.error_required,
	error_retention: m.error_retention,
	error_round_already_open: m.error_round_already_open,
	error_round_closed: m.error_round_closed,
	error_theme_or_area: m.error_theme_or_area,
	error_too_long: m.error_too_long,
	error_unknown_item: m.error_unknown_item,
	reset_no_mail: m.reset_no_mail,
	respond_closed_kept: m.respond_closed_kept,
	respond_round_closed: m.respond_round_closed,
	respond_start_limited: m.respond_start_limited,
	welcome_invalid: m.welcome_invalid
} as Record<string, (inputs?: { minutes?: number }) => string>;

/** A form error in the reader's language; an unknown key reads as a general "check this field". */
export function errorText(key: string, inputs?: { minutes?: number }): string {
	return (byKey[key] ?? m.error_invalid)(inputs as never);
}

const statuses: Record<string, () => string> = {
	agreed: m.status_agreed,
	in_progress: m.status_in_progress,
	done: m.status_done,
	dropped: m.status_dropped
};
export const statusName = (status: string) => statuses[status]?.() ?? status;

const kinds: Record<string, (inputs?: object, options?: { locale?: Locale }) => string> = {
	municipality: m.kind_municipality,
	association: m.kind_association,
	parish: m.kind_parish,
	school: m.kind_school,
	company: m.kind_company,
	other: m.kind_other
};
export const kindName = (kind: string, locale?: Locale) => kinds[kind]?.({}, { locale }) ?? kind;
