import type { QuestionnaireVersion } from '../types.ts';
import { v2026_1 } from './v2026-1.ts';
import { v2026_2 } from './v2026-2.ts';

/** Every published questionnaire version by id. A published version is never edited: add a new one. */
export const versions: Readonly<Record<string, QuestionnaireVersion>> = {
	[v2026_1.id]: v2026_1,
	[v2026_2.id]: v2026_2
};

/** The version new rounds use. */
export const currentVersion: QuestionnaireVersion = v2026_2;

export function getVersion(id: string): QuestionnaireVersion | undefined {
	return Object.hasOwn(versions, id) ? versions[id] : undefined;
}
