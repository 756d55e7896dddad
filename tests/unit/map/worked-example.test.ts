import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { layoutMap } from '../../../src/lib/map/layout';

// The example lives in the documentation; this test keeps the two in step.
const doc = readFileSync('docs/partnership-map.md', 'utf8');
const example = JSON.parse(/```json worked-example\n([\s\S]*?)```/.exec(doc)![1]);

const one = (x: number) => Math.round(x * 10) / 10;
const degrees = (radians: number) => one((radians * 180) / Math.PI);

it('docs/partnership-map.md: the worked example is drawn where the page says', () => {
	const layout = layoutMap(example.input);
	const e = example.expected;
	expect([layout.width, layout.height]).toEqual([e.width, e.height]);
	expect([one(layout.cx), one(layout.cy)]).toEqual(e.centre);
	expect(
		layout.sectors.map((s) => ({ name: s.name, from: degrees(s.start), to: degrees(s.end), label: [s.label.anchor, one(s.label.x), one(s.label.y)] }))
	).toEqual(e.sectors);
	expect(
		layout.actors.map((a) => ({ name: a.name, dot: [one(a.dot.x), one(a.dot.y)], label: [a.label.anchor, one(a.label.x), one(a.label.y)] }))
	).toEqual(e.actors);
});
