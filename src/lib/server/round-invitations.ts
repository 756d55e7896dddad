import type { Locale, Side } from '../assessment/types.ts';
import { invitationMessage, type InvitationMessage } from './invitation-message.ts';
import type { Pair } from './pairs.ts';
import { qrSvg } from './qr.ts';
import { invitationTokens, type Round } from './rounds.ts';

export interface SideInvitation {
	side: Side;
	link: string;
	/** SVG markup made by the QR library from the link alone. */
	qr: string;
	message: InvitationMessage;
}

/** Each side's live link of an open round as a worker hands it out: the address, its QR code and the message. */
export async function sideInvitations(
	context: { project: { name: string }; pair: Pair; round: Round; minGroupSize: number; sender: string; origin: string },
	locale: Locale
): Promise<SideInvitation[]> {
	const tokens = invitationTokens(context.round.id);
	const sides = (['municipality', 'association'] as const).filter((side) => tokens[side]);
	return Promise.all(
		sides.map(async (side) => {
			const link = `${context.origin}/a/${tokens[side]}`;
			const message = invitationMessage(
				{
					project: context.project.name,
					pair: { municipality: context.pair.municipality.name, association: context.pair.association.name },
					side,
					closesAt: context.round.closesAt,
					minGroupSize: context.minGroupSize,
					link,
					sender: context.sender
				},
				locale
			);
			return { side, link, qr: await qrSvg(link), message };
		})
	);
}
