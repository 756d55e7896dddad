import { findings } from '$lib/assessment/findings';
import { TRAIT_IDS, type Side } from '$lib/assessment/types';
import { getVersion } from '$lib/assessment/versions';
import { getLocale } from '$lib/paraglide/runtime';
import { requirePair } from '$lib/server/access';
import { roundResult, sideComments } from '$lib/server/results';
import { isOpen, listRounds } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, pair } = requirePair(event);
	const rounds = listRounds(pair.id).map((r) => ({ ...r, open: isOpen(r), stored: roundResult(r.id) }));
	const withResults = rounds.filter((r) => r.stored);
	const asked = Number(event.url.searchParams.get('round'));
	const chosen = withResults.find((r) => r.number === asked) ?? withResults.at(-1);
	const locale = getLocale();
	if (!chosen?.stored) return { project: { id: project.id, name: project.name, minGroupSize: project.minGroupSize }, pair, rounds: [], chosen: null };

	const version = getVersion(chosen.questionnaireVersion)!;
	const score = chosen.stored.result;
	const min = project.minGroupSize;
	// A side below the project's smallest group size is hidden, so no one's answers can be singled out.
	const visible = (side: Side) => (score.sides[side]?.respondents ?? 0) >= min;
	// The pair is the mean of the sides: beside one visible side it would give the hidden one away.
	const pairVisible = visible('municipality') && visible('association');
	const traitNames = Object.fromEntries(version.traits.map((t) => [t.id, t.name[locale]]));
	const shownFindings = findings(score).filter((f) => {
		if ('scope' in f) return f.scope === 'pair' ? pairVisible : visible(f.scope);
		if (f.kind === 'sides_differ_step' || f.kind === 'sides_differ_self' || f.kind === 'sides_differ_trait')
			return visible('municipality') && visible('association');
		return true;
	});
	const pairTraits = score.pair && pairVisible ? TRAIT_IDS.filter((t) => score.pair!.traits[t].mean !== null) : [];
	const weakest = [...pairTraits].sort((a, b) => score.pair!.traits[a].mean! - score.pair!.traits[b].mean!).slice(0, 2);

	return {
		project: { id: project.id, name: project.name, minGroupSize: min },
		pair,
		rounds: withResults.map((r) => ({ number: r.number, open: r.open })),
		chosen: {
			number: chosen.number,
			open: chosen.open,
			questionnaireVersion: chosen.questionnaireVersion,
			score,
			visible: { municipality: visible('municipality'), association: visible('association'), pair: pairVisible },
			findings: shownFindings,
			weakest,
			traitNames,
			steps: version.steps.map((s) => ({ step: s.step, name: s.name[locale], description: s.description[locale] })),
			comments: {
				municipality: visible('municipality') ? sideComments(chosen.id, 'municipality', version.comment.id) : [],
				association: visible('association') ? sideComments(chosen.id, 'association', version.comment.id) : []
			}
		}
	};
};
