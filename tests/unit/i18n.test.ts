import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingTexts } from '../../src/lib/assessment/completeness';
import { versions } from '../../src/lib/assessment/versions';
import { missingMessages } from '../../src/lib/i18n-check';

describe('every text exists in fi, sv and en', () => {
	it('in the UI messages', () => {
		expect(missingMessages()).toEqual([]);
	});

	it.each(Object.values(versions))('in questionnaire version $id', (version) => {
		expect(missingTexts(version)).toEqual([]);
	});

	it('and the check names what is missing', () => {
		expect(missingTexts({ a: [{ text: { fi: 'x', sv: ' ', en: 'y' } }] })).toEqual(['a.0.text.sv']);
		const dir = mkdtempSync(join(tmpdir(), 'portaat-msg-'));
		writeFileSync(join(dir, 'fi.json'), JSON.stringify({ hello: 'Hei', bye: 'Hei hei' }));
		writeFileSync(join(dir, 'sv.json'), JSON.stringify({ hello: 'Hej' }));
		writeFileSync(join(dir, 'en.json'), JSON.stringify({ hello: 'Hello', bye: '' }));
		expect(missingMessages(dir).sort()).toEqual([`${dir}/en.json: bye`, `${dir}/sv.json: bye`]);
	});
});

describe('questionnaire versions', () => {
	it.each(Object.values(versions))('$id has unique item ids and covers every trait and step', (version) => {
		const ids = [
			...version.traitItems.map((i) => i.id),
			...version.practiceItems.map((i) => i.id),
			version.selfPlacement.now.id,
			version.selfPlacement.target.id,
			...version.descriptive.map((i) => i.id),
			version.comment.id
		];
		expect(new Set(ids).size).toBe(ids.length);
		for (const trait of version.traits) {
			expect(version.traitItems.filter((i) => i.trait === trait.id).length).toBeGreaterThanOrEqual(3);
		}
		for (const step of [2, 3, 4, 5, 6]) {
			expect(version.practiceItems.filter((i) => i.step === step).length).toBeGreaterThanOrEqual(2);
		}
		expect(version.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
	});
});
