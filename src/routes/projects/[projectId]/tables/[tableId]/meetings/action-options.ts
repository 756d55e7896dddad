import { currentVersion } from '$lib/assessment/versions';
import { t } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** What an action can aim at, and which resources it can use, in the reader's language. */
export function actionOptions() {
	return {
		targets: [
			...currentVersion.traits.map((trait) => ({ value: `trait:${trait.id}`, label: t(trait.name) })),
			...currentVersion.steps.slice(1).map((s) => ({ value: `step:${s.step}`, label: `${m.step_label({ step: s.step })}: ${t(s.name)}` }))
		],
		resources: (currentVersion.descriptive.find((d) => d.id === 'resources')?.options ?? []).map((o) => ({ id: o.id, label: t(o.label) }))
	};
}
