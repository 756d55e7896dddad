import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CENTRE_RADIUS, DOT_RADIUS, layoutMap, overlaps, type LayoutInput } from '../../../src/lib/map/layout';

const SECTORS = ['Kunta', 'Yhdistys', 'Seurakunta', 'Oppilaitos', 'Yritys', 'Muu'];

const input = (min: number, max: number) =>
	fc
		.record({
			centre: fc.string({ minLength: 1, maxLength: 80 }),
			actors: fc.array(
				fc.record({
					name: fc.string({ minLength: 1, maxLength: 60 }),
					sector: fc.integer({ min: 0, max: SECTORS.length - 1 }),
					ring: fc.integer({ min: 0, max: 4 }),
					step: fc.option(fc.integer({ min: 1, max: 6 }))
				}),
				{ minLength: min, maxLength: max }
			)
		})
		.map(({ centre, actors }): LayoutInput => ({ centre, sectors: SECTORS, rings: 5, actors: actors.map((a, id) => ({ id: id + 1, ...a })) }));

describe('layoutMap', () => {
	it('keeps every label box apart, and apart from the circle, for 3 to 40 actors', () => {
		fc.assert(
			fc.property(input(3, 40), (map) => {
				const layout = layoutMap(map);
				const boxes = [...layout.actors.map((a) => a.label.box), ...layout.sectors.map((s) => s.label.box), layout.centre.box];
				for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
				const outer = layout.ringRadii.at(-1)!;
				for (const a of layout.actors) {
					// Every name on the canvas and outside the circle.
					expect(a.label.box.y).toBeGreaterThanOrEqual(0);
					expect(a.label.box.y + a.label.box.height).toBeLessThanOrEqual(layout.height);
					expect(a.label.box.x).toBeGreaterThanOrEqual(0);
					expect(a.label.box.x + a.label.box.width).toBeLessThanOrEqual(layout.width);
					expect(a.label.box.x > layout.cx + outer || a.label.box.x + a.label.box.width < layout.cx - outer).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('puts each dot on its ring, in its sector’s wedge, and no two dots on top of each other', () => {
		fc.assert(
			fc.property(input(3, 40), (map) => {
				const layout = layoutMap(map);
				for (const a of layout.actors) {
					const r = Math.hypot(a.dot.x - layout.cx, a.dot.y - layout.cy);
					expect(r).toBeGreaterThan(a.ring === 0 ? CENTRE_RADIUS : layout.ringRadii[a.ring - 1]);
					expect(r).toBeLessThan(layout.ringRadii[a.ring]);
					const angle = (Math.atan2(a.dot.x - layout.cx, layout.cy - a.dot.y) + 2 * Math.PI) % (2 * Math.PI);
					const wedge = layout.sectors.find((s) => s.sector === a.sector)!;
					expect(angle).toBeGreaterThanOrEqual(wedge.start - 1e-9);
					expect(angle).toBeLessThanOrEqual(wedge.end + 1e-9);
				}
				for (let i = 0; i < layout.actors.length; i++)
					for (let j = i + 1; j < layout.actors.length; j++) {
						const [a, b] = [layout.actors[i].dot, layout.actors[j].dot];
						expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(2 * DOT_RADIUS);
					}
			}),
			{ numRuns: 200 }
		);
	});

	it('draws the same map whatever order the actors come in', () => {
		fc.assert(
			fc.property(input(3, 40), fc.integer(), (map, seed) => {
				const shuffled = [...map.actors].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
				expect(layoutMap({ ...map, actors: shuffled })).toEqual(layoutMap(map));
			}),
			{ numRuns: 100 }
		);
	});
});
