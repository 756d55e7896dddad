import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { getVersion } from '../assessment/versions/index.ts';
import type { QuestionnaireVersion } from '../assessment/types.ts';
import { localizeHref } from '$lib/paraglide/runtime';
import { lookupLink } from './auth/link-guard.ts';
import type { Response } from './responses.ts';
import { isOpen, responseContextByResume, type RoundContext } from './rounds.ts';

// Remembers the respondent's own response on this device, so opening the invitation
// link again continues it instead of starting a second one.
export const RESUME_COOKIE = 'portaat_resume';

export function rememberResponse(cookies: Cookies, url: URL, token: string): void {
	cookies.set(RESUME_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 120
	});
}

export interface RespondentContext extends RoundContext {
	response: Response;
	version: QuestionnaireVersion;
	open: boolean;
}

/** The response behind a resume link, with its round and questionnaire version; unknown links are 404. */
export function requireResponse(event: Pick<RequestEvent, 'params' | 'getClientAddress'>): RespondentContext {
	const token = (event.params as Record<string, string>).resume;
	const found = lookupLink(event.getClientAddress(), token, (t) => responseContextByResume(t));
	const version = found && getVersion(found.round.questionnaireVersion);
	if (!found || !version) error(404, 'Not found');
	const { row, ...context } = found;
	const response: Response = {
		id: row.respId,
		roundId: context.round.id,
		side: row.respSide,
		resumeToken: row.respToken,
		status: row.respStatus,
		language: row.respLanguage as Response['language'],
		role: row.respRole,
		updatedAt: row.respUpdatedAt,
		submittedAt: row.respSubmittedAt
	};
	return { ...context, response, version, open: isOpen(context.round) };
}

/** A submitted response has nothing left to edit: every page of it leads to the thank-you page. */
export function redirectIfSubmitted(context: RespondentContext): void {
	if (context.response.status === 'submitted') redirect(303, localizeHref(`/r/${context.response.resumeToken}/done`));
}
