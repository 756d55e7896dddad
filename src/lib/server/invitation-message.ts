import type { Locale, Side } from '../assessment/types.ts';
import { formatDate } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export interface InvitationInput {
	project: string;
	pair: { municipality: string; association: string };
	side: Side;
	closesAt: string | null;
	minGroupSize: number;
	link: string;
	sender: string;
}

export interface InvitationMessage {
	subject: string;
	body: string;
	/** A draft for the worker's own mail program; the recipients are theirs to add. */
	mailto: string;
}

/** The invitation a worker sends to one side: who asks, why, how long, by when, anonymity, the link. */
export function invitationMessage(input: InvitationInput, locale: Locale): InvitationMessage {
	const options = { locale };
	const pair = `${input.pair.municipality} – ${input.pair.association}`;
	const subject = m.invite_subject({ pair }, options);
	const body = m.invite_body(
		{
			pair,
			project: input.project,
			side: input.side === 'municipality' ? m.side_municipality({}, options) : m.side_association({}, options),
			organisation: input.side === 'municipality' ? input.pair.municipality : input.pair.association,
			deadline: input.closesAt ? m.invite_deadline({ date: formatDate(input.closesAt, locale) }, options) : '',
			n: input.minGroupSize,
			link: input.link,
			sender: input.sender
		},
		options
	);
	return { subject, body, mailto: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` };
}
