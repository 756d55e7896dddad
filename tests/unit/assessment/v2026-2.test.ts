import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../../src/lib/assessment/answers';
import { missingTexts } from '../../../src/lib/assessment/completeness';
import { fillNames } from '../../../src/lib/assessment/sections';
import { currentVersion, getVersion } from '../../../src/lib/assessment/versions';

const v1 = getVersion('2026-1')!;
const v2 = getVersion('2026-2')!;
const notes = readFileSync(new URL('../../../docs/questionnaire-2026-2.md', import.meta.url), 'utf8');
const textOf = (id: string, v = v2) =>
	[...v.traitItems, ...v.practiceItems, v.selfPlacement.now, v.selfPlacement.target, ...v.descriptive, v.comment].find((i) => i.id === id)?.text;

describe('questionnaire 2026-2', () => {
	it('is what new rounds use, and 2026-1 is still there for the rounds that used it', () => {
		expect(currentVersion.id).toBe('2026-2');
		expect(v1.lineage).toBeUndefined();
	});

	it('has every text in fi, sv and en', () => {
		expect(missingTexts(v2)).toEqual([]);
	});

	it('declares the origin of every item it asks, and every 2026-1 item lives on or is dropped', () => {
		const lineage = v2.lineage!;
		expect(Object.keys(lineage.items).sort()).toEqual(itemsOf(v2).map((i) => i.id).sort());
		const carried = new Set(Object.values(lineage.items).flatMap((o) => (o.relation === 'new' ? [] : [o.from])));
		for (const { id } of itemsOf(v1)) expect(carried.has(id) !== lineage.dropped.includes(id), id).toBe(true);
	});

	it('means what it says: "same" is the same text, "reworded" a different one, "split" at least two parts', () => {
		const origins = Object.entries(v2.lineage!.items);
		for (const [id, origin] of origins) {
			if (origin.relation === 'same') expect(textOf(id), id).toEqual(textOf(origin.from, v1));
			if (origin.relation === 'reworded') expect(textOf(id)?.fi, id).not.toEqual(textOf(origin.from, v1)?.fi);
			if (origin.relation === 'split')
				expect(origins.filter(([, o]) => o.relation === 'split' && o.from === origin.from).length, id).toBeGreaterThanOrEqual(2);
		}
	});

	it('gives the reason for every change in its change notes', () => {
		for (const [id, origin] of Object.entries(v2.lineage!.items))
			if (origin.relation !== 'same') expect(notes, id).toContain(`\`${id}\``);
		for (const id of v2.lineage!.dropped) expect(notes, id).toContain(`\`${id}\``);
		expect(notes).toMatch(/kumppanuuden-kasikirja\.txt:\d+/);
	});

	it('asks no practice twice: no practice statement of step 6 repeats a step 4 statement', () => {
		const step4 = v2.practiceItems.filter((i) => i.step === 4).map((i) => i.text.fi);
		for (const item of v2.practiceItems.filter((i) => i.step === 6)) expect(step4).not.toContain(item.text.fi);
		expect(v2.practiceItems.some((i) => i.step === 6 && /palvelu/.test(i.text.fi))).toBe(false);
	});

	it('names the sides in its intros, and leaves 2026-1 intros as they were', () => {
		const names = { own: 'Joutsan kunta', other: 'Leivonmäen Kylät ry' };
		const traits = fillNames(v2.sections.traits.intro.fi, names);
		expect(traits).toContain('(Joutsan kunta)');
		expect(traits).toContain('(Leivonmäen Kylät ry)');
		expect(traits).not.toMatch(/[{}]/);
		expect(fillNames(v1.sections.traits.intro.fi, names)).toBe(v1.sections.traits.intro.fi);
	});

	it('names readings of what partnership adds only with its own trait items', () => {
		const ids = new Set(v2.traitItems.map((i) => i.id));
		expect(v2.distinctions!.map((d) => d.id)).toEqual(['equality', 'open_interaction', 'added_value', 'complementary_resources']);
		for (const d of v2.distinctions!) for (const id of d.items) expect(ids.has(id), id).toBe(true);
	});
});
