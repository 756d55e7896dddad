import { marked } from 'marked';
import type { Locale } from '$lib/assessment/types';
import en from '../../../docs/scoring.md?raw';
import fi from '../../../docs/method/fi.md?raw';
import sv from '../../../docs/method/sv.md?raw';

// "How results are calculated", one Markdown source per language (docs/scoring.md is the
// English one, whose worked example is also a test). Rendered once, when the server starts.
const rendered: Record<Locale, string> = {
	fi: marked.parse(fi, { async: false }),
	sv: marked.parse(sv, { async: false }),
	en: marked.parse(en, { async: false })
};

export const methodHtml = (locale: Locale): string => rendered[locale];
