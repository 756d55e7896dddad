import { readFileSync } from 'node:fs';
import { suomifiDesignTokens } from 'suomifi-design-tokens';
import { expect, it } from 'vitest';

it('keeps the Suomi.fi colour and spacing tokens as the design system defines them', () => {
	const css = readFileSync('src/lib/styles/app.css', 'utf8');
	const declared = [...css.matchAll(/--fi-(color|spacing)-([a-z0-9-]+):\s*([^;]+);/g)];
	expect(declared.length).toBeGreaterThan(20);
	const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
	for (const [, group, name, value] of declared) {
		const tokens = group === 'color' ? suomifiDesignTokens.colors : suomifiDesignTokens.spacing;
		expect(value.trim(), `--fi-${group}-${name}`).toBe((tokens as unknown as Record<string, string>)[camel(name)]);
	}
});
