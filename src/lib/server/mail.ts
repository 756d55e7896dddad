import nodemailer, { type Transporter } from 'nodemailer';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref, type Locale } from '$lib/paraglide/runtime';

/**
 * E-mail where the operator sets it up: SMTP_URL (e.g. smtps://user:pass@smtp.example.fi) and
 * MAIL_FROM (e.g. "Portaat <portaat@example.fi>"). Without them the app shows links to the
 * administrator instead, as before.
 */
export function mailConfigured(): boolean {
	return Boolean(process.env.SMTP_URL);
}

let transporter: Transporter | undefined;
let transporterUrl: string | undefined;

function transport(): Transporter {
	const url = process.env.SMTP_URL!;
	if (!transporter || transporterUrl !== url) {
		transporter = nodemailer.createTransport(url);
		transporterUrl = url;
	}
	return transporter;
}

export type PasswordMail = { to: string; name: string; link: string; purpose: 'invite' | 'reset'; locale: Locale };

/** Sends a link to set a password; throws when the mail server refuses it. */
export async function sendPasswordLink({ to, name, link, purpose, locale }: PasswordMail): Promise<void> {
	const options = { locale };
	const subject = purpose === 'invite' ? m.mail_invite_subject({}, options) : m.mail_reset_subject({}, options);
	const body = purpose === 'invite' ? m.mail_invite_body({ name, link }, options) : m.mail_reset_body({ name, link }, options);
	await transport().sendMail({
		from: process.env.MAIL_FROM || `Portaat <portaat@${new URL(link).hostname}>`,
		to,
		subject,
		text: `${body}\n\n-- \n${m.mail_signature({}, options)}\n`
	});
}

/**
 * Mails a password link when mail is set up: 'mailed', 'failed' (the reason goes to the server
 * log, never the link) or 'off'. The link is in the sender's language, as the page they are on.
 */
export async function mailPasswordLink(
	origin: string,
	user: { email: string; name: string },
	token: string,
	purpose: 'invite' | 'reset'
): Promise<'mailed' | 'failed' | 'off'> {
	if (!mailConfigured()) return 'off';
	try {
		await sendPasswordLink({ to: user.email, name: user.name, link: origin + localizeHref(`/welcome/${token}`), purpose, locale: getLocale() });
		return 'mailed';
	} catch (error) {
		console.error(`Could not mail a password link to ${user.email}: ${(error as Error).message}`);
		return 'failed';
	}
}
