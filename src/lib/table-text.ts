import { m } from '$lib/paraglide/messages';

const instruments: Record<string, () => string> = {
	grant: m.instrument_grant,
	grant_with_obligations: m.instrument_grant_with_obligations,
	procurement: m.instrument_procurement,
	direct_award: m.instrument_direct_award,
	participatory_budgeting: m.instrument_participatory_budgeting,
	service_voucher: m.instrument_service_voucher,
	free_premises: m.instrument_free_premises
};
/** A municipality instrument's name in the reader's language. */
export const instrumentName = (kind: string) => instruments[kind]?.() ?? kind;

const sources: Record<string, () => string> = { link: m.agenda_source_link, worker: m.agenda_source_worker, map: m.agenda_source_map };
/** Where an agenda item came from. */
export const sourceName = (source: string) => sources[source]?.() ?? source;
