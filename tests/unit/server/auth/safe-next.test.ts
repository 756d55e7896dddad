import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../../src/lib/server/auth/cookie';

describe('the place to return to after sign-in', () => {
	it('is a path of this site, even when dot segments resolve to a protocol-relative address', () => {
		for (const next of ['/.//evil.example', '/a/..//evil.example', '/./\\evil.example', '//evil.example', '/\\evil.example', 'https://evil.example'])
			expect(safeNext(next, '/projects'), next).toBe('/projects');
		expect(safeNext('/projects/3?page=2', '/projects')).toBe('/projects/3?page=2');
	});
});
