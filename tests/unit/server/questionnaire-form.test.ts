import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers, type AnswerValue } from '../../../src/lib/assessment/answers';
import { SECTIONS, sectionItems, type Section } from '../../../src/lib/assessment/sections';
import { currentVersion as v } from '../../../src/lib/assessment/versions';
import { CONTROL_FIELDS, parseSectionForm, ROLE_MAX } from '../../../src/lib/server/questionnaire-form';

const runs = { numRuns: 400 };

/** A FormData from [key, value] entries, in order (duplicates kept). */
function form(entries: readonly (readonly [string, string | Blob])[]): FormData {
	const f = new FormData();
	for (const [k, val] of entries) f.append(k, val);
	return f;
}

const idsOf = (section: Section) => sectionItems(v, section).map((i) => i.id);
const kindOf = (id: string) => sectionItems(v, 'traits').concat(sectionItems(v, 'practice'), sectionItems(v, 'stairs'), sectionItems(v, 'profile')).find((i) => i.id === id)!.kind;
const allItemIds = SECTIONS.flatMap(idsOf);
const trait = v.traitItems[0].id;
const trait2 = v.traitItems[1].id;
const practice = v.practiceItems[0].id;
const now = v.selfPlacement.now.id;
const target = v.selfPlacement.target.id;
const activities = v.descriptive[0];
const resources = v.descriptive[1];
const comment = v.comment.id;
/** Every choice question of the last page, unticked: what a page that shows them all sends back. */
const noneTicked: Answers = Object.fromEntries(v.descriptive.map((d) => [d.id, []]));

/** The form fields a browser sends for the given answers of one section. */
function formFor(section: Section, answers: Answers, extra: [string, string][] = []): FormData {
	const entries: [string, string][] = [];
	for (const item of sectionItems(v, section)) {
		if (item.kind === 'choice') entries.push(['_choices', item.id]);
		const value = answers[item.id];
		if (value === undefined) continue;
		if (Array.isArray(value)) for (const option of value) entries.push([item.id, option]);
		else entries.push([item.id, String(value)]);
	}
	return form([...entries, ...extra]);
}

describe('parseSectionForm: table', () => {
	it.each<[string, Section, [string, string][], Answers]>([
		['agreement 1–5 as numbers', 'traits', [[trait, '1'], [trait2, '5']], { [trait]: 1, [trait2]: 5 }],
		["agreement 'na'", 'practice', [[practice, 'na']], { [practice]: 'na' }],
		['steps 1 and 6', 'stairs', [[now, '1'], [target, '6']], { [now]: 1, [target]: 6 }],
		['an empty page changes nothing', 'traits', [], {}],
		['control fields only', 'traits', [['nav', 'next']], {}],
		['comment trimmed', 'profile', [[comment, '  hyvä yhteistyö \n']], { ...noneTicked, [comment]: 'hyvä yhteistyö' }],
		[
			'ticked options in the order sent',
			'profile',
			[[activities.id, activities.options[3].id], [activities.id, activities.options[0].id]],
			{ ...noneTicked, [activities.id]: [activities.options[3].id, activities.options[0].id] }
		],
		['a comment exactly at the limit', 'profile', [[comment, 'x'.repeat(v.comment.maxLength)]], { ...noneTicked, [comment]: 'x'.repeat(v.comment.maxLength) }]
	])('accepts %s', (_, section, entries, expected) => {
		const shown: [string, string][] = section === 'profile' ? v.descriptive.map((d) => ['_choices', d.id]) : [];
		const result = parseSectionForm(v, section, form([...shown, ...entries]));
		expect(result).toEqual({ ok: true, set: expected, clear: [], role: undefined });
	});

	it.each<[string, Section, [string, string][], Record<string, string>]>([
		['agreement 0', 'traits', [[trait, '0']], { [trait]: 'error_answer_invalid' }],
		['agreement 6', 'traits', [[trait, '6']], { [trait]: 'error_answer_invalid' }],
		['agreement 3.0', 'traits', [[trait, '3.0']], { [trait]: 'error_answer_invalid' }],
		['agreement with spaces', 'traits', [[trait, ' 3']], { [trait]: 'error_answer_invalid' }],
		['agreement with a newline', 'traits', [[trait, '3\n']], { [trait]: 'error_answer_invalid' }],
		['agreement 03', 'traits', [[trait, '03']], { [trait]: 'error_answer_invalid' }],
		['agreement NA in capitals', 'traits', [[trait, 'NA']], { [trait]: 'error_answer_invalid' }],
		['agreement -1', 'traits', [[trait, '-1']], { [trait]: 'error_answer_invalid' }],
		['agreement 1e0', 'traits', [[trait, '1e0']], { [trait]: 'error_answer_invalid' }],
		['agreement empty', 'traits', [[trait, '']], { [trait]: 'error_answer_invalid' }],
		['step 0', 'stairs', [[now, '0']], { [now]: 'error_answer_invalid' }],
		['step 7', 'stairs', [[target, '7']], { [target]: 'error_answer_invalid' }],
		["step 'na'", 'stairs', [[now, 'na']], { [now]: 'error_answer_invalid' }],
		['two values for one radio', 'traits', [[trait, '2'], [trait, '4']], { [trait]: 'error_answer_invalid' }],
		['two equal values for one radio', 'stairs', [[now, '2'], [now, '2']], { [now]: 'error_answer_invalid' }],
		['an option twice', 'profile', [['_choices', activities.id], [activities.id, activities.options[0].id], [activities.id, activities.options[0].id]], { [activities.id]: 'error_answer_invalid' }],
		['an option of another question', 'profile', [['_choices', activities.id], [activities.id, resources.options[0].id]], { [activities.id]: 'error_answer_invalid' }],
		['an option that does not exist', 'profile', [['_choices', activities.id], [activities.id, 'nothing']], { [activities.id]: 'error_answer_invalid' }],
		['options of a question not shown', 'profile', [[activities.id, activities.options[0].id]], { [activities.id]: 'error_answer_invalid' }],
		['two comments', 'profile', [[comment, 'a'], [comment, 'b']], { [comment]: 'error_answer_invalid' }],
		['a comment over the limit', 'profile', [[comment, 'x'.repeat(v.comment.maxLength + 1)]], { [comment]: 'error_too_long' }],
		['a role over the limit', 'traits', [['_role', 'r'.repeat(ROLE_MAX + 1)]], { _role: 'error_too_long' }]
	])('refuses %s', (_, section, entries, errors) => {
		expect(parseSectionForm(v, section, form(entries))).toEqual({ ok: false, errors });
	});

	it('reports every invalid field, not only the first', () => {
		const result = parseSectionForm(v, 'traits', form([[trait, '9'], [trait2, 'x'], [v.traitItems[2].id, '3']]));
		expect(result).toEqual({ ok: false, errors: { [trait]: 'error_answer_invalid', [trait2]: 'error_answer_invalid' } });
	});

	it('clears an emptied or blank comment, and leaves an absent comment alone', () => {
		expect(parseSectionForm(v, 'profile', form([[comment, '']]))).toEqual({ ok: true, set: {}, clear: [comment], role: undefined });
		expect(parseSectionForm(v, 'profile', form([[comment, ' \n\t ']]))).toEqual({ ok: true, set: {}, clear: [comment], role: undefined });
		expect(parseSectionForm(v, 'profile', form([]))).toEqual({ ok: true, set: {}, clear: [], role: undefined });
	});

	it('saves a shown choice question with nothing ticked as an empty list', () => {
		expect(parseSectionForm(v, 'profile', form([['_choices', resources.id]]))).toEqual({
			ok: true,
			set: { [resources.id]: [] },
			clear: [],
			role: undefined
		});
	});

	it('returns the role trimmed, up to its limit', () => {
		expect(parseSectionForm(v, 'traits', form([['_role', '  sihteeri ']]))).toMatchObject({ ok: true, role: 'sihteeri' });
		expect(parseSectionForm(v, 'traits', form([['_role', ` ${'r'.repeat(ROLE_MAX)} `]]))).toMatchObject({ ok: true, role: 'r'.repeat(ROLE_MAX) });
	});

	it.each<[string, Section, [string, string][]]>([
		['an item of another section', 'traits', [[trait2, '3'], [practice, '4']]],
		['a stairs item on the traits page', 'traits', [[now, '3']]],
		['a made-up item', 'stairs', [[now, '3'], ['shared_goal.99', '3']]],
		['a prototype key', 'traits', [['__proto__', '3']]],
		['constructor', 'traits', [['constructor', '3']]],
		['an empty key', 'profile', [['', 'x']]],
		['an id with a trailing space', 'traits', [[`${trait} `, '3']]],
		['a control field in another case', 'traits', [['NAV', 'next']]],
		['a lone surrogate key', 'traits', [['\uD800', '3']]]
	])('refuses the whole form when it has %s', (_, section, entries) => {
		expect(parseSectionForm(v, section, form(entries))).toEqual({ ok: false, errors: { form: 'error_unknown_item' } });
	});

	it('never stores a broken surrogate in a comment', () => {
		const result = parseSectionForm(v, 'profile', form([[comment, 'a\uD800b\uDFFFc']]));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const text = result.set[comment] as string;
		expect(text.isWellFormed()).toBe(true);
		expect(text.startsWith('a') && text.endsWith('c')).toBe(true);
	});

	it('does not take a file upload as an answer', () => {
		const file = new Blob(['3'], { type: 'text/plain' });
		expect(parseSectionForm(v, 'traits', form([[trait, file]]))).toEqual({ ok: false, errors: { [trait]: 'error_answer_invalid' } });
		expect(parseSectionForm(v, 'stairs', form([[now, file]]))).toEqual({ ok: false, errors: { [now]: 'error_answer_invalid' } });
		expect(
			parseSectionForm(v, 'profile', form([['_choices', activities.id], [activities.id, file]]))
		).toEqual({ ok: false, errors: { [activities.id]: 'error_answer_invalid' } });
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

const section = fc.constantFrom(...SECTIONS);

const nastyString = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc.string({ unit: 'grapheme', maxLength: 50 }),
	fc.constantFrom('\uD800', '\uDFFF', 'a\uD800', '\uDBFF\uDC00', '\u0000', ' ', '\n', 'na', 'NA', '', '__proto__', 'constructor'),
	fc.integer().map(String),
	fc.double().map(String),
	fc.constantFrom('0', '6', '7', '-1', '1.5', '1e1', '5 ', ' 5', 'Infinity', 'NaN', '99999999999999999999'),
	fc.integer({ min: 2_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
	fc.integer({ min: 1, max: 5_000 }).map((n) => '\uD83D'.repeat(n))
);

/** Values that are right for some item: the arbitrary forms mix valid and invalid fields. */
const plausibleValue = fc.oneof(
	fc.constantFrom('1', '2', '3', '4', '5', '6', 'na'),
	fc.constantFrom(...v.descriptive.flatMap((d) => d.options.map((o) => o.id))),
	fc.string({ maxLength: 30 })
);

const anyValue: fc.Arbitrary<string | Blob> = fc.oneof(
	{ arbitrary: plausibleValue, weight: 5 },
	{ arbitrary: nastyString, weight: 3 },
	{ arbitrary: fc.string({ maxLength: 5 }).map((s) => new Blob([s]) as Blob), weight: 1 }
);

function keyArb(s: Section): fc.Arbitrary<string> {
	return fc.oneof(
		{ arbitrary: fc.constantFrom(...idsOf(s)), weight: 6 },
		{ arbitrary: fc.constantFrom(...CONTROL_FIELDS), weight: 2 },
		{ arbitrary: fc.constantFrom(...allItemIds), weight: 1 },
		{ arbitrary: nastyString, weight: 1 }
	);
}

const sectionForm = section.chain((s) =>
	fc.tuple(
		fc.constant(s),
		fc.array(
			fc.oneof(
				fc.tuple(keyArb(s), anyValue),
				// '_choices' naming questions of this page, another page, or nothing at all
				fc.tuple(fc.constant('_choices'), fc.oneof(fc.constantFrom(...allItemIds), fc.string()))
			),
			{ maxLength: 25 }
		)
	)
);

describe('parseSectionForm: properties', () => {
	it('never throws; either ok with schema-valid answers of this section only, or errors', () => {
		const seen = { unknown: 0, errors: 0, ok: 0 };
		fc.assert(
			fc.property(sectionForm, ([s, entries]) => {
				const f = form(entries);
				let result!: ReturnType<typeof parseSectionForm>;
				expect(() => (result = parseSectionForm(v, s, f))).not.toThrow();
				const ids = new Set(idsOf(s));
				const keys = [...f.keys()];
				const unknown = keys.some((k) => !ids.has(k) && !(CONTROL_FIELDS as readonly string[]).includes(k));
				if (unknown) {
					seen.unknown++;
					expect(result).toEqual({ ok: false, errors: { form: 'error_unknown_item' } });
					return;
				}
				if (!result.ok) {
					seen.errors++;
					expect(Object.keys(result.errors).length).toBeGreaterThan(0);
					for (const [field, code] of Object.entries(result.errors)) {
						// Any field, control fields included, may be refused for control characters (NUL …).
						if (code === 'error_control_characters') continue;
						expect(ids.has(field) || field === '_role' || field === 'form').toBe(true);
						expect(['error_answer_invalid', 'error_too_long']).toContain(code);
					}
					return;
				}
				seen.ok++;
				expect(answersSchema(v).safeParse(result.set).success).toBe(true);
				for (const id of Object.keys(result.set)) expect(ids.has(id)).toBe(true);
				for (const id of result.clear) {
					expect(ids.has(id)).toBe(true);
					expect(kindOf(id)).toBe('text');
					expect(result.set).not.toHaveProperty(id);
				}
				// Nothing is invented: every answer was sent, or is a choice question the page showed.
				const shown = new Set(f.getAll('_choices').map(String));
				for (const id of Object.keys(result.set)) expect(keys.includes(id) || shown.has(id)).toBe(true);
				for (const [id, value] of Object.entries(result.set)) {
					const sent = f.getAll(id);
					if (kindOf(id) === 'choice') expect(value).toEqual(sent);
					else if (kindOf(id) === 'text') expect(value).toBe((sent[0] as string).trim());
					else expect(String(value)).toBe(sent[0]);
				}
				if (result.role !== undefined) expect(result.role.length).toBeLessThanOrEqual(ROLE_MAX);
			}),
			runs
		);
		// The generator reaches all three outcomes, so each branch above was really checked.
		expect(seen.unknown).toBeGreaterThan(runs.numRuns / 20);
		expect(seen.errors).toBeGreaterThan(runs.numRuns / 20);
		expect(seen.ok).toBeGreaterThan(runs.numRuns / 20);
	});

	it('refuses as a whole any form with a key outside the page, however valid the rest', () => {
		const foreignKey = (s: Section) =>
			fc.oneof(
				fc.constantFrom(...allItemIds.filter((id) => !idsOf(s).includes(id))),
				nastyString.filter((k) => !idsOf(s).includes(k) && !(CONTROL_FIELDS as readonly string[]).includes(k))
			);
		fc.assert(
			fc.property(
				section.chain((s) => fc.tuple(fc.constant(s), validAnswers(s), foreignKey(s), anyValue, fc.nat())),
				([s, answers, key, value, at]) => {
					const valid = [...formFor(s, answers).entries()] as [string, string][];
					// The forged key must be a real key after FormData's USVString conversion.
					const forged = form([[key, value]]);
					const forgedKey = [...forged.keys()][0];
					fc.pre(!idsOf(s).includes(forgedKey) && !(CONTROL_FIELDS as readonly string[]).includes(forgedKey));
					const entries = [...valid];
					entries.splice(at % (entries.length + 1), 0, [key, value as string]);
					expect(parseSectionForm(v, s, form(entries))).toEqual({ ok: false, errors: { form: 'error_unknown_item' } });
				}
			),
			runs
		);
	});

	it('parses valid answers ok and gives them back exactly', () => {
		fc.assert(
			fc.property(
				section.chain((s) => fc.tuple(fc.constant(s), validAnswers(s))),
				([s, answers]) => {
					expect(answersSchema(v).safeParse(answers).success).toBe(true);
					const result = parseSectionForm(v, s, formFor(s, answers, [['nav', 'next']]));
					expect(result).toEqual({ ok: true, set: answers, clear: [], role: undefined });
				}
			),
			runs
		);
	});
});

/** Any valid answers to one section, with every shown choice question answered (maybe with none ticked). */
function validAnswers(s: Section): fc.Arbitrary<Answers> {
	const record: Record<string, fc.Arbitrary<AnswerValue | undefined>> = {};
	const agreement = fc.oneof(fc.constant<'na'>('na'), fc.integer({ min: 1, max: 5 }));
	for (const item of sectionItems(v, s)) {
		if (item.kind === 'agreement') record[item.id] = fc.option(agreement, { nil: undefined });
		else if (item.kind === 'step') record[item.id] = fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined });
		else if (item.kind === 'choice') {
			const options = v.descriptive.find((d) => d.id === item.id)!.options.map((o) => o.id);
			record[item.id] = fc.shuffledSubarray(options);
		} else
			record[item.id] = fc.option(
				fc
					.string({ unit: 'grapheme', minLength: 1, maxLength: 300 })
					.map((t) => t.trim())
					.filter((t) => t.length > 0 && t.length <= v.comment.maxLength),
				{ nil: undefined }
			);
	}
	return fc.record(record).map((r) => {
		const out: Record<string, AnswerValue> = {};
		for (const [k, val] of Object.entries(r)) if (val !== undefined) out[k] = val;
		return out;
	});
}
