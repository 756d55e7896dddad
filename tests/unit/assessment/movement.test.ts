import fc from 'fast-check';
import { expect, it } from 'vitest';
import { moved, TRAIT_MOVE } from '../../../src/lib/assessment/movement';

it.each([
	[3.0, 3.2, 'up'],
	[3.0, 3.19, 'same'],
	[3.4, 3.0, 'down'],
	[null, 4, 'unknown'],
	[4, null, 'unknown']
] as const)('a trait from %s to %s has moved %s', (before, after, expected) => {
	expect(moved(before, after)).toBe(expected);
});

it('treats steps as whole numbers: one step is a move', () => {
	expect(moved(3, 4, 1)).toBe('up');
	expect(moved(4, 4, 1)).toBe('same');
	expect(moved(4, 2, 1)).toBe('down');
});

it('is antisymmetric: swapping before and after swaps up and down', () => {
	fc.assert(
		fc.property(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (a, b) => {
			const there = moved(a, b);
			const back = moved(b, a);
			expect(back).toBe(there === 'up' ? 'down' : there === 'down' ? 'up' : 'same');
			if (Math.abs(b - a) < TRAIT_MOVE - 1e-6) expect(there).toBe('same');
		})
	);
});
