import type { Answers } from '$lib/assessment/answers';
import { fillNames, SECTIONS, sectionItems, type Section } from '$lib/assessment/sections';
import type { Locale } from '$lib/assessment/types';
import { errorText, kindName } from '$lib/message-keys';
import { m } from '$lib/paraglide/messages';
import type { RespondentContext } from '$lib/server/respondent';

export interface AgreementQuestion {
	kind: 'agreement';
	id: string;
	text: string;
	value: number | 'na' | null;
	/** The trait a statement of the first page measures: the page groups its statements under the traits' names. */
	group: string | null;
}
export interface StepQuestion {
	kind: 'step';
	id: string;
	text: string;
	help: string | null;
	value: number | null;
}
export interface ChoiceQuestion {
	kind: 'choice';
	id: string;
	text: string;
	help: string | null;
	options: { id: string; label: string }[];
	value: string[];
}
export interface TextQuestion {
	kind: 'text';
	id: string;
	text: string;
	help: string | null;
	maxLength: number;
	value: string;
}
export type Question = AgreementQuestion | StepQuestion | ChoiceQuestion | TextQuestion;

/** One questionnaire page in the respondent's language: only the texts it shows, never other versions' wording. */
export function questionnairePage(context: RespondentContext, section: Section, answers: Answers, locale: Locale) {
	const v = context.version;
	const texts = new Map<string, { text: string; help: string | null }>();
	for (const i of [...v.traitItems, ...v.practiceItems]) texts.set(i.id, { text: i.text[locale], help: null });
	for (const i of [v.selfPlacement.now, v.selfPlacement.target, ...v.descriptive, v.comment])
		texts.set(i.id, { text: i.text[locale], help: i.help?.[locale] ?? null });

	const traitOf = new Map(v.traitItems.map((i) => [i.id, v.traits.find((t) => t.id === i.trait)!.name[locale]]));
	const side = context.response.side;
	const other = side === 'municipality' ? 'association' : 'municipality';
	const names = { own: context.pair[side], other: context.pair[other] };

	const questions: Question[] = sectionItems(v, section).map((item) => {
		const { text, help } = texts.get(item.id)!;
		const a = answers[item.id];
		switch (item.kind) {
			case 'agreement':
				return { kind: 'agreement', id: item.id, text, value: a === 'na' || typeof a === 'number' ? a : null, group: traitOf.get(item.id) ?? null };
			case 'step':
				return { kind: 'step', id: item.id, text, help, value: typeof a === 'number' ? a : null };
			case 'choice': {
				const def = v.descriptive.find((d) => d.id === item.id)!;
				return {
					kind: 'choice',
					id: item.id,
					text,
					help,
					options: def.options.map((o) => ({ id: o.id, label: o.label[locale] })),
					value: Array.isArray(a) ? [...a] : []
				};
			}
			case 'text':
				return { kind: 'text', id: item.id, text, help, maxLength: v.comment.maxLength, value: typeof a === 'string' ? a : '' };
		}
	});

	const scored = SECTIONS.map((s) => {
		const ids = sectionItems(v, s).filter((i) => i.kind === 'agreement' || i.kind === 'step').map((i) => i.id);
		return { section: s, title: v.sections[s].title[locale], answered: ids.filter((id) => answers[id] !== undefined).length, total: ids.length };
	});

	return {
		section,
		index: SECTIONS.indexOf(section),
		sections: scored,
		title: v.sections[section].title[locale],
		intro: fillNames(v.sections[section].intro[locale], names),
		scale: ([1, 2, 3, 4, 5] as const).map((n) => ({ value: n, label: v.scale[n][locale] })),
		cantSay: v.cantSay[locale],
		steps: v.steps.map((s) => ({ step: s.step, name: s.name[locale], description: s.description[locale] })),
		questions,
		// The optional role is asked with the other questions about the partnership, not between the two stairs questions.
		asksRole: context.round.asksRole && section === 'profile',
		role: context.response.role ?? '',
		open: context.open,
		resumeToken: context.response.resumeToken,
		pair: context.pair,
		own: { name: context.pair[side], kind: context.pair.kinds[side] }
	};
}

/**
 * The questionnaire page's own words, in the respondent's language. They come as data rather than
 * as message functions in the page's JavaScript: compiled messages carry all three languages, and
 * the questionnaire is the page a respondent on a slow phone loads first. A `{name}` left in a
 * text is filled in on the page, with a value that changes as the respondent answers.
 */
export function questionnaireTexts(locale: Locale, index: number, sections: number, ownKind: string) {
	const o = { locale };
	return {
		title: m.respond_title({}, o),
		youAnswerAs: m.respond_you_answer_as({}, o),
		ownRole: kindName(ownKind, locale),
		closedKept: m.respond_closed_kept({}, o),
		formSummary: m.error_form_summary({}, o),
		language: m.language_label({}, o),
		next: m.respond_next({}, o),
		prev: m.respond_prev({}, o),
		toReview: m.respond_to_review({}, o),
		role: m.respond_role({}, o),
		roleHelp: m.respond_role_help({}, o),
		saving: m.respond_saving({}, o),
		savedAt: m.respond_saved_at({ time: '{time}' }, o),
		saveFailed: m.respond_save_failed({}, o),
		resumeTitle: m.respond_resume_title({}, o),
		resumeText: m.respond_resume_text({}, o),
		resumeLabel: m.respond_resume_label({}, o),
		progress: {
			label: m.respond_progress({}, o),
			// The review page is the last part.
			partOf: m.respond_part_of({ part: index + 1, parts: sections + 1 }, o),
			answeredOf: m.respond_answered_of({ answered: '{answered}', total: '{total}' }, o),
			review: m.respond_review({}, o)
		}
	};
}
export type ProgressTexts = ReturnType<typeof questionnaireTexts>['progress'];

/** Form errors as the respondent reads them: respondent pages carry no message functions to translate keys with. */
export const translatedErrors = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, errorText(v)]));
